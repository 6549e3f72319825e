/**
 * An explanation as JSON (`cdk8s-netpol explain -o json`): the verdict, then each end with the
 * layers that decided it in evaluation order (docs/cluster-network-policy.md). Connection sets
 * are in the txt format's words (`TCP 80,UDP 53`); policies are named, not copied.
 */
import type { TierResult } from '../analysis/cluster-evaluation';
import type { Policy } from '../analysis/model';
import { endpointId, type Explanation, type SideExplanation } from '../analysis/results';

export function explainToJson(explanation: Explanation): string {
  const { src, dst, query, allowed, conns } = explanation;
  return JSON.stringify({
    allowed,
    from: endpointId(src),
    to: endpointId(dst),
    ...query ? { port: `${query.port}/${query.protocol}` } : {},
    connections: conns.toString(),
    egress: side(explanation.egress),
    ingress: side(explanation.ingress),
    notes: explanation.notes,
  }, undefined, 2) + '\n';
}

const policyName = (p: Policy) => `${p.namespace}/${p.name}`;

function side(s: SideExplanation) {
  const networkPolicy = {
    isolated: s.isolated,
    policies: s.selectingPolicies.map(policyName),
    allowedBy: s.allowedBy.map(m => ({ policy: policyName(m.policy), rule: m.ruleIndex, connections: m.conns.toString() })),
    notAllowedBy: s.notAllowedBy.map(m => ({ policy: policyName(m.policy), rule: m.ruleIndex, reason: m.reason, detail: m.detail })),
  };
  const base = { endpoint: endpointId(s.endpoint), applies: s.applies, connections: s.conns.toString() };
  if (!s.tiers) return { ...base, networkPolicy };
  const { admin, baseline, byDefault } = s.tiers;
  return {
    ...base,
    admin: tier(admin),
    networkPolicy: { reached: s.tiers.networkPolicy.reached.toString(), allowed: s.tiers.networkPolicy.allowed.toString(), ...networkPolicy },
    baseline: tier(baseline),
    byDefault: byDefault.toString(),
  };
}

function tier(result: TierResult) {
  return result.steps.map(step => ({
    policy: { kind: step.policy.kind, name: step.policy.name, tier: step.policy.tier, priority: step.policy.priority },
    rule: step.rule.name ?? step.ruleIndex,
    action: step.action,
    connections: step.conns.toString(),
  }));
}
