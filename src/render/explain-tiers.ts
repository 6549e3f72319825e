/**
 * One end of an explanation that cluster policies select, as text: which layer decided, in
 * evaluation order (Admin tier, NetworkPolicy, Baseline tier, default; docs/cluster-network-policy.md).
 * With a port asked about, one line follows that port through the layers, e.g.
 * `ClusterNetworkPolicy 'tenants' (Admin, priority 10) passes by ingress rule 'same-tenant'; then
 * NetworkPolicy shop/api-from-web allows by ingress rule spec.ingress[1]`.
 */
import type { TierResult, TierStep } from '../analysis/cluster-evaluation';
import { describeClusterPolicy } from '../analysis/cluster-policy-warnings';
import type { ConnectionSet } from '../analysis/connection-set';
import type { PortQuery } from '../analysis/explain';
import type { ClusterTier, Policy } from '../analysis/model';
import type { SideExplanation } from '../analysis/results';

const VERBS = { Accept: 'accepts', Deny: 'denies', Pass: 'passes' } as const;

/** The lines of one end after its head line (`egress of ns/name[Kind]: ...`). */
export function tieredSideLines(head: string, side: SideExplanation, query: PortQuery | undefined): string[] {
  const tiers = side.tiers!;
  const direction = side.direction.toLowerCase();
  const step = (tier: ClusterTier, s: TierStep) =>
    `${describeClusterPolicy(s.policy)} (${tier}, priority ${s.policy.priority}) ${VERBS[s.action]} by ${direction} rule ${ruleLabel(s)}`;
  const npName = (p: Policy) => `NetworkPolicy ${p.namespace}/${p.name}`;
  const tierLines = (tier: ClusterTier, result: TierResult) => result.steps.length === 0 ? [] : [
    `  ${tier} tier:`,
    ...result.steps.map(s => `    ${step(tier, s)}: ${s.conns}`),
    ...(result.unmatched.isEmpty() ? [] : [`    no rule matches ${result.unmatched}`]),
  ];
  const np = tiers.networkPolicy;
  const npLines = np.reached.isEmpty() ? [] : np.isolated ? [
    `  NetworkPolicy, on ${np.reached}: isolated by ${side.selectingPolicies.map(p => `${p.namespace}/${p.name}`).join(', ')}`,
    ...side.allowedBy.map(m => `    ${npName(m.policy)} spec.${direction}[${m.ruleIndex}] allows ${m.conns}`),
    `    so it allows ${np.allowed} and denies the rest`,
  ] : [`  NetworkPolicy, on ${np.reached}: no policy isolates it for ${side.direction}, so the Baseline tier decides`];
  return [
    `${head}: decided by the policy tiers${query ? `: ${chain(side, query, step, npName)}` : ''}`,
    ...tierLines('Admin', tiers.admin),
    ...npLines,
    ...tierLines('Baseline', tiers.baseline),
    ...(tiers.byDefault.isEmpty() ? [] : [`  default (no tier decided): allows ${tiers.byDefault}`]),
    `  so ${direction} allows: ${side.conns}`,
  ];
}

/** The layers one port goes through, each with its verdict, up to the one that decides. */
function chain(
  side: SideExplanation, query: PortQuery, step: (tier: ClusterTier, s: TierStep) => string, npName: (p: Policy) => string,
): string {
  const tiers = side.tiers!;
  const has = (conns: ConnectionSet) => conns.contains(query.protocol, query.port);
  const parts: string[] = [];
  const admin = tiers.admin.steps.find(s => has(s.conns));
  if (admin) parts.push(step('Admin', admin));
  if (admin && admin.action !== 'Pass') return parts.join('; then ');
  if (tiers.networkPolicy.isolated) {
    const match = side.allowedBy.find(m => has(m.conns));
    const direction = side.direction.toLowerCase();
    parts.push(match
      ? `${npName(match.policy)} allows by ${direction} rule spec.${direction}[${match.ruleIndex}]`
      : `NetworkPolicy ${side.selectingPolicies.map(p => `${p.namespace}/${p.name}`).join(', ')} isolates it and no rule allows it`);
    return parts.join('; then ');
  }
  const baseline = tiers.baseline.steps.find(s => has(s.conns));
  if (baseline) parts.push(step('Baseline', baseline));
  if (!baseline || baseline.action === 'Pass') parts.push('the default allows');
  return parts.join('; then ');
}

/** `'same-tenant'` for a named rule, `spec.ingress[0]` otherwise. */
function ruleLabel(s: TierStep): string {
  return s.rule.name !== undefined ? `'${s.rule.name}'` : `spec.${s.direction.toLowerCase()}[${s.ruleIndex}]`;
}
