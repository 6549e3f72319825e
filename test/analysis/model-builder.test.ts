import { fixtureModel, flowMap, modelOf, parseYaml, sourcesOf, workload } from './helpers';
import { lint } from '../../src/analysis/lint';
import { workloadId } from '../../src/analysis/model';
import { buildModel } from '../../src/analysis/model-builder';
import { computeReachability } from '../../src/analysis/reachability';

describe('buildModel: owner grouping', () => {
  const model = fixtureModel('model-owners');

  test('one peer per controller tree, named after the topmost owner', () => {
    expect(model.workloads.map(workloadId)).toEqual([
      'shop/api-7f9[ReplicaSet]',
      'shop/db[StatefulSet]',
      'shop/solo[Pod]',
      'shop/web[Deployment]',
      'shop/worker[Deployment]',
    ]);
  });

  test('pod template labels, not the workload labels; the running Pod describes the peer', () => {
    // The Pod web-5d8-abc is deepest in the chain, so its actual labels win over the Deployment's template.
    expect({ ...workload(model, 'shop/web[Deployment]').podLabels }).toEqual({ 'app': 'web', 'pod-template-hash': '5d8' });
    expect(workload(model, 'shop/web[Deployment]').namedPorts).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
  });

  test('the peer keeps the source of the owner object when present', () => {
    expect(workload(model, 'shop/web[Deployment]').source?.documentIndex).toBe(1);
  });
});

describe('buildModel: owners that are not workloads', () => {
  test('static pods (mirror Pods controlled by their Node) stay separate workloads', () => {
    const model = modelOf(['etcd-node1', 'kube-apiserver-node1'].map(name => `
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: kube-system
  ownerReferences: [{ apiVersion: v1, kind: Node, name: node1, controller: true, uid: "n1" }]
`).join('---'));
    expect(model.workloads.map(workloadId)).toEqual(['kube-system/etcd-node1[Pod]', 'kube-system/kube-apiserver-node1[Pod]']);
  });

  test('an owner of another kind (e.g. an Argo Rollout) still groups its Pods', () => {
    const model = modelOf(['a', 'b'].map(name => `
apiVersion: v1
kind: Pod
metadata:
  name: shop-${name}
  namespace: n
  ownerReferences: [{ apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: shop, controller: true, uid: "r1" }]
`).join('---'));
    expect(model.workloads.map(workloadId)).toEqual(['n/shop[Rollout]']);
  });
});

describe('buildModel: lists, namespaces, ignored objects', () => {
  const model = fixtureModel('model-lists');

  test('typed lists whose items omit kind, and v1 List', () => {
    expect(model.workloads.map(workloadId)).toEqual(['default/a[Pod]', 'default/b[Pod]', 'default/d[CronJob]', 'dev/c[Deployment]']);
    expect(model.policies.map(p => `${p.namespace}/${p.name}`)).toEqual(['default/np-from-list']);
  });

  test('objects without namespace are in default; namespaces carry their name label', () => {
    expect(model.namespaces.map(n => [n.name, { ...n.labels }])).toEqual([
      ['default', { 'kubernetes.io/metadata.name': 'default' }],
      ['dev', { 'env': 'dev', 'kubernetes.io/metadata.name': 'dev' }],
    ]);
  });

  test('CronJob pod template and hostNetwork', () => {
    const d = workload(model, 'default/d[CronJob]');
    expect({ ...d.podLabels }).toEqual({ app: 'd' });
    expect(d.hostNetwork).toBe(true);
    expect(workload(model, 'default/a[Pod]').hostNetwork).toBe(false);
  });

  test('everything else is ignored', () => {
    expect(model.ignored.map(i => i.kind ?? `(no kind: ${i.name})`)).toEqual(['Service', 'ConfigMap', 'Widget', '(no kind: no-kind)']);
  });
});

