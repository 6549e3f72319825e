/**
 * What the analysis of cluster policies reads differently from the cluster, or cannot know
 * (docs/cluster-network-policy.md, "What the analyzer does"), as model warnings:
 * - two policies of one tier and one priority that select a common pod and have rules in a
 *   common direction: the API leaves their order to the implementation, the analysis takes
 *   them in name order;
 * - `networks` other than `0.0.0.0/0` and `::/0`: they may catch pod IPs, which the analysis
 *   does not have, so it reads them as matching addresses outside the cluster only;
 * - `nodes` and `domainNames` peers: nodes and names are not in the model, so they match nothing;
 * - a peer with no field the reader knows: read fail-closed, as the API says.
 */
import { clusterSubjectSelects, tierOrder } from './cluster-evaluation';
import { placeOf } from './manifest-objects';
import { ClusterPolicy, Namespace, Workload, workloadId } from './model';

/** Every warning about `policies`, in input order, then the equal-priority pairs. `namespaces` holds every workload's namespace. */
export function clusterPolicyWarnings(
  policies: readonly ClusterPolicy[], namespaces: ReadonlyMap<string, Namespace>, workloads: readonly Workload[],
): string[] {
  if (policies.length === 0) return [];
  return [...policies.flatMap(peerWarnings), ...samePriorityWarnings(policies, namespaces, workloads)];
}

const FULL_FAMILIES = ['0.0.0.0/0', '::/0'];

function peerWarnings(policy: ClusterPolicy): string[] {
  const out: string[] = [];
  const at = `${placeOf(policy.source)}: ${describeClusterPolicy(policy)}`;
  for (const [direction, rules] of [['ingress', policy.ingress], ['egress', policy.egress]] as const) {
    rules.forEach((rule, i) => {
      const where = `spec.${direction}[${i}]`;
      const partial = rule.peers.flatMap(p => p.networks ?? []).filter(cidr => !FULL_FAMILIES.includes(cidr));
      if (partial.length > 0) {
        out.push(`${at}: ${where} networks ${partial.join(', ')} may also match pod IPs, which the analysis does not know: `
          + 'it reads them as addresses outside the cluster only (0.0.0.0/0 and ::/0 match every pod); '
          + 'check that no pod network overlaps them, or match pods by namespaces/pods peers before this rule');
      }
      if (rule.peers.some(p => p.nodes !== undefined || p.domainNames !== undefined)) {
        out.push(`${at}: ${where} has nodes or domainNames peers, which match nothing in the analysis (it knows no nodes and no DNS names)`);
      }
      if (rule.peers.some(p => p.unknown)) {
        const reading = rule.action === 'Accept' ? 'matches nothing' : 'denies every peer on every port';
        out.push(`${at}: ${where} has a peer with no field this version knows (a newer CRD?): `
          + `read fail-closed, as the API says, so this ${rule.action} rule ${reading}`);
      }
    });
  }
  return out;
}

/** Pairs of one tier and priority whose subjects share a pod and whose rules share a direction. */
function samePriorityWarnings(
  policies: readonly ClusterPolicy[], namespaces: ReadonlyMap<string, Namespace>, workloads: readonly Workload[],
): string[] {
  const out: string[] = [];
  const pods = workloads.filter(w => !w.hostNetwork);
  const selects = (p: ClusterPolicy, w: Workload) => clusterSubjectSelects(p.subject, namespaces.get(w.namespace)!.labels, w.podLabels);
  const selected = new Map(policies.map(p => [p, pods.filter(w => selects(p, w))]));
  for (const tier of ['Admin', 'Baseline'] as const) {
    const ordered = tierOrder(policies, tier);
    ordered.forEach((a, i) => {
      for (const b of ordered.slice(i + 1)) {
        if (b.priority !== a.priority) break;
        const direction = (a.ingress.length > 0 && b.ingress.length > 0) || (a.egress.length > 0 && b.egress.length > 0);
        const common = selected.get(a)!.find(w => selected.get(b)!.includes(w));
        if (!direction || common === undefined) continue;
        out.push(`${placeOf(b.source)}: ${describeClusterPolicy(a)} and ${describeClusterPolicy(b)} both have priority ${a.priority} `
          + `in the ${tier} tier `
          + `and both select ${workloadId(common)}: the API leaves their order to the implementation, so the cluster may apply either first; `
          + `the analysis takes them in name order ('${a.name}' first); give them different priorities`);
      }
    });
  }
  return out;
}

/** `ClusterNetworkPolicy 'tenants'`: how messages name a cluster policy. */
export function describeClusterPolicy(policy: Pick<ClusterPolicy, 'kind' | 'name'>): string {
  return `${policy.kind} '${policy.name}'`;
}
