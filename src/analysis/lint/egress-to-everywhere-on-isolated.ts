/**
 * NetworkPolicy cannot deny (docs/semantics.md §2, "Policies are additive"): an egress rule to
 * "everywhere but a few addresses" is an allowance of everything else. Written for pods whose
 * egress is otherwise open, it keeps them from those addresses; on pods that another policy
 * egress-isolates (a default deny, a tier) it opens the internet to the very pods that policy
 * locks down. This is the `AllowEgressExceptCloudMetadata` (formerly `DenyCloudMetadata`) shape.
 *
 * The shape: an egress rule on every port (no `ports`) with no `to` at all, or with an ipBlock of
 * the whole address space (`0.0.0.0/0`, `::/0`), with or without `except`. An ipBlock whose
 * `except` leaves out every private range (10/8, 172.16/12, 192.168/16; fc00::/7) is an explicit
 * internet allowance (`AllowInternetEgress`), designed range by range, and is not reported; nor is
 * a rule with `ports` (HTTPS anywhere is a deliberate exposure). A rule with no `to` and no
 * `ports` against a policy that allows nothing is `allow-all-cancels-deny`'s finding.
 *
 * The Admin tier decides before NetworkPolicy (docs/cluster-network-policy.md, "Evaluation"): when
 * it denies the pods every address outside the cluster the rule allows (a "no internet" policy),
 * the rule opens nothing there and is not reported. A Baseline policy never sees the egress of
 * pods NetworkPolicy isolates, and an Admin Deny of a few addresses (the metadata service) leaves
 * the rest of the internet open.
 */
import { ConnectionSet } from '../connection-set';
import type { PodSubject } from '../evaluation';
import { type AddressInterval, cidrInterval, cutAddressSpace, ipBlockCovers } from '../ip-ranges';
import type { IpBlockSpec, Policy, RuleSpec } from '../model';
import { tieredSide } from './cluster-tiers';
import type { LintContext } from './context';
import { representativePod } from './context';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { forEachIsolatedRule } from './isolated-rules';
import { sharedPods } from './shared-pods';
import { listSome, policyFinding, policyRef } from './wording';

const ID = 'egress-to-everywhere-on-isolated';

const WHOLE_SPACE: Readonly<Record<string, string>> = { '0.0.0.0/0': 'IPv4', '::/0': 'IPv6' };

/** The private ranges an internet allowance leaves out: RFC 1918 and IPv6 unique-local addresses. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'].map(cidr => cidrInterval(cidr)!);

export const egressToEverywhereOnIsolated: LintRule = {
  id: ID,
  severity: 'error',
  description: 'An egress rule to every address (all but a few, or no `to` at all) on pods another policy egress-isolates: NetworkPolicy cannot deny, so it opens the internet to them.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => {
    const findings: Finding[] = [];
    let isolating: Map<string, Policy[]> | undefined;
    for (const policy of model.policies) {
      forEachIsolatedRule(policy, (direction, rule, ruleIndex) => {
        if (direction !== 'Egress') return;
        const shape = everywhereShape(rule, ruleIndex);
        if (!shape) return;
        isolating ??= lockingDownByNamespace(model.policies);
        const finding = judge(context, policy, rule, shape, isolating.get(policy.namespace) ?? []);
        if (finding) findings.push(finding);
      });
    }
    return findings;
  },
};

/** What a rule of the shape allows, and the field that says so. */
interface Shape {
  readonly field: string;
  readonly what: string;
}

function everywhereShape(rule: RuleSpec, ruleIndex: number): Shape | undefined {
  if (rule.ports !== undefined) return undefined;
  const field = `spec.egress[${ruleIndex}]`;
  if (rule.peers === undefined) return { field, what: 'every destination (no `to`)' };
  const index = rule.peers.findIndex(peer => peer.ipBlock !== undefined && allButAFew(peer.ipBlock));
  if (index < 0) return undefined;
  const block = rule.peers[index].ipBlock!;
  const except = block.except ?? [];
  const family = WHOLE_SPACE[block.cidr];
  return {
    field: `${field}.to[${index}].ipBlock`,
    what: except.length === 0 ? `every ${family} address` : `every ${family} address but ${listSome(except)}`,
  };
}

