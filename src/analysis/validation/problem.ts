/**
 * One problem found in a NetworkPolicy object. Shared by the constructs (which throw on any
 * problem, prefixed with their construct path) and by the analyzer's loader and lint (which
 * report them against a file and document), so both say it in the same words.
 */
export interface ValidationProblem {
  /** Field path inside the object, API-server style: `spec.ingress[0].from[1].ipBlock.cidr`. */
  readonly field: string;
  /** The offending value, rendered for a message (JSON for non-strings). */
  readonly value: string;
  /** What is wrong, e.g. `has bits set beyond the /8 prefix`. */
  readonly message: string;
  /** How to fix it, e.g. `use '10.0.0.0/8' or '10.0.0.1/32'`. */
  readonly fix: string;
  /**
   * `rejected`: the API server refuses it (docs/semantics.md §1) — the analyzer's loader exits 2.
   * `trap`: the server accepts it, but it is almost certainly not what was meant (empty from/to,
   * duplicate policyTypes, named port with ipBlock, rules for a direction not isolated) — the
   * constructs refuse it, lint reports it.
   */
  readonly severity: 'rejected' | 'trap';
}

/** `spec.ingress[0].from: [] means everyone; fix: ...` — the one way problems are worded. */
export function formatProblem(p: ValidationProblem): string {
  return `${p.field}: ${p.value} ${p.message}; ${p.fix}`;
}
