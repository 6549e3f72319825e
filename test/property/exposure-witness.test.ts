/**
 * Exposure lines are real (docs/exposure.md): for every line, a witness built from the line's
 * labels alone (a pod with the pod selector's labels, in a namespace with the namespace
 * selector's labels, or anywhere new for `entire-cluster`), added to the input, gets at least
 * what the line says from `computeReachability`, less only what the witness's own policies
 * deny. Conversely, whatever a protected workload grants a pod of a new namespace is in the
 * lines whose peer that pod matches. And the workloads reported unprotected are exactly those no
 * policy selects.
 */
import fc from 'fast-check';
import { ConnectionSet } from '../../src/analysis/connection-set';
import { evaluateSide, type PodSubject, PolicyContext } from '../../src/analysis/evaluation';
import { computeExposure, type ExposureLine } from '../../src/analysis/exposure';
import { type ClusterModel, type LabelSelectorSpec, workloadId } from '../../src/analysis/model';
import { buildModel } from '../../src/analysis/model-builder';
import { computeReachability } from '../../src/analysis/reachability';
import { type RepresentativePeer, representativePeers } from '../../src/analysis/representative-peer';
import { endpointId } from '../../src/analysis/results';
import { type Cluster, clusterArbitrary, clusterManifests, type Labels, labelsArbitrary, type NamedPort, NAMESPACE_LABELS, NAMESPACE_NAME_LABEL, POD_LABELS } from '../support/cluster';
import { selects } from '../support/label-selector';
import { policyManifestsArbitrary } from '../support/policy-manifests';
import { propertySettings } from '../support/property-settings';

const NUM_RUNS = 150;
/** A label no generated selector names, so that it changes no match. */
const WITNESS_LABEL = { 'exposure-witness': 'yes' };

const modelOf = (manifests: readonly object[]): ClusterModel => buildModel([{ object: manifests, source: { documentIndex: 0 } }]);

/** Labels meeting `selector`, or undefined when it contradicts itself (it describes no pod). */
function labelsFor(selector: LabelSelectorSpec, base: Labels = {}): Labels | undefined {
  const labels: Record<string, string> = { ...base, ...selector.matchLabels };
  for (const req of selector.matchExpressions ?? []) {
    if (req.operator === 'In' && !(req.values ?? []).includes(labels[req.key])) labels[req.key] = req.values![0];
    if (req.operator === 'Exists' && labels[req.key] === undefined) labels[req.key] = 'w';
    if ((req.operator === 'NotIn' && (req.values ?? []).includes(labels[req.key])) || req.operator === 'DoesNotExist') delete labels[req.key];
  }
  return selects(selector, labels) ? labels : undefined;
}

/** The cluster with a witness pod for the far end of `line`; undefined when its selectors describe no pod. */
function withWitness(cluster: Cluster, line: ExposureLine): { cluster: Cluster; namespace: string } | undefined {
  const [nsSelector, podSelector] = line.peer.kind === 'entire-cluster'
    ? [{}, {}]
    : [line.peer.peer.namespaceSelector, line.peer.peer.podSelector];
  const built = labelsFor(nsSelector);
  const name = line.peer.kind === 'representative' && line.peer.peer.namespace !== undefined
    ? line.peer.peer.namespace
    : built?.[NAMESPACE_NAME_LABEL] ?? 'witness-ns';
  const existing = cluster.namespaces.find(ns => ns.name === name)?.labels ?? {};
  const nsLabels = labelsFor(nsSelector, { ...existing, [NAMESPACE_NAME_LABEL]: name });
  const podLabels = labelsFor(podSelector, WITNESS_LABEL);
  if (!nsLabels || nsLabels[NAMESPACE_NAME_LABEL] !== name || !podLabels) return undefined;
  const { [NAMESPACE_NAME_LABEL]: _, ...written } = nsLabels;
  return {
    namespace: name,
    cluster: {
      namespaces: [...cluster.namespaces.filter(ns => ns.name !== name), { name, labels: written }],
      workloads: [...cluster.workloads, { namespace: name, name: 'witness', labels: podLabels, namedPorts: witnessPorts(line), hostNetwork: false }],
    },
  };
}

/** Container ports for the named ports of an egress line, so that they resolve on the witness. */
function witnessPorts(line: ExposureLine): NamedPort[] {
  return line.direction === 'Egress' ? line.conns.namedPorts.map((p, i) => ({ name: p.name, protocol: p.protocol, port: 40000 + i })) : [];
}