/** The whole address space of a family, with private ranges left in. */
function allButAFew(block: IpBlockSpec): boolean {
  if (!Object.hasOwn(WHOLE_SPACE, block.cidr)) return false;
  const family = cidrInterval(block.cidr)!.family;
  const except = (block.except ?? []).flatMap(cidr => cidrInterval(cidr) ?? []);
  return !PRIVATE_RANGES.filter(range => range.family === family).every(range => except.some(e => within(range, e)));
}

function within(inner: AddressInterval, outer: AddressInterval): boolean {
  return inner.family === outer.family && outer.first <= inner.first && inner.last <= outer.last;
}

/**
 * Per namespace, the policies that isolate egress to lock pods down: those with no rule of the
 * shape themselves (two copies of the pattern on one pod lock nothing down).
 */
function lockingDownByNamespace(policies: readonly Policy[]): Map<string, Policy[]> {
  const byNamespace = new Map<string, Policy[]>();
  for (const policy of policies) {
    if (!policy.policyTypes.includes('Egress') || policy.egress.some((rule, i) => everywhereShape(rule, i))) continue;
    const list = byNamespace.get(policy.namespace);
    if (list) list.push(policy);
    else byNamespace.set(policy.namespace, [policy]);
  }
  return byNamespace;
}

function judge(context: LintContext, policy: Policy, rule: RuleSpec, shape: Shape, isolating: readonly Policy[]): Finding | undefined {
  const denies = isolating.filter(other => other !== policy && !(rule.peers === undefined && other.egress.length === 0));
  const overlaps = denies.map(other => ({ other, pods: sharedPods(context, policy, other) })).filter(o => o.pods.length > 0);
  if (overlaps.length === 0 || adminDeniesAllOutside(context, policy, rule)) return undefined;
  const pods = [...new Set(overlaps.flatMap(o => o.pods))];
  const others = overlaps.map(o => policyRef(o.other));
  return policyFinding(egressToEverywhereOnIsolated, policy, shape.field,
    `allows ${shape.what} on every port to ${listSome(pods)}, whose egress ${listSome(others)} isolates; NetworkPolicy cannot deny (policies add up), `
      + `so this opens the internet to the pods ${others.length === 1 ? 'that policy' : 'those policies'} meant to lock down`,
    'to keep pods from a few addresses, use a ClusterNetworkPolicy with action Deny (docs/cluster-network-policy.md); '
      + 'to let them reach the internet, allow it without the private ranges (AllowInternetEgress) or list the CIDRs they need; '
      + 'AllowEgressExceptCloudMetadata only belongs where egress is otherwise open');
}

/**
 * Whether the Admin tier denies every pod of `policy` egress to every address outside the cluster
 * that `rule` allows (the model's external ranges, cut at every ipBlock and `networks` CIDR): one
 * evaluation per pod class and range, and only when cluster policies select the pods.
 */
function adminDeniesAllOutside(context: LintContext, policy: Policy, rule: RuleSpec): boolean {
  if (!context.clusterTiers) return false;
  const pods: PodSubject[] = context.hasWorkloadsIn(policy.namespace)
    ? context.selectedClasses(policy).map(c => context.classes[c].subject)
    : [representativePod(context.model, policy.namespace, policy.podSelector)];
  const ranges = cutAddressSpace(context.model)
    .filter(interval => rule.peers === undefined || rule.peers.some(peer => peer.ipBlock && ipBlockCovers(peer.ipBlock, interval)));
  // With the NetworkPolicy layer allowing everything, what the side still refuses is what the Admin tier denied.
  const open = { isolated: true, conns: ConnectionSet.all() };
  return pods.every(pod => ranges.every(interval => tieredSide(context, 'Egress', pod, { kind: 'external', interval }, open)?.conns.isEmpty() ?? false));
}
