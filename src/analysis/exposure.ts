/**
 * Exposure (docs/exposure.md): to which pods that may not be in the input each workload is open,
 * per direction, as np-guard netpol-analyzer's `list --exposure` computes it
 * (`pkg/netpol/connlist/exposure_map.go`, `pkg/netpol/eval/exposure.go`):
 *
 * - a workload no policy isolates in a direction is open to the entire cluster (and every
 *   address) in it: it is "not protected";
 * - an isolated one is open to the entire cluster with what its rules without peers and its
 *   `namespaceSelector: {}` peers allow, and to each representative peer
 *   (representative-peer.ts) with what its rules standing for that peer allow, when that is
 *   more than it allows the entire cluster.
 *
 * The representative peer is the far end of a connection that is not in the input: no policy
 * isolates it, so a line says what the exposed workload's own policies grant (a pod matching
 * the line that is isolated itself gets at most that). Named ports toward it stay names.
 * A representative peer whose plain labels (`matchLabels` only, both selectors non-empty) are
 * those of a workload in the input is dropped: that workload stands for it in the connection list.
 *
 * Every line keeps the rules that cause it. Cost: each rule is matched once against the
 * representative peers, then each workload class (workload-classes.ts) unions the rules of the
 * policies isolating it: rules × peers + classes × their rules, never workloads squared.
 */
import { ConnectionSet } from './connection-set';
import { PodSubject, portsConns, PolicyContext } from './evaluation';
import { GroupIndex } from './group-index';
import { memo } from './memo';
import type { ClusterModel, Direction, Policy, PortSpec, RuleSpec, Workload } from './model';
import { NamedPortRef, PotentialConnections } from './potential-connections';
import { isEntireCluster, RepresentativeIndex, RepresentativePeer, representativePeers, RuleRef } from './representative-peer';
import { workloadClasses } from './workload-classes';

/** The far end of an exposure line: the entire cluster, or a representative peer. */
export type ExposurePeer =
  | { readonly kind: 'entire-cluster' }
  | { readonly kind: 'representative'; readonly peer: RepresentativePeer };

export interface ExposureLine {
  readonly workload: Workload;
  /** Ingress: the peer may connect to the workload; Egress: the workload may connect to the peer. */
  readonly direction: Direction;
  readonly peer: ExposurePeer;
  readonly conns: PotentialConnections;
  /** The rules that allow it; empty when the workload is not protected in this direction. */
  readonly causes: readonly RuleRef[];
}

export interface Exposure {
  /** Per workload class (workloads no rule tells apart) and direction; the renderers sort them. */
  readonly lines: readonly ExposureLine[];
  /** Workloads that no policy isolates, per direction. */
  readonly unprotected: readonly { readonly workload: Workload; readonly direction: Direction }[];
}

const DIRECTIONS: readonly Direction[] = ['Egress', 'Ingress'];
const ENTIRE_CLUSTER: ExposurePeer = { kind: 'entire-cluster' };

