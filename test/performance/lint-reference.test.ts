/**
 * lint() works through LintContext's index over workload classes (lint/context.ts, group-index.ts):
 * one-sided-connection decides each class pair once and counts workload hops arithmetically. This
 * suite checks, on generated clusters, that the rules whose implementation moved to the index give
 * exactly the findings of a plain per-workload reference written here from evaluation.ts'
 * primitives only (the straightforward algorithm the rules had before the index):
 * one-sided-connection, unprotected-workload, policy-selects-nothing, named-port-not-declared.
 * Two kinds of cluster: the flat F(w, p) of the benchmarks (mostly distinct label sets), and one
 * where every workload has alike copies, so that classes hold several workloads and hops inside a
 * class and across alike classes must be counted. Correctness only: the benchmarks measure time.
 */
import { flatManifests } from '../../bench/generators/flat';
import type { ConnectionSet } from '../../src/analysis/connection-set';
import { evaluatePair, peerMatches, PolicyContext, portsConns, type End } from '../../src/analysis/evaluation';
import { findRule, lint, type Finding, type LintRule } from '../../src/analysis/lint';
import { listSome, peersKey, policyFinding, problemFinding, rulesField, workloadFinding } from '../../src/analysis/lint/wording';
import { workloadId, type ClusterModel, type Direction, type PeerSpec, type Policy, type RuleSpec, type Workload } from '../../src/analysis/model';
import { buildModel } from '../../src/analysis/model-builder';
import { describeSelector, matchesSelector } from '../../src/analysis/selector';
import { validateNetworkPolicy } from '../../src/analysis/validation/validate-network-policy';

const COMPARED = ['one-sided-connection', 'unprotected-workload', 'policy-selects-nothing', 'named-port-not-declared'] as const;
const DIRECTIONS: readonly Direction[] = ['Ingress', 'Egress'];

type Json = Record<string, unknown>;

function rule(id: string): LintRule {
  const found = findRule(id);
  if (!found) throw new Error(`no lint rule ${id}`);
  return found;
}

/**
 * The reference: every question answered by scanning the model's workloads, every hop judged with
 * evaluatePair on the two workloads' own ends (PolicyContext.end: policies found by plain filtering).
 */
class NaiveLint {
  private readonly context: PolicyContext;
  private readonly ends = new Map<Workload, End>();
  private readonly selectedBy = new Map<Policy, Workload[]>();
  /** Hops between two workloads no policy can tell apart (counted by the index without a pair to judge): the suite checks it saw some. */
  public alikeHops = 0;

  public constructor(private readonly model: ClusterModel) {
    this.context = new PolicyContext(model);
  }

  public findings(): Finding[] {
    return [
      ...this.model.policies.flatMap(policy => DIRECTIONS
        .filter(direction => policy.policyTypes.includes(direction))
        .flatMap(direction => this.rules(policy, direction).flatMap((r, i) => this.oneSided(policy, direction, r, i)))),
      ...this.model.workloads.filter(w => this.unprotected(w)).map(w => workloadFinding(rule('unprotected-workload'), w,
        `no NetworkPolicy selects it although namespace ${w.namespace} has policies, so it accepts and sends any traffic`,
        'add a policy that selects its pod labels (e.g. a namespace-wide default deny with podSelector: {}) or fix its labels')),
      ...this.model.policies
        .filter(p => this.model.workloads.some(w => w.namespace === p.namespace) && this.selected(p).length === 0)
        .map(p => policyFinding(rule('policy-selects-nothing'), p, 'spec.podSelector',
          `${describeSelector(p.podSelector)} matches no workload in namespace ${p.namespace}, so the policy has no effect`,
          'fix the labels to match the pod template labels of the workload you mean (hostNetwork pods are never selected)')),
      ...this.model.policies.flatMap(policy => [
        // Every rule as written, whatever the policyTypes (as the rule does).
        ...DIRECTIONS.flatMap(direction => this.rules(policy, direction).flatMap((r, i) => this.namedPort(policy, direction, r, i))),
        // The validator's words for named ports no pod can declare (unchanged by the index; here so the rule compares whole).
        ...validateNetworkPolicy(policy.raw)
          .filter(problem => problem.severity === 'trap' && /\.ports\[\d+\]\.port$/.test(problem.field))
          .map(problem => problemFinding(rule('named-port-not-declared'), policy, problem)),
      ]),
    ];
  }

  private rules(policy: Policy, direction: Direction): readonly RuleSpec[] {
    return direction === 'Ingress' ? policy.ingress : policy.egress;
  }

