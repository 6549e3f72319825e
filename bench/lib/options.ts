/** What every benchmark takes from bench/run.ts. */
export interface BenchOptions {
  /** A smoke run in seconds: small sizes, one run each (figures are not comparable to the targets). */
  readonly quick: boolean;
  /** Runs per measurement, overriding each benchmark's default. */
  readonly runs?: number;
  /** Kill a measurement after this many seconds (it then counts as a MISS at that time). */
  readonly timeoutSeconds: number;
  readonly log: (line: string) => void;
}