test('every exposure line has a witness that gets its connections', () => {
  let witnessed = 0;
  fc.assert(fc.property(clusterArbitrary({ hostNetwork: true }), policyManifestsArbitrary, (cluster, policies) => {
    const exposure = computeExposure(modelOf([...clusterManifests(cluster), ...policies]));
    for (const line of exposure.lines) {
      const witness = withWitness(cluster, line);
      if (!witness) continue;
      const model = modelOf([...clusterManifests(witness.cluster), ...policies]);
      const context = new PolicyContext(model);
      const exposed = model.workloads.find(w => workloadId(w) === workloadId(line.workload))!;
      const other = model.workloads.find(w => w.name === 'witness' && w.namespace === witness.namespace)!;
      const [self, far] = [context.workloadSubject(exposed), context.workloadSubject(other)];
      // What the witness's own policies allow (it is isolated only when it lands in a namespace with policies).
      const own = line.direction === 'Ingress'
        ? evaluateSide('Egress', context.selectingPolicies('Egress', far), self, self).conns
        : evaluateSide('Ingress', context.selectingPolicies('Ingress', far), self, far).conns;
      const [src, dst] = line.direction === 'Ingress' ? [other, exposed] : [exposed, other];
      const flow = computeReachability(model).flows.find(f =>
        endpointId(f.src) === workloadId(src) && endpointId(f.dst) === workloadId(dst));
      // A named port of an egress line resolves on the witness, which exposes it.
      const named = witnessPorts(line).reduce((acc, p) => acc.union(ConnectionSet.ports(p.protocol, p.port)), ConnectionSet.none());
      const expected = line.conns.conns.union(named).intersect(own);
      expect({ line: `${workloadId(line.workload)} ${line.direction} ${line.conns}`, missing: expected.subtract(flow?.conns ?? ConnectionSet.none()).toString() })
        .toEqual({ line: expect.any(String), missing: 'No Connections' });
      if (own.isAll() && !expected.isEmpty()) witnessed++;
    }
  }), propertySettings(NUM_RUNS));
  // Most witnesses are not isolated themselves: the property is about the lines, not the witnesses' policies.
  expect(witnessed).toBeGreaterThan(propertySettings(NUM_RUNS).numRuns!);
});

test('no hole: what a protected workload grants a pod of a new namespace is in the lines whose peer that pod matches', () => {
  const newPod = fc.record({ namespaceLabels: labelsArbitrary(NAMESPACE_LABELS), podLabels: labelsArbitrary(POD_LABELS) });
  const newPods = fc.array(newPod, { minLength: 1, maxLength: 6 });
  let checked = 0;
  fc.assert(fc.property(clusterArbitrary({ hostNetwork: false }), policyManifestsArbitrary, newPods, (cluster, policies, pods) => {
    const model = modelOf([...clusterManifests(cluster), ...policies]);
    const exposure = computeExposure(model);
    const context = new PolicyContext(model);
    // A peer a workload of the input stands for is in the connection list, not in the exposure (np-guard).
    const plain = (s: LabelSelectorSpec) => !s.matchExpressions?.length && Object.keys(s.matchLabels ?? {}).length > 0;
    const standIns = representativePeers(model.policies).filter(rep => plain(rep.namespaceSelector) && plain(rep.podSelector)
      && model.workloads.some(w => !w.hostNetwork && selects(rep.podSelector, w.podLabels)
        && selects(rep.namespaceSelector, model.namespaces.find(ns => ns.name === w.namespace)!.labels)));
    pods.forEach((pod, i) => {
      const namespace = `witness-${i}`;
      const far: PodSubject = {
        kind: 'pod',
        namespace,
        namespaceLabels: { ...pod.namespaceLabels, [NAMESPACE_NAME_LABEL]: namespace },
        podLabels: pod.podLabels,
        namedPorts: [],
        hostNetwork: false,
      };
      const matches = (rep: RepresentativePeer) => selects(rep.namespaceSelector, far.namespaceLabels) && selects(rep.podSelector, far.podLabels);
      if (standIns.some(matches)) return;
      for (const w of model.workloads) {
        const self = context.workloadSubject(w);
        for (const direction of ['Ingress', 'Egress'] as const) {
          const isolating = context.selectingPolicies(direction, self);
          if (isolating.length === 0) continue;
          const granted = evaluateSide(direction, isolating, far, direction === 'Ingress' ? self : far).conns;
          const covered = exposure.lines
            .filter(l => l.workload === w && l.direction === direction && (l.peer.kind === 'entire-cluster' || matches(l.peer.peer)))
            .reduce((acc, l) => acc.union(l.conns.conns), ConnectionSet.none());
          expect({ workload: workloadId(w), direction, uncovered: granted.subtract(covered).toString() })
            .toEqual({ workload: workloadId(w), direction, uncovered: 'No Connections' });
          if (!granted.isEmpty()) checked++;
        }
      }
    });
  }), propertySettings(NUM_RUNS * 2));
  expect(checked).toBeGreaterThan(propertySettings(NUM_RUNS).numRuns!);
});

test('unprotected workloads are exactly those no policy selects, per direction', () => {
  fc.assert(fc.property(clusterArbitrary({ hostNetwork: true }), policyManifestsArbitrary, (cluster, policies) => {
    const model = modelOf([...clusterManifests(cluster), ...policies]);
    const reported = new Set(computeExposure(model).unprotected.map(u => `${workloadId(u.workload)} ${u.direction}`));
    for (const w of model.workloads) {
      for (const direction of ['Ingress', 'Egress'] as const) {
        const selected = !w.hostNetwork && model.policies.some(p =>
          p.namespace === w.namespace && p.policyTypes.includes(direction) && selects(p.podSelector, w.podLabels));
        expect({ workload: workloadId(w), direction, unprotected: reported.has(`${workloadId(w)} ${direction}`) })
          .toEqual({ workload: workloadId(w), direction, unprotected: !selected });
      }
    }
  }), propertySettings(NUM_RUNS));
});
