/** The presets as the model reads them, and how they join an analysis' input. */
import { workloadId } from '../../src/analysis/model';
import { buildModel } from '../../src/analysis/model-builder';
import { withClusterContext, contextPresets, PRESET_NAMES, PRESETS, UnknownPresetError } from '../../src/context';

const modelOf = (names: string[], input: object[] = []) =>
  buildModel(withClusterContext(input.map((object, documentIndex) => ({ object, source: { documentIndex } })), names));

test('the presets, by name', () => {
  expect(PRESET_NAMES).toEqual([
    'coredns', 'kube-dns', 'eks-coredns', 'aks-coredns', 'openshift-dns', 'nodelocal-dns',
    'ingress-nginx', 'openshift-ingress', 'traefik', 'prometheus',
  ]);
});

describe.each(PRESETS.map(p => [p.name, p] as const))('%s', (name, preset) => {
  const model = modelOf([name]);

  test('is one Namespace with its kubernetes.io/metadata.name label and one workload in it, as the model reads them', () => {
    expect(model.namespaces).toHaveLength(1);
    const ns = model.namespaces[0];
    expect(ns.labels['kubernetes.io/metadata.name']).toBe(ns.name);
    expect(model.workloads).toHaveLength(1);
    expect(model.workloads[0].namespace).toBe(ns.name);
    expect(Object.keys(model.workloads[0].podLabels).length).toBeGreaterThan(0);
    expect(model.workloads[0].namedPorts.length).toBeGreaterThan(0);
    expect(model.warnings).toEqual([]);
    expect(preset.summary.length).toBeGreaterThan(20);
  });
});

test('what each preset models, checked against its source (docs/cluster-context.md)', () => {
  const one = (name: string) => modelOf([name]).workloads[0];
  const ports = (name: string) => one(name).namedPorts.map(p => `${p.name}=${p.port}/${p.protocol}`).sort();
  expect(workloadId(one('coredns'))).toBe('kube-system/coredns[Deployment]');
  expect(one('coredns').podLabels).toEqual({ 'k8s-app': 'kube-dns' });
  expect(ports('coredns')).toEqual(['dns-tcp=53/TCP', 'dns=53/UDP', 'metrics=9153/TCP']);
  expect(one('eks-coredns').podLabels).toEqual({ 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns' });
  expect(one('aks-coredns').podLabels).toEqual({ 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'version': 'v20' });
  expect(workloadId(one('kube-dns'))).toBe('kube-system/kube-dns[Deployment]');
  expect(ports('kube-dns')).toContain('dns=53/UDP');
  expect(workloadId(one('openshift-dns'))).toBe('openshift-dns/dns-default[DaemonSet]');
  expect(ports('openshift-dns')).toEqual(['dns-tcp=5353/TCP', 'dns=5353/UDP', 'metrics=9153/TCP']);
  expect(one('nodelocal-dns').hostNetwork).toBe(true);
  expect(PRESETS.filter(p => modelOf([p.name]).workloads[0].hostNetwork).map(p => p.name)).toEqual(['nodelocal-dns']);
  expect(modelOf(['openshift-ingress']).namespaces[0].labels['network.openshift.io/policy-group']).toBe('ingress');
  expect(modelOf(['ingress-nginx']).workloads[0].podLabels['app.kubernetes.io/component']).toBe('controller');
  expect(workloadId(one('prometheus'))).toBe('monitoring/prometheus-k8s[StatefulSet]');
  expect(one('prometheus').podLabels['app.kubernetes.io/name']).toBe('prometheus');
  expect(ports('traefik')).toEqual(['metrics=9100/TCP', 'web=8000/TCP', 'websecure=8443/TCP']);
});

test('presets sharing a namespace add it once; the input wins over a preset', () => {
  const both = modelOf(['coredns', 'nodelocal-dns']);
  expect(both.namespaces.map(n => n.name)).toEqual(['kube-system']);
  expect(both.workloads.map(workloadId)).toEqual(['kube-system/coredns[Deployment]', 'kube-system/node-local-dns[DaemonSet]']);
  expect(both.warnings).toEqual([]);
  const own = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system', labels: { team: 'platform' } } };
  const withOwn = modelOf(['coredns'], [own]);
  expect(withOwn.namespaces.map(n => n.labels.team)).toEqual(['platform']);
  expect(withOwn.warnings).toEqual([]);
});

test('an unknown preset names the known ones', () => {
  expect(() => contextPresets(['coredns', 'core-dns'])).toThrow(UnknownPresetError);
  expect(() => contextPresets(['core-dns'])).toThrow(`unknown cluster context preset 'core-dns'; use one of ${PRESET_NAMES.join(', ')}`);
});
