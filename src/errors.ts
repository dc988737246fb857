/**
 * Errors for bad input: each carries a one-line reason that names what is
 * wrong, never a stack trace. `kind` decides the outcome in a batch.
 */
export type InputProblem =
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'too-large'
  | 'unreadable'
  | 'timeout'
  | 'crashed';

export class InputError extends Error {
  readonly problem: InputProblem;
  constructor(problem: InputProblem, message: string) {
    super(message);
    this.name = 'InputError';
    this.problem = problem;
  }
  /** Skips are not failures (DESIGN.md: empty input, broken links met while walking). */
  get isSkip(): boolean {
    return this.problem === 'empty';
  }
}

/** Bad options or usage: the CLI exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
