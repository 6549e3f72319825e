/**
 * An egress `networks` Accept or Deny whose CIDRs may hold pod IPs, with no rule before it that
 * decides pod traffic: `networks` match by address, pod IPs included
 * (`clusternetworkpolicy_types.go`, `Networks`: "if you Accept or Deny traffic to 0.0.0.0/0,
 * that will allow or deny all IPv4 pod-to-pod traffic as well. If you don't want that, add a
 * rule that Passes all pod traffic before the Networks rule"). The analysis knows no pod CIDR,
 * so a range may hold pods when it overlaps the private ranges clusters take pod IPs from.
 */
import { tierOrder } from '../cluster-evaluation';
import { type AddressInterval, cidrInterval } from '../ip-ranges';
import type { ClusterPolicy, ClusterRuleSpec } from '../model';
import { decidesAllPodTraffic, podsCover } from './cluster-coverage';
import { clusterPolicyFinding, clusterRuleField } from './cluster-wording';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';

const ID = 'cluster-networks-catch-pods';

/** RFC 1918, the shared range of RFC 6598 (some CNIs use it for pods) and IPv6 unique local addresses. */
const POD_RANGES: readonly AddressInterval[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7']
  .map(cidr => cidrInterval(cidr)!);

export const clusterNetworksCatchPods: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'An egress networks Accept or Deny whose CIDRs may hold pod IPs, with no earlier rule deciding pod traffic: it decides pod-to-pod traffic too.',
  docUrl: ruleDocUrl(ID),
  check: model => {
    const policies = model.clusterPolicies ?? [];
    return (['Admin', 'Baseline'] as const).flatMap(tier => {
      const ordered = tierOrder(policies, tier);
      return ordered.flatMap(policy => catchingRules(policy, ordered));
    });
  },
};

function catchingRules(policy: ClusterPolicy, tier: readonly ClusterPolicy[]): Finding[] {
  // A policy that surely runs first for all of this one's pods and decides their pod egress leaves no pod traffic to catch.
  const decidedBefore = tier.some(other => other.priority < policy.priority && podsCover(other.subject, policy.subject)
    && other.egress.some(decidesAllPodTraffic));
  if (decidedBefore) return [];
  const findings: Finding[] = [];
  for (const [index, rule] of policy.egress.entries()) {
    if (decidesAllPodTraffic(rule)) break;
    if (rule.action === 'Pass') continue;
    const catching = podCidrs(rule);
    if (catching.length === 0) continue;
    findings.push(clusterPolicyFinding(clusterNetworksCatchPods, policy, `${clusterRuleField('Egress', index)}.to`,
      `networks ${catching.join(', ')} may hold pod IPs, and no earlier rule decides pod traffic: this ${rule.action} also ${rule.action === 'Deny' ? 'denies' : 'accepts'} egress to the pods in that range`,
      'put a rule that matches every pod (to: [{namespaces: {}}], action Pass, or the action pods should get) before it, or narrow the CIDRs to addresses outside the pod network'));
  }
  return findings;
}

/** The rule's CIDRs that overlap a range pods are commonly given. */
function podCidrs(rule: ClusterRuleSpec): string[] {
  return rule.peers.flatMap(peer => peer.networks ?? []).filter(cidr => {
    const network = cidrInterval(cidr);
    return network !== undefined && POD_RANGES.some(r => r.family === network.family && r.first <= network.last && network.first <= r.last);
  });
}
