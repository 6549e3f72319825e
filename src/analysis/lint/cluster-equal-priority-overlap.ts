/**
 * Two policies of one tier at one priority whose subjects may select a common pod, with rules in
 * a common direction: the API leaves their order to the implementation
 * (`clusternetworkpolicy_types.go`, `Priority`; docs/cluster-network-policy.md, "Evaluation"),
 * so the cluster may apply either first. Judged from the selectors: subjects overlap unless
 * their requirements contradict (cluster-coverage.ts), so a pod deployed later counts too.
 */
import { describeClusterPolicy } from '../cluster-policy-warnings';
import type { ClusterPolicy } from '../model';
import { podsMayOverlap } from './cluster-coverage';
import { clusterPolicyFinding } from './cluster-wording';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';

const ID = 'cluster-equal-priority-overlap';

export const clusterEqualPriorityOverlap: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'Two cluster policies of one tier at the same priority whose subjects may select the same pods: which applies first is up to the implementation.',
  docUrl: ruleDocUrl(ID),
  check: model => {
    const groups = new Map<string, ClusterPolicy[]>();
    for (const policy of model.clusterPolicies ?? []) {
      const key = `${policy.tier}/${policy.priority}`;
      groups.set(key, [...groups.get(key) ?? [], policy]);
    }
    const findings: Finding[] = [];
    for (const group of groups.values()) {
      // Each policy is reported once, against the first one before it in the input that it ties with.
      group.forEach((policy, i) => {
        const tie = group.slice(0, i).find(earlier => sharesDirection(earlier, policy) && podsMayOverlap(earlier.subject, policy.subject));
        if (tie === undefined) return;
        findings.push(clusterPolicyFinding(clusterEqualPriorityOverlap, policy, 'spec.priority',
          `${policy.priority} in the ${policy.tier} tier, as ${describeClusterPolicy(tie)}, and their subjects may select the same pods: the implementation chooses which applies first`,
          'give one of them a different priority; the lower number runs first'));
      });
    }
    return findings;
  },
};

function sharesDirection(a: ClusterPolicy, b: ClusterPolicy): boolean {
  return (a.ingress.length > 0 && b.ingress.length > 0) || (a.egress.length > 0 && b.egress.length > 0);
}
