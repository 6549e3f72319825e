/**
 * Rule 1: once a pod is egress-isolated, DNS is denied like everything else unless a rule
 * allows it (docs/semantics.md §3), and every lookup of a Service name fails. The resolver is usually
 * not in the input (kube-system, openshift-dns, a NodeLocal IP), so this rule cannot ask the
 * reachability matrix; it asks whether any egress rule of a policy isolating the pod admits
 * UDP 53 or 5353 (OpenShift's resolver port) to some peer.
 */
import { portsConns, type PodSubject } from '../evaluation';
import { memo } from '../memo';
import type { Labels, Policy, RuleSpec } from '../model';
import { workloadId } from '../model';
import type { LintContext } from './context';
import { representativeLabels } from './context';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { listSome, podsIn, policyFinding } from './wording';

const ID = 'dns-egress-missing';
const DNS_PORTS = [53, 5353];

/** A CoreDNS pod as kubeadm deploys it (OpenShift uses the same port names): `dns` is UDP, `dns-tcp` is TCP. */
const RESOLVER: PodSubject = {
  kind: 'pod',
  namespace: 'kube-system',
  namespaceLabels: {},
  podLabels: {},
  namedPorts: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }],
  hostNetwork: false,
};

export const dnsEgressMissing: LintRule = {
  id: ID,
  severity: 'error',
  description: 'Egress is isolated for a workload, but no egress rule allows it DNS (UDP 53, or 5353 for OpenShift-style resolvers).',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => {
    const withoutDns = new Map<Policy, string[]>();
    const report = (policy: Policy, who: string) => withoutDns.set(policy, [...withoutDns.get(policy) ?? [], who]);
    // A policy usually isolates several workloads, and policies may share rules (a shared spec): judge each rule list once.
    const judged = new Map<readonly RuleSpec[], boolean>();
    const allows = (policy: Policy) => memo(judged, policy.egress, () => allowsDns(policy.egress));
    for (const workload of model.workloads) {
      const isolating = context.isolatingPolicies(workload, 'Egress');
      // Reported once, against the first policy that isolates it.
      if (isolating.length > 0 && !isolating.some(allows)) report(isolating[0], workloadId(workload));
    }
    // Policies only (a chart without workloads): judge the plainest pod each default deny covers. An allow-list
    // policy read alone is usually one piece of a set (one pattern of a catalogue), so it is not judged.
    for (const policy of model.policies.filter(p => deniesAllEgress(p) && !context.hasWorkloadsIn(p.namespace))) {
      const labels = representativeLabels(policy.podSelector);
      if (!isolatingPoliciesOf(context, policy.namespace, labels).some(allows)) report(policy, podsIn(policy.podSelector, policy.namespace));
    }
    return [...withoutDns].map(([policy, who]) => finding(policy, who));
  },
};

function isolatingPoliciesOf(context: LintContext, namespace: string, labels: Labels): Policy[] {
  const pod: PodSubject = { kind: 'pod', namespace, namespaceLabels: {}, podLabels: labels, namedPorts: [], hostNetwork: false };
  return context.policies.selectingPolicies('Egress', pod);
}

function deniesAllEgress(policy: Policy): boolean {
  return policy.policyTypes.includes('Egress') && policy.egress.length === 0;
}

/** Any rule whose ports admit UDP 53/5353 toward a resolver pod (named ports resolved as CoreDNS names them); peers are not judged. */
function allowsDns(egress: readonly RuleSpec[]): boolean {
  return egress.some(rule => {
    const { conns } = portsConns(rule.ports, RESOLVER);
    return DNS_PORTS.some(port => conns.contains('UDP', port));
  });
}

function finding(policy: Policy, who: readonly string[]): Finding {
  const field = policy.egress.length > 0 ? 'spec.egress' : 'spec.policyTypes';
  return policyFinding(dnsEgressMissing, policy, field,
    `isolates egress of ${listSome(who)}, and no egress rule allows DNS (UDP 53 or 5353), so name lookups will fail`,
    'allow UDP and TCP 53 to kube-dns: one peer with namespaceSelector kubernetes.io/metadata.name=kube-system AND podSelector k8s-app=kube-dns (DnsEgress does this); OpenShift resolvers listen on 5353');
}

