import fc from 'fast-check';

/**
 * fast-check parameters for a property: `numRuns` unless FC_NUM_RUNS says otherwise, and a
 * failure replayed with FC_SEED (and FC_PATH, to go straight to the shrunk counterexample).
 * fast-check's failure message prints the seed and path to put in those variables.
 */
export function propertySettings<T>(numRuns: number): fc.Parameters<T> {
  const { FC_NUM_RUNS, FC_SEED, FC_PATH } = process.env;
  return {
    numRuns: FC_NUM_RUNS ? Number(FC_NUM_RUNS) : numRuns,
    ...FC_SEED ? { seed: Number(FC_SEED) } : {},
    ...FC_PATH ? { path: FC_PATH } : {},
  };
}
