/**
 * A cluster policy rule that can never match: an earlier rule of the same policy, or a rule of
 * a policy that runs before it in the same tier (a lower priority number) and covers its whole
 * subject, matches all of its traffic first, and the first rule that matches decides
 * (docs/cluster-network-policy.md, "Evaluation"; Pass decides too: it skips the rest of the
 * tier). Judged per rule pair from selectors alone (cluster-coverage.ts), never per pod pair.
 */
import { tierOrder } from '../cluster-evaluation';
import { describeClusterPolicy } from '../cluster-policy-warnings';
import type { ClusterPolicy, ClusterRuleSpec, Direction } from '../model';
import { podsCover, ruleCovers } from './cluster-coverage';
import { clusterPolicyFinding, clusterRuleField, clusterRules, DIRECTIONS } from './cluster-wording';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { listSome } from './wording';

const ID = 'cluster-rule-shadowed';

export const clusterRuleShadowed: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A cluster policy rule that never matches: an earlier rule of its policy, or of a policy before it in its tier over the same pods, decides all its traffic first.',
  docUrl: ruleDocUrl(ID),
  check: model => {
    const policies = model.clusterPolicies ?? [];
    return (['Admin', 'Baseline'] as const).flatMap(tier => {
      const ordered = tierOrder(policies, tier);
      return ordered.flatMap(policy => DIRECTIONS.flatMap(direction => shadowedRules(policy, direction, ordered)));
    });
  },
};

/** What decides a rule's traffic before it. */
interface Shadow {
  readonly policy: ClusterPolicy;
  readonly index: number;
  readonly rule: ClusterRuleSpec;
}

function shadowedRules(policy: ClusterPolicy, direction: Direction, tier: readonly ClusterPolicy[]): Finding[] {
  // Earlier policies count only when they surely run first (a strictly lower priority) for every pod this one selects.
  const before = tier.filter(other => other.priority < policy.priority && podsCover(other.subject, policy.subject));
  const rules = clusterRules(policy, direction);
  return rules.flatMap((rule, index) => {
    // A peer of an unknown kind is read fail-closed; whether that rule matches is the reader's warning, not a shadow.
    if (rule.peers.some(peer => peer.unknown)) return [];
    const own = rules.slice(0, index).findIndex(earlier => ruleCovers(earlier, rule));
    const shadow: Shadow | undefined = own >= 0
      ? { policy, index: own, rule: rules[own] }
      : firstShadow(before, direction, rule);
    if (shadow !== undefined) return [finding(policy, direction, index, shadow)];
    const shadows = peerShadows([...before, policy], policy, index, direction, rule);
    return shadows === undefined ? [] : [unionFinding(policy, direction, index, shadows)];
  });
}

/**
 * When no one rule decides all of a rule's traffic, several may: each of its peers matched, on
 * all of its ports, by some rule that runs first. The rules that do, or undefined.
 */
function peerShadows(
  policies: readonly ClusterPolicy[], policy: ClusterPolicy, index: number, direction: Direction, rule: ClusterRuleSpec,
): Shadow[] | undefined {
  const earlier: Shadow[] = policies.flatMap(p => clusterRules(p, direction)
    .map((r, i) => ({ policy: p, index: i, rule: r }))
    .filter(s => s.policy !== policy || s.index < index));
  const found = new Set<Shadow>();
  for (const peer of rule.peers) {
    const shadow = earlier.find(s => ruleCovers(s.rule, { ...rule, peers: [peer] }));
    if (shadow === undefined) return undefined;
    found.add(shadow);
  }
  return [...found];
}

function firstShadow(before: readonly ClusterPolicy[], direction: Direction, rule: ClusterRuleSpec): Shadow | undefined {
  for (const other of before) {
    const index = clusterRules(other, direction).findIndex(earlier => ruleCovers(earlier, rule));
    if (index >= 0) return { policy: other, index, rule: clusterRules(other, direction)[index] };
  }
  return undefined;
}

function finding(policy: ClusterPolicy, direction: Direction, index: number, shadow: Shadow): Finding {
  const field = clusterRuleField(direction, index);
  const by = clusterRuleField(direction, shadow.index);
  if (shadow.policy === policy) {
    return clusterPolicyFinding(clusterRuleShadowed, policy, field,
      `never matches: ${by} (${shadow.rule.action}) of this policy matches all of its traffic first, and the first matching rule decides`,
      `remove the rule, or move it before ${by} if it is an exception to it`);
  }
  return clusterPolicyFinding(clusterRuleShadowed, policy, field,
    `never matches: ${by} (${shadow.rule.action}) of ${describeClusterPolicy(shadow.policy)} (priority ${shadow.policy.priority}, before this policy's ${policy.priority} in the ${policy.tier} tier, over every pod this policy selects) matches all of its traffic first`,
    `remove the rule, or give this policy a lower priority number than ${shadow.policy.priority} if it is an exception to ${describeClusterPolicy(shadow.policy)}`);
}

function unionFinding(policy: ClusterPolicy, direction: Direction, index: number, shadows: readonly Shadow[]): Finding {
  const by = shadows.map(s => `${clusterRuleField(direction, s.index)} (${s.rule.action}) of ${s.policy === policy ? 'this policy' : `${describeClusterPolicy(s.policy)} (priority ${s.policy.priority})`}`);
  return clusterPolicyFinding(clusterRuleShadowed, policy, clusterRuleField(direction, index),
    `never matches: each of its peers is matched first, on all of its ports, by one of ${listSome(by, 4)}`,
    'remove the rule, or move it (or give its policy a priority) before those rules if it is an exception to them');
}