  private end(w: Workload): End {
    let end = this.ends.get(w);
    if (!end) {
      end = this.context.end(this.context.workloadSubject(w));
      this.ends.set(w, end);
    }
    return end;
  }

  /** What the policy's podSelector selects, in model order: its namespace, never hostNetwork pods. */
  private selected(policy: Policy): Workload[] {
    let selected = this.selectedBy.get(policy);
    if (!selected) {
      selected = this.model.workloads
        .filter(w => !w.hostNetwork && w.namespace === policy.namespace && matchesSelector(policy.podSelector, w.podLabels));
      this.selectedBy.set(policy, selected);
    }
    return selected;
  }

  /** Workloads any of the peers matches, in model order. */
  private matched(policy: Policy, peers: readonly PeerSpec[]): Workload[] {
    return this.model.workloads.filter(w => peers.some(peer => peerMatches(policy, peer, this.context.workloadSubject(w))));
  }

  private unprotected(w: Workload): boolean {
    const inNamespace = this.model.policies.filter(p => p.namespace === w.namespace);
    return !w.hostNetwork && inNamespace.length > 0 && !inNamespace.some(p => this.selected(p).includes(w));
  }

  /**
   * One-sided connection, pair by pair: each selected workload against each other workload a peer
   * naming pods matches (never itself), a hop when the rule allows something toward the destination
   * and the other end is isolated and allows none of it. Lists the first two hops, then `and N more`.
   */
  private oneSided(policy: Policy, direction: Direction, r: RuleSpec, ruleIndex: number): Finding[] {
    const namedPeers = (r.peers ?? []).filter(peer => peer.podSelector !== undefined && describeSelector(peer.podSelector) !== '(all)');
    if (namedPeers.length === 0) return [];
    const others = this.matched(policy, namedPeers);
    const hops: Array<{ src: Workload; dst: Workload; conns: ConnectionSet }> = [];
    for (const self of this.selected(policy)) {
      for (const other of others) {
        if (other === self) continue;
        const [src, dst] = direction === 'Egress' ? [self, other] : [other, self];
        const conns = portsConns(r.ports, this.context.workloadSubject(dst)).conns;
        if (conns.isEmpty()) continue; // unresolvable named ports: named-port-not-declared's finding
        const pair = evaluatePair(this.end(src), this.end(dst));
        const side = direction === 'Egress' ? pair.ingress : pair.egress;
        if (side.isolated && side.conns.intersect(conns).isEmpty()) hops.push({ src, dst, conns });
      }
    }
    if (hops.length === 0) return [];
    this.alikeHops += hops.filter(h => alike(h.src, h.dst)).length;
    const otherEnd = direction === 'Egress' ? 'the destination is ingress-isolated and its ingress rules do not admit it'
      : 'the source is egress-isolated and its egress rules do not allow it';
    const [first] = hops;
    const fix = direction === 'Egress'
      ? `add an ingress rule to a policy selecting ${workloadId(first.dst)} that allows ${workloadId(first.src)} on ${first.conns}`
      : `add an egress rule to a policy selecting ${workloadId(first.src)} that allows ${workloadId(first.dst)} on ${first.conns}`;
    const described = hops.map(h => `${workloadId(h.src)} -> ${workloadId(h.dst)} (${h.conns})`);
    return [policyFinding(rule('one-sided-connection'), policy, `${rulesField(direction)}[${ruleIndex}].${peersKey(direction)}`,
      `allows ${listSome(described, 2)}, but ${otherEnd}, so this rule never carries that traffic`,
      `both ends must allow a connection: ${fix}`)];
  }

  /** A named port no destination declares (name and protocol): selected pods for ingress, matched peers for egress. */
  private namedPort(policy: Policy, direction: Direction, r: RuleSpec, ruleIndex: number): Finding[] {
    const destinations = direction === 'Ingress' ? this.selected(policy)
      : r.peers === undefined ? this.model.workloads.filter(w => !w.hostNetwork) : this.matched(policy, r.peers);
    if (destinations.length === 0) return [];
    return (r.ports ?? []).flatMap((port, portIndex) => {
      if (typeof port.port !== 'string') return [];
      if (destinations.some(w => portsConns([port], this.context.workloadSubject(w)).unresolved.length === 0)) return [];
      const other = destinations.flatMap(w => w.namedPorts).find(p => p.name === port.port);
      return [policyFinding(rule('named-port-not-declared'), policy, `${rulesField(direction)}[${ruleIndex}].ports[${portIndex}].port`,
        `'${port.port}' (${port.protocol}) is not a container port of any destination (${listSome(destinations.map(workloadId))})`
        + `${other ? `; it is declared as ${other.protocol}` : ''}, so it matches nothing`,
        `use a port name the destination's containers declare with protocol ${port.protocol}, or the port number`)];
    });
  }
}

