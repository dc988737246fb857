/**
 * Property tests run the same generated cases on every run, so CI is
 * reproducible: a failure seen once is seen again. Explore other cases with
 * `COPYDESK_PROPERTY_SEED=<n>` (and more with `COPYDESK_PROPERTY_RUNS=<n>`);
 * a counterexample found that way becomes a fix and, where useful, a fixture.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.COPYDESK_PROPERTY_SEED ?? 20261128) });
