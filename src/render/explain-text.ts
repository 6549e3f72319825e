/**
 * An explanation as text: what `cdk8s-netpol explain` prints and what the jest matchers show
 * on failure. The verdict comes first, in the txt format's words; then each end, the
 * source's egress and the destination's ingress, with the policies and rules that decided it.
 */
import { tieredSideLines } from './explain-tiers';
import type { Direction, Policy } from '../analysis/model';
import { endpointId, type Explanation, type MissReason, type SideExplanation } from '../analysis/results';

const REASONS: Record<MissReason, string> = {
  'no-peer-matched': 'no peer matches',
  'port-or-protocol-mismatch': 'the ports do not match',
  'named-port-not-on-destination': 'the named port is not on the destination',
};

export function explainToText(explanation: Explanation): string {
  const { src, dst, query, allowed, conns } = explanation;
  const on = query ? ` on ${query.port}/${query.protocol}` : '';
  return [
    `${allowed ? 'ALLOWED' : 'DENIED'} ${endpointId(src)} => ${endpointId(dst)}${on} : ${conns.toString()}`,
    ...sideLines(explanation.egress, explanation.query),
    ...sideLines(explanation.ingress, explanation.query),
    ...explanation.notes.map(note => `note: ${note}`),
  ].join('\n') + '\n';
}

function sideLines(side: SideExplanation, query: Explanation['query']): string[] {
  const head = `${side.direction.toLowerCase()} of ${endpointId(side.endpoint)}`;
  if (side.tiers) return tieredSideLines(head, side, query);
  if (!side.applies) return [`${head}: outside the cluster, no policy applies`];
  if (!side.isolated) return [`${head}: not isolated (no policy selects it for ${side.direction}), so all connections`];
  const ruleName = (policy: Policy, ruleIndex: number) => `${policyName(policy)} spec.${side.direction.toLowerCase()}[${ruleIndex}]`;
  return [
    `${head}: isolated by ${side.selectingPolicies.map(p => policyName(p) + location(p)).join(', ')}`,
    ...side.allowedBy.map(m => `  ${ruleName(m.policy, m.ruleIndex)} allows ${m.conns.toString()}`),
    ...side.notAllowedBy.map(m => `  ${ruleName(m.policy, m.ruleIndex)} does not allow it (${REASONS[m.reason]})${m.detail ? `: ${m.detail}` : ''}`),
    ...side.selectingPolicies.filter(p => rules(p, side.direction).length === 0).map(p => `  ${policyName(p)} has no ${side.direction.toLowerCase()} rules`),
    `  so ${side.direction.toLowerCase()} allows: ${side.conns.toString()}`,
  ];
}

function rules(policy: Policy, direction: Direction) {
  return direction === 'Ingress' ? policy.ingress : policy.egress;
}

function policyName(policy: Policy): string {
  return `${policy.namespace}/${policy.name}`;
}

/** ` (policies.yaml:12)` when the policy came from a file, so the reader can open it. */
function location(policy: Policy): string {
  const { file, line } = policy.source ?? {};
  return file === undefined ? '' : ` (${file}${line === undefined ? '' : `:${line}`})`;
}
