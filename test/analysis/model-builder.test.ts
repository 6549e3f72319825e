import { fixtureModel, flowMap, modelOf, sourcesOf, workload } from './helpers';
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