describe('buildModel: namespaces', () => {
  test('a Namespace object cannot override its name label', () => {
    const model = modelOf(`
apiVersion: v1
kind: Namespace
metadata: { name: prod, labels: { kubernetes.io/metadata.name: fake, tier: gold } }
`);
    expect(model.namespaces.map(n => ({ ...n.labels }))).toEqual([{ 'kubernetes.io/metadata.name': 'prod', 'tier': 'gold' }]);
  });

  test('a namespace seen only on a policy gets just its name label', () => {
    const model = modelOf(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: ops }
spec: { podSelector: {} }
`);
    expect(model.namespaces.map(n => [n.name, { ...n.labels }])).toEqual([['ops', { 'kubernetes.io/metadata.name': 'ops' }]]);
  });
});

describe('buildModel: named ports', () => {
  test('containers and native sidecars count, plain init containers do not; protocol defaults to TCP', () => {
    const model = modelOf(`
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - { name: init, ports: [{ name: setup, containerPort: 9000 }] }
    - { name: proxy, restartPolicy: Always, ports: [{ name: proxy, containerPort: 15001 }] }
  containers:
    - name: app
      ports:
        - { name: http, containerPort: 8080 }
        - { name: dns, containerPort: 53, protocol: UDP }
        - { containerPort: 9090 }
        - { name: bad, containerPort: "x" }
`);
    expect(model.workloads[0].namedPorts).toEqual([
      { name: 'http', port: 8080, protocol: 'TCP' },
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'proxy', port: 15001, protocol: 'TCP' },
    ]);
  });
});

describe('buildModel: NetworkPolicy defaulting', () => {
  const policy = (spec: string) => modelOf(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: n }
spec:
${spec.split('\n').map(l => `  ${l}`).join('\n')}
`).policies[0];

  test('policyTypes: Ingress always, Egress only when egress is non-empty', () => {
    expect(policy('podSelector: {}').policyTypes).toEqual(['Ingress']);
    expect(policy('egress: []').policyTypes).toEqual(['Ingress']);
    expect(policy('egress: [{}]').policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy('policyTypes: []\negress: [{}]').policyTypes).toEqual(['Ingress', 'Egress']);
  });

  test('given policyTypes are kept, deduplicated', () => {
    expect(policy('policyTypes: [Egress]\ningress: [{}]').policyTypes).toEqual(['Egress']);
    expect(policy('policyTypes: [Ingress, Ingress]').policyTypes).toEqual(['Ingress']);
  });

  test('missing or empty from/to and ports read as undefined (everything)', () => {
    const p = policy('ingress: [{}, { from: [], ports: [] }]\negress: [{ to: [] }]');
    expect(p.ingress).toEqual([{ peers: undefined, ports: undefined }, { peers: undefined, ports: undefined }]);
    expect(p.egress).toEqual([{ peers: undefined, ports: undefined }]);
  });

  test('protocol defaults to TCP; ports: [{}] is all TCP', () => {
    const p = policy('ingress: [{ ports: [{}, { port: 80 }, { protocol: UDP, port: 53 }, { port: 32000, endPort: 32768 }, { port: http }] }]');
    expect(p.ingress[0].ports).toEqual([
      { protocol: 'TCP' },
      { protocol: 'TCP', port: 80 },
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 32000, endPort: 32768 },
      { protocol: 'TCP', port: 'http' },
    ]);
  });

  test('missing podSelector is {}', () => {
    expect(policy('ingress: []').podSelector).toEqual({});
  });

  test('equal matchLabels selectors are read once and shared; any difference keeps them apart', () => {
    const docs = [
      { namespace: 'a', selector: { matchLabels: { app: 'web' } } },
      { namespace: 'b', selector: { matchLabels: { app: 'web', extra: 7 } } }, // a non-string value is dropped: same labels
      { namespace: 'c', selector: { matchLabels: { ap: 'pweb' } } }, // the same characters, split elsewhere
      { namespace: 'd', selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] } },
      { namespace: 'e', selector: JSON.parse('{"matchLabels":{"__proto__":"x","app":"web"}}') },
    ].map(({ namespace, selector }, documentIndex) => ({
      object: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace }, spec: { podSelector: selector, ingress: [{ from: [{ podSelector: selector }] }] } },
      source: { documentIndex },
    }));
    const [a, b, c, d, e] = buildModel(docs).policies;
    const web = a.podSelector;
    expect({ ...web.matchLabels }).toEqual({ app: 'web' });
    // Shared within and across policies; peers of different spec objects stay apart.
    for (const alike of [a, b, e]) {
      expect(alike.podSelector).toBe(web);
      expect(alike.ingress[0].peers![0].podSelector).toBe(web);
    }
    expect(b.ingress[0].peers![0]).not.toBe(a.ingress[0].peers![0]);
    expect({ ...c.podSelector.matchLabels }).toEqual({ ap: 'pweb' });
    expect(d.podSelector).toEqual({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists', values: [] }] });
    expect(d.podSelector).not.toBe(web);
  });

  test('malformed peers are dropped, never widened to everyone', () => {
    const p = policy('ingress: [{ from: [{}, { ipBlock: { cidr: 10.0.0.0/8 }, podSelector: {} }] }, "junk"]');
    expect(p.ingress).toEqual([{ peers: [], ports: undefined }, { peers: [] }]);
  });
});