export function computeExposure(model: ClusterModel): Exposure {
  const classes = workloadClasses(model, new PolicyContext(model));
  const groups = new GroupIndex(classes.map(c => c.subject));
  const isolating = groups.isolatingPolicies(model.policies);
  const peers = representativePeers(model.policies).filter(rep => !standsInInput(rep, groups, model.policies[0]));
  const index = new RepresentativeIndex(peers);
  // Per namespace: a peer without namespaceSelector is in its policy's namespace, and policies of
  // different namespaces may share a rule object.
  const standsFor = new Map<string, Map<RuleSpec, readonly number[]>>();
  const peersOfRule = (policy: Policy, rule: RuleSpec) => memo(memo(standsFor, policy.namespace, () => new Map()), rule, () =>
    (rule.peers === undefined ? index.all() : [...new Set(rule.peers.flatMap(p => index.standsFor(policy, p)))]));

  const lines: ExposureLine[] = [];
  const unprotected: { workload: Workload; direction: Direction }[] = [];
  classes.forEach((cls, c) => {
    for (const direction of DIRECTIONS) {
      const policies = direction === 'Ingress' ? isolating.ingress[c] : isolating.egress[c];
      if (policies.length === 0) {
        for (const workload of cls.workloads) {
          unprotected.push({ workload, direction });
          lines.push({ workload, direction, peer: ENTIRE_CLUSTER, conns: PotentialConnections.all(), causes: [] });
        }
        continue;
      }
      let cluster = PotentialConnections.none();
      const clusterCauses: RuleRef[] = [];
      const perPeer = new Map<number, { conns: PotentialConnections; causes: RuleRef[] }>();
      for (const policy of policies) {
        (direction === 'Ingress' ? policy.ingress : policy.egress).forEach((rule, ruleIndex) => {
          // Toward the workload (ingress) named ports resolve on it; toward a peer not in the input they stay names.
          const conns = ruleConnections(rule.ports, direction, cls.subject);
          if (conns.isEmpty()) return;
          const cause = { policy, direction, ruleIndex };
          if (rule.peers === undefined || rule.peers.some(isEntireCluster)) {
            cluster = cluster.union(conns);
            clusterCauses.push(cause);
          }
          for (const p of peersOfRule(policy, rule)) {
            const entry = perPeer.get(p) ?? { conns: PotentialConnections.none(), causes: [] };
            perPeer.set(p, { conns: entry.conns.union(conns), causes: [...entry.causes, cause] });
          }
        });
      }
      const classLines: Omit<ExposureLine, 'workload'>[] = [];
      if (!cluster.isEmpty()) classLines.push({ direction, peer: ENTIRE_CLUSTER, conns: cluster, causes: clusterCauses });
      for (const [p, { conns, causes }] of [...perPeer].sort(([a], [b]) => a - b)) {
        // np-guard reports a representative peer only for what the entire cluster does not already get.
        if (!cluster.isEmpty() && conns.containedIn(cluster)) continue;
        classLines.push({ direction, peer: { kind: 'representative', peer: peers[p] }, conns, causes });
      }
      for (const workload of cls.workloads) lines.push(...classLines.map(line => ({ ...line, workload })));
    }
  });
  return { lines, unprotected };
}

/** What a rule's ports allow: named ports resolved on the workload for ingress, kept by name toward a peer for egress. */
function ruleConnections(ports: readonly PortSpec[] | undefined, direction: Direction, workload: PodSubject): PotentialConnections {
  if (direction === 'Ingress') return PotentialConnections.of(portsConns(ports, workload).conns);
  const numbered = portsConns(ports?.filter(p => typeof p.port !== 'string'), workload).conns;
  const named: NamedPortRef[] = (ports ?? [])
    .flatMap(p => (typeof p.port === 'string' ? [{ protocol: p.protocol, name: p.port }] : []));
  // Only named ports: `ports` filtered to nothing would read as "every port".
  return PotentialConnections.of(ports !== undefined && named.length === ports.length ? ConnectionSet.none() : numbered, named);
}

/**
 * Whether a workload of the input has exactly the plain labels a representative peer names
 * (np-guard's `removeRepresentativePeersMatchingLabels`): then that workload stands for it.
 * Peers with `matchExpressions`, or naming every namespace or every pod, always stay.
 */
function standsInInput(rep: RepresentativePeer, index: GroupIndex, anyPolicy: Policy | undefined): boolean {
  const plain = (s: RepresentativePeer['podSelector']) => !s.matchExpressions?.length && Object.keys(s.matchLabels ?? {}).length > 0;
  if (!anyPolicy || !plain(rep.namespaceSelector) || !plain(rep.podSelector)) return false;
  // The peer names its namespaces, so which policy asks does not matter to the index.
  return index.peerGroups(anyPolicy, { namespaceSelector: rep.namespaceSelector, podSelector: rep.podSelector }).length > 0;
}
