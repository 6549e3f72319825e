import type { Direction, Policy, RuleSpec, Workload } from '../model';
import type { LintContext } from './context';
import { judgedNamespaces } from './peer-selects-nothing';

/**
 * The workloads a rule's traffic goes to, when the input holds every pod it could go to:
 * ingress, the pods the policy selects; egress, the pods its peers match, when every peer is one
 * `peer-selects-nothing` can judge (no ipBlock, no `to` missing, namespaces named or its own).
 * Empty when the rule cannot be judged that way.
 */
export function ruleDestinations(context: LintContext, policy: Policy, direction: Direction, rule: RuleSpec): readonly Workload[] {
  if (direction === 'Ingress') return context.selectedWorkloads(policy);
  if (rule.peers === undefined || rule.peers.some(peer => judgedNamespaces(context, policy, peer) === undefined)) return [];
  return context.workloadsOf(context.peerClasses(policy, rule.peers));
}