describe('buildModel: odd shapes', () => {
  test('never crashes on wrong types', () => {
    const docs = [null, 42, 'text', [], { kind: 'Pod' }, { kind: 'Pod', metadata: { name: 'x', labels: 'nope' }, spec: { containers: 'nope', hostNetwork: 'yes' } },
      { kind: 'Deployment', metadata: { name: 'y', ownerReferences: 'nope' }, spec: { template: 7 } },
      { kind: 'NetworkPolicy', metadata: { name: 'z' }, spec: { podSelector: 'all', ingress: { from: [] }, policyTypes: 'Ingress' } },
      { kind: 'List', items: [null, { kind: 'PodList', items: 'nope' }] }]
      .map((object, documentIndex) => ({ object, source: { documentIndex } }));
    const model = buildModel(docs);
    expect(model.workloads.map(workloadId)).toEqual(['default/x[Pod]', 'default/y[Deployment]']);
    expect(model.workloads[0].hostNetwork).toBe(false);
    expect(model.policies[0].ingress).toEqual([]);
  });

  test('__proto__ and constructor keys do not leak into labels', () => {
    const object = JSON.parse('{"kind":"Pod","metadata":{"name":"p","labels":{"__proto__":{"polluted":"yes"},"constructor":"c","app":"a"}}}');
    const model = buildModel([{ object, source: { documentIndex: 0 } }]);
    const labels = model.workloads[0].podLabels;
    expect(Object.keys(labels).sort()).toEqual(['app', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('an array document (chart.toJson()) is unpacked with each index as its document index', () => {
    const model = buildModel([{ object: [{ kind: 'ConfigMap', metadata: { name: 'c' } }, { kind: 'Pod', metadata: { name: 'p' } }], source: { documentIndex: 0 } }]);
    expect(model.workloads[0].source?.documentIndex).toBe(1);
  });

  test('a CRD that happens to be called Deployment is ignored', () => {
    const model = modelOf('apiVersion: example.com/v1\nkind: Deployment\nmetadata: { name: d }\n');
    expect(model.workloads).toEqual([]);
    expect(model.ignored.map(i => i.kind)).toEqual(['Deployment']);
  });
});

describe('buildModel: policies sharing one spec object', () => {
  // What the synth-time lint hands over for policies whose specs are equal (synth-checks/validated-specs.ts).
  const deployment = (namespace: string, app: string) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app, namespace },
    spec: { template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
  });
  const policy = (namespace: string, name: string, spec: object) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec });
  const dbFromApi = { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 5432 }] }] };
  const apiEgressDnsOnly = { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ ports: [{ protocol: 'UDP', port: 53 }] }] };
  const objects = [
    ...['a', 'b'].flatMap(ns => [deployment(ns, 'api'), deployment(ns, 'db'), policy(ns, 'db-from-api', dbFromApi)]),
    policy('b', 'api-out', apiEgressDnsOnly),
  ];
  const model = buildModel(objects.map((object, documentIndex) => ({ object, source: { documentIndex } })));
  const [a, b] = model.policies;

  test('the spec is read once; each policy keeps its own namespace, name and object', () => {
    expect([a.namespace, b.namespace]).toEqual(['a', 'b']);
    expect(b.ingress).toBe(a.ingress);
    expect(b.podSelector).toBe(a.podSelector);
    expect(b.raw).not.toBe(a.raw);
  });

  test('a shared pod peer still means pods of each policy\'s own namespace', () => {
    const flows = flowMap(computeReachability(model));
    expect(sourcesOf(flows, 'a/db[Deployment]')).toEqual(['a/api[Deployment]']);
    expect(flows.get('a/api[Deployment] => a/db[Deployment]')).toBe('TCP 5432');
    // b/api may only send DNS, so nothing reaches b/db.
    expect(sourcesOf(flows, 'b/db[Deployment]')).toEqual([]);
  });

  test('the lint judges each namespace\'s hop on its own: only b\'s copy is one-sided', () => {
    const oneSided = lint(model).filter(f => f.ruleId === 'one-sided-connection');
    expect(oneSided.map(f => f.message)).toEqual([expect.stringMatching(/^b\/db-from-api: spec\.ingress\[0\]\.from: allows b\/api\[Deployment\] -> b\/db\[Deployment\]/)]);
  });
});

