/**
 * Where a pod's DNS lookups may go, for dns-egress-missing: the cluster's resolver as kubeadm
 * deploys it, and each resolver a cluster policy accepts DNS to (ClusterDnsEgress with its own
 * `dnsNamespace` and `dnsPods`, a NodeLocal address in `networks`). The model holds no resolver, so
 * each is the plainest pod (or the range) the Accept rule's peer names.
 */
import { clusterPortsConns } from '../cluster-evaluation';
import { ConnectionSet } from '../connection-set';
import type { PodSubject, Subject } from '../evaluation';
import { cidrInterval } from '../ip-ranges';
import type { ClusterModel, ClusterPeerSpec } from '../model';
import { namespaceLabels } from '../model-builder';
import { representativeLabels } from './context';

/** The UDP ports resolvers listen on: 53, and 5353 for OpenShift's CoreDNS. */
export const DNS = [53, 5353].reduce((acc, port) => acc.union(ConnectionSet.ports('UDP', port)), ConnectionSet.none());

/** The port names CoreDNS gives its ports (OpenShift uses the same): `dns` is UDP, `dns-tcp` is TCP. */
const DNS_PORT_NAMES = [{ name: 'dns', port: 53, protocol: 'UDP' as const }, { name: 'dns-tcp', port: 53, protocol: 'TCP' as const }];

/** A CoreDNS pod as kubeadm deploys it; its labels are what ClusterDnsEgress names it by by default. */
export const KUBE_DNS: PodSubject = {
  kind: 'pod',
  namespace: 'kube-system',
  namespaceLabels: namespaceLabels('kube-system'),
  podLabels: { 'k8s-app': 'kube-dns' },
  namedPorts: DNS_PORT_NAMES,
  hostNetwork: false,
};

/** kube-dns first, then a resolver per peer of each cluster policy Accept rule whose ports admit DNS. */
export function dnsResolvers(model: ClusterModel): Subject[] {
  const resolvers: Subject[] = [KUBE_DNS];
  for (const policy of model.clusterPolicies ?? []) {
    for (const rule of policy.egress) {
      if (rule.action !== 'Accept' || clusterPortsConns(rule.ports, KUBE_DNS).intersect(DNS).isEmpty()) continue;
      for (const peer of rule.peers) resolvers.push(...resolverOf(peer));
    }
  }
  return resolvers;
}

function resolverOf(peer: ClusterPeerSpec): Subject[] {
  if (peer.networks) {
    return peer.networks.flatMap(cidr => {
      const interval = cidrInterval(cidr);
      return interval ? [{ kind: 'external' as const, interval }] : [];
    });
  }
  if (!peer.pods) return [];
  const labels = representativeLabels(peer.pods.namespaceSelector);
  const namespace = labels['kubernetes.io/metadata.name'] ?? 'dns';
  return [{
    kind: 'pod',
    namespace,
    namespaceLabels: { ...labels, ...namespaceLabels(namespace) },
    podLabels: representativeLabels(peer.pods.podSelector ?? {}),
    namedPorts: DNS_PORT_NAMES,
    hostNetwork: false,
  }];
}
