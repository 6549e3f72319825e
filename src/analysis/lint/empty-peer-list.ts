/**
 * Rule 11: `from: []` / `to: []` reads as "nobody" but Kubernetes reads it as "every peer",
 * external addresses included (docs/semantics.md §2 "Empty lists mean opposite things"). Reported in
 * the shared validator's words; the constructs refuse it outright.
 */
import type { LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { problemFinding } from './wording';

const ID = 'empty-peer-list';
const PEER_LIST = /^spec\.(ingress|egress)\[\d+\]\.(from|to)$/;

export const emptyPeerList: LintRule = {
  id: ID,
  severity: 'error',
  description: 'An empty `from: []` or `to: []`, which Kubernetes reads as every peer (external addresses included), not as nobody.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => model.policies.flatMap(policy => context.specProblems(policy)
    .filter(problem => problem.severity === 'trap' && PEER_LIST.test(problem.field))
    .map(problem => problemFinding(emptyPeerList, policy, problem))),
};