/** Same namespace, labels, named ports and hostNetwork: what puts two workloads in one class. */
function alike(a: Workload, b: Workload): boolean {
  const key = (w: Workload) => JSON.stringify([w.namespace, Object.entries(w.podLabels).sort(), w.namedPorts.map(p => `${p.name}/${p.protocol}/${p.port}`).sort(), w.hostNetwork]);
  return key(a) === key(b);
}

interface DeploymentJson {
  metadata: { name: string };
  spec: { template: { spec: { containers: Array<{ ports: Array<{ containerPort: number }> }> } } };
}

/**
 * F(w, p) with two more copies of every workload, appended after all originals (so a class's
 * workloads are spread through model order). In the second copy, every third workload maps its
 * first named port elsewhere: same labels, different named ports, hence a different class.
 */
function alikeManifests(w: number, p: number, seed: number): Json[] {
  const manifests = flatManifests(w, p, seed);
  const deployments = manifests.filter(m => m.kind === 'Deployment');
  const copy = (suffix: string, movePort: (i: number) => boolean) => deployments.map((d, i) => {
    const clone = JSON.parse(JSON.stringify(d)) as DeploymentJson;
    clone.metadata.name += `-${suffix}`;
    const [firstPort] = clone.spec.template.spec.containers[0].ports;
    if (movePort(i) && firstPort) firstPort.containerPort += 1000;
    return clone as unknown as Json;
  });
  return [manifests[0], ...deployments, ...copy('b', () => false), ...copy('c', i => i % 3 === 0),
    ...manifests.filter(m => m.kind === 'NetworkPolicy')];
}

/** Per compared rule id, the sorted `message / fix` lines. */
function byRule(findings: readonly Finding[]): Record<string, string[]> {
  return Object.fromEntries(COMPARED.map(id => [id, findings.filter(f => f.ruleId === id).map(f => `${f.message}\n  fix: ${f.fix}`).sort()]));
}

const CLUSTERS: ReadonlyArray<{ name: string; seed: number; manifests: () => Json[] }> = [
  ...[1, 2, 3].map(seed => ({ name: 'F(300, 80)', seed, manifests: () => flatManifests(300, 80, seed) })),
  ...[4, 5, 6].map(seed => ({ name: 'F(100, 60) x3 alike copies', seed, manifests: () => alikeManifests(100, 60, seed) })),
];

/** What the suite saw across clusters of each kind, so that it proves something. */
const seen = new Map<string, { more: number; alikeHops: number; byRule: Map<string, number> }>();

describe.each(CLUSTERS)('$name seed $seed: indexed lint equals the per-workload reference', ({ name, manifests }) => {
  test('same findings, rule by rule', () => {
    const model = buildModel(manifests().map((object, documentIndex) => ({ object, source: { documentIndex } })));
    const reference = new NaiveLint(model);
    const expected = byRule(reference.findings());
    // Counted before comparing, so that the last test reports what the clusters exercise on its own.
    const stats = seen.get(name) ?? { more: 0, alikeHops: 0, byRule: new Map<string, number>() };
    stats.more += expected['one-sided-connection'].filter(f => / and \d+ more, but /.test(f)).length;
    stats.alikeHops += reference.alikeHops;
    for (const id of COMPARED) stats.byRule.set(id, (stats.byRule.get(id) ?? 0) + expected[id].length);
    seen.set(name, stats);

    const actual = byRule(lint(model));
    for (const id of COMPARED) expect({ id, findings: actual[id] }).toEqual({ id, findings: expected[id] });
  });
});

// The comparison is worth something only if each rule reported, and if hop counts were compared
// (`and N more`), including hops between alike workloads, which the index counts arithmetically.
test('the clusters exercise every compared rule and the hop counting', () => {
  expect([...seen.keys()]).toEqual(['F(300, 80)', 'F(100, 60) x3 alike copies']);
  for (const [name, stats] of seen) {
    expect({ name, listsMore: stats.more > 0, alikeHops: stats.alikeHops > 0 }).toEqual({ name, listsMore: true, alikeHops: true });
  }
  for (const id of COMPARED) expect({ id, reported: [...seen.values()].some(s => (s.byRule.get(id) ?? 0) > 0) }).toEqual({ id, reported: true });
});
