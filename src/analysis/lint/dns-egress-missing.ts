/**
 * Rule 1: once a pod is egress-isolated, DNS is denied like everything else unless a rule
 * allows it (docs/semantics.md §3), and every lookup of a Service name fails. The resolver is usually
 * not in the input (kube-system, openshift-dns, a NodeLocal IP), so this rule cannot ask the
 * reachability matrix; it asks whether any egress rule of a policy isolating the pod admits
 * UDP 53 or 5353 (OpenShift's resolver port) to some peer.
 *
 * Cluster policies decide before and after NetworkPolicy (docs/cluster-network-policy.md): where
 * one selects the pod, the pod's egress toward the resolvers (dns-resolvers.ts: kube-dns, and
 * those a cluster policy accepts DNS to) goes through the tiers, with the NetworkPolicy layer's
 * answer as above; DNS works when it reaches one of them. An Admin
 * Accept of DNS (ClusterDnsEgress) answers for NetworkPolicies that allow none; an Admin Deny, or
 * a Baseline Deny of a pod NetworkPolicy leaves open, takes DNS away, and the finding names it.
 */
import type { TieredSide } from '../cluster-evaluation';
import { ConnectionSet } from '../connection-set';
import { portsConns, type PodSubject, type Subject } from '../evaluation';
import { memo } from '../memo';
import type { ClusterPolicy, ClusterRuleSpec, Policy, RuleSpec } from '../model';
import { workloadId } from '../model';
import { denyingSteps, tieredSide } from './cluster-tiers';
import { clusterPolicyFinding, clusterRuleField } from './cluster-wording';
import type { LintContext } from './context';
import { representativePod } from './context';
import { DNS, dnsResolvers, KUBE_DNS } from './dns-resolvers';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { listSome, podsIn, policyFinding } from './wording';

const ID = 'dns-egress-missing';
/** Who took DNS away from a pod: a NetworkPolicy isolating it, or the rule of a cluster policy that denied it. */
type Decider = { readonly policy: Policy } | { readonly policy: ClusterPolicy; readonly ruleIndex: number; readonly rule: ClusterRuleSpec };

export const dnsEgressMissing: LintRule = {
  id: ID,
  severity: 'error',
  description: 'Egress is isolated for a workload, but no egress rule allows it DNS (UDP 53, or 5353 for OpenShift-style resolvers), or a cluster policy denies it DNS.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => {
    const withoutDns = new Map<object, { decider: Decider; who: string[] }>();
    const report = (decider: Decider, who: string) => {
      // One finding per NetworkPolicy, or per rule of a cluster policy.
      const key = 'rule' in decider ? decider.rule : decider.policy;
      const entry = withoutDns.get(key) ?? { decider, who: [] };
      entry.who.push(who);
      withoutDns.set(key, entry);
    };
    const resolvers = dnsResolvers(model);
    const judge = (pod: PodSubject, isolating: readonly Policy[]) => takesDnsAway(context, pod, isolating, resolvers);
    // Workloads of one class are alike to every rule: judge each class once.
    const deciders = new Map<number, Decider | undefined>();
    for (const workload of model.workloads) {
      const c = context.classOf(workload);
      const decider = memo(deciders, c, () => judge(context.classes[c].subject, context.classEnd(c).egressPolicies));
      if (decider) report(decider, workloadId(workload));
    }
    // Policies only (a chart without workloads): judge the plainest pod each default deny covers. An allow-list
    // policy read alone is usually one piece of a set (one pattern of a catalogue), so it is not judged.
    for (const policy of model.policies.filter(p => deniesAllEgress(p) && !context.hasWorkloadsIn(p.namespace))) {
      const pod = representativePod(model, policy.namespace, policy.podSelector);
      const decider = judge(pod, context.policies.selectingPolicies('Egress', pod));
      if (decider) report(decider, podsIn(policy.podSelector, policy.namespace));
    }
    return [...withoutDns.values()].map(({ decider, who }) => finding(decider, who));
  },
};

/**
 * What denies the pod DNS, if anything: without cluster policies, the first NetworkPolicy isolating
 * its egress when none of them allows DNS; with them, when no resolver is reached, the layer of
 * the tiers that decided toward kube-dns (the first resolver).
 */
function takesDnsAway(
  context: LintContext, pod: PodSubject, isolating: readonly Policy[], resolvers: readonly Subject[],
): Decider | undefined {
  const np = { isolated: isolating.length > 0, conns: isolating.reduce((acc, p) => acc.union(dnsConns(p.egress)), ConnectionSet.none()) };
  const sides = resolvers.map(resolver => tieredSide(context, 'Egress', pod, resolver, np));
  if (!sides[0]) return np.isolated && np.conns.intersect(DNS).isEmpty() ? { policy: isolating[0] } : undefined;
  return sides.every(side => side!.conns.intersect(DNS).isEmpty()) ? tierDecider(sides[0], isolating) : undefined;
}

/** The layer that denied DNS on a side that allows none of it: an Admin Deny, the NetworkPolicies, or a Baseline Deny. */
function tierDecider(side: TieredSide, isolating: readonly Policy[]): Decider | undefined {
  const [admin] = denyingSteps(side.admin.steps, DNS);
  if (admin) return admin;
  if (side.networkPolicy.isolated) return { policy: isolating[0] };
  return denyingSteps(side.baseline.steps, DNS)[0];
}

function deniesAllEgress(policy: Policy): boolean {
  return policy.policyTypes.includes('Egress') && policy.egress.length === 0;
}

/**
 * What each rule list admits toward a resolver. A policy usually isolates several workloads, and
 * policies share rule lists (a shared spec, in one model or, at synth, across the charts of an app,
 * policy-reader.ts): each list, which the model never changes, is judged once.
 */
const judgedDns = new WeakMap<readonly RuleSpec[], ConnectionSet>();

/** What the rules' ports admit toward a resolver pod (named ports resolved as CoreDNS names them); peers are not judged. */
function dnsConns(egress: readonly RuleSpec[]): ConnectionSet {
  let conns = judgedDns.get(egress);
  if (!conns) {
    conns = egress.reduce((acc, rule) => acc.union(portsConns(rule.ports, KUBE_DNS).conns.intersect(DNS)), ConnectionSet.none());
    judgedDns.set(egress, conns);
  }
  return conns;
}

function finding(decider: Decider, who: readonly string[]): Finding {
  if ('rule' in decider) {
    return clusterPolicyFinding(dnsEgressMissing, decider.policy, clusterRuleField('Egress', decider.ruleIndex),
      `denies egress to the cluster DNS (UDP 53 to kube-system/k8s-app=kube-dns) of ${listSome(who)}, and no rule before it accepts it, so name lookups will fail`,
      `accept DNS before this rule: an Admin-tier Accept of UDP and TCP 53 to the DNS pods at a lower priority number (ClusterDnsEgress does this), or a rule of this policy before ${clusterRuleField('Egress', decider.ruleIndex)}`);
  }
  const { policy } = decider;
  const field = policy.egress.length > 0 ? 'spec.egress' : 'spec.policyTypes';
  return policyFinding(dnsEgressMissing, policy, field,
    `isolates egress of ${listSome(who)}, and no egress rule allows DNS (UDP 53 or 5353), so name lookups will fail`,
    'allow UDP and TCP 53 to kube-dns: one peer with namespaceSelector kubernetes.io/metadata.name=kube-system AND podSelector k8s-app=kube-dns (DnsEgress does this), or accept it for every namespace in the Admin tier (ClusterDnsEgress); OpenShift resolvers listen on 5353');
}