describe('buildModel: objects as the API server holds them after kubectl apply', () => {
  const placed = (text: string) => parseYaml(text, 'in.yaml').map(d => ({ ...d, source: { ...d.source, line: 10 * d.source.documentIndex + 1 } }));

  test('an object with only generateName is analysed, named from its prefix and marked as generated; each one is its own', () => {
    const model = buildModel(placed(`
apiVersion: batch/v1
kind: Job
metadata: { generateName: migrate-, namespace: shop }
spec: { template: { metadata: { labels: { app: migrate } } } }
---
apiVersion: batch/v1
kind: Job
metadata: { generateName: migrate-, namespace: shop }
spec: { template: { metadata: { labels: { app: migrate2 } } } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { generateName: deny-, namespace: shop }
spec: { podSelector: {}, policyTypes: [Egress] }
`));
    expect(model.workloads.map(workloadId)).toEqual(['shop/migrate-<generated-2>[Job]', 'shop/migrate-<generated>[Job]']);
    expect({ ...workload(model, 'shop/migrate-<generated-2>[Job]').podLabels }).toEqual({ app: 'migrate2' });
    expect(model.policies.map(p => `${p.namespace}/${p.name}`)).toEqual(['shop/deny-<generated>']);
    // The generated policy isolates the Jobs' egress: nothing leaves them.
    const flows = flowMap(computeReachability(model));
    expect([...flows.keys()].filter(k => k.startsWith('shop/migrate'))).toEqual([]);
    expect(model.warnings).toEqual([]);
  });

  test('the same kind, namespace and name twice: the last one stands, with a warning naming both places', () => {
    const model = buildModel(placed(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: np, namespace: shop }
spec: { podSelector: {}, ingress: [{}] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: np, namespace: shop }
spec: { podSelector: {} }
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { v: one } }
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { v: two } }
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: other }
`));
    // The later policy (deny all ingress) replaced the one that allowed all: no union of the two.
    expect(model.policies).toHaveLength(1);
    expect(model.policies[0].ingress).toEqual([]);
    expect(model.policies[0].source?.documentIndex).toBe(1);
    expect(model.workloads.map(workloadId)).toEqual(['other/web[Pod]', 'shop/web[Pod]']);
    expect({ ...workload(model, 'shop/web[Pod]').podLabels }).toEqual({ v: 'two' });
    expect(model.warnings).toEqual([
      'in.yaml:11: NetworkPolicy shop/np is also written at in.yaml:1; this later one stands, as kubectl apply leaves it, and the earlier one is not analysed',
      'in.yaml:31: Pod shop/web is also written at in.yaml:21; this later one stands, as kubectl apply leaves it, and the earlier one is not analysed',
    ]);
    const flows = flowMap(computeReachability(model));
    expect(sourcesOf(flows, 'shop/web[Pod]')).toEqual([]);
  });

  test('objects in memory (a chart) are placed by their document index', () => {
    const model = modelOf('apiVersion: v1\nkind: Namespace\nmetadata: { name: a }\n---\napiVersion: v1\nkind: Namespace\nmetadata: { name: a, labels: { x: y } }\n');
    expect(model.warnings).toEqual(['document 1: Namespace a is also written at document 0; this later one stands, as kubectl apply leaves it, and the earlier one is not analysed']);
    expect({ ...model.namespaces[0].labels }).toEqual({ 'x': 'y', 'kubernetes.io/metadata.name': 'a' });
  });

  test('an API version the server no longer serves is not applied: a warning, and out of the model', () => {
    const model = buildModel(placed(`
apiVersion: extensions/v1beta1
kind: NetworkPolicy
metadata: { name: old, namespace: shop }
spec: { podSelector: {} }
---
apiVersion: batch/v1beta1
kind: CronJob
metadata: { name: nightly, namespace: shop }
---
apiVersion: apps/v1beta2
kind: Deployment
metadata: { name: web, namespace: shop }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
`));
    expect(model.policies).toEqual([]);
    expect(model.workloads.map(workloadId)).toEqual(['shop/api[Deployment]']);
    expect(model.warnings).toEqual([
      'in.yaml:1: extensions/v1beta1 NetworkPolicy shop/old is not applied: the API server no longer serves extensions/v1beta1 (removed in Kubernetes 1.16); left out of the analysis; use apiVersion: networking.k8s.io/v1',
      'in.yaml:11: batch/v1beta1 CronJob shop/nightly is not applied: the API server no longer serves batch/v1beta1 (removed in Kubernetes 1.25); left out of the analysis; use apiVersion: batch/v1',
      'in.yaml:21: apps/v1beta2 Deployment shop/web is not applied: the API server no longer serves apps/v1beta2 (removed in Kubernetes 1.16); left out of the analysis; use apiVersion: apps/v1',
    ]);
    // Not ignored either: the warning says it once.
    expect(model.ignored).toEqual([]);
  });
});

describe('buildModel: label values as the API server takes them', () => {
  test('a workload with a label value that is not a string (an unquoted yes) is rejected by the server: left out, with a warning', () => {
    const model = buildModel(parseYaml(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template: { metadata: { labels: { app: web, canary: true } } }
---
apiVersion: v1
kind: Pod
metadata: { name: solo, namespace: shop, labels: { version: 1.5 } }
---
apiVersion: v1
kind: Pod
metadata: { name: fine, namespace: shop, labels: { version: "1.5" } }
`, 'in.yaml'));
    expect(model.workloads.map(workloadId)).toEqual(['shop/fine[Pod]']);
    expect(model.warnings).toEqual([
      'in.yaml: Deployment shop/web is not applied: the API server rejects it, as spec.template.metadata.labels has canary: true, which is not a string '
        + '(unquoted yes, no, on, off, true and numbers are not, for kubectl); left out of the analysis; quote the value',
      'in.yaml: Pod shop/solo is not applied: the API server rejects it, as metadata.labels has version: 1.5, which is not a string '
        + '(unquoted yes, no, on, off, true and numbers are not, for kubectl); left out of the analysis; quote the value',
    ]);
  });

  test('a null label value (app: or app: ~) is the empty string, as JSON null decodes into a string map', () => {
    const model = modelOf(`
apiVersion: v1
kind: Pod
metadata: { name: p, namespace: shop, labels: { app: ~, tier: web } }
---
apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { team: null } }
`);
    expect({ ...workload(model, 'shop/p[Pod]').podLabels }).toEqual({ app: '', tier: 'web' });
    expect({ ...model.namespaces[0].labels }).toEqual({ 'team': '', 'kubernetes.io/metadata.name': 'shop' });
    expect(model.warnings).toEqual([]);
  });
});
