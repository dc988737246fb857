import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultThreads } from './pool.js';

describe('defaultThreads (the default -j)', () => {
  it('should leave one core free and never go below one thread', () => {
    expect(defaultThreads(1)).toBe(1);
    expect(defaultThreads(2)).toBe(1);
    expect(defaultThreads(4)).toBe(3);
    expect(defaultThreads(16)).toBe(15);
  });

  it('should default to the cores of this machine', () => {
    expect(defaultThreads()).toBe(Math.max(1, availableParallelism() - 1));
  });
});
