/**
 * The NetworkPolicy rules with cluster policies around NetworkPolicy (Admin → NetworkPolicy →
 * Baseline → default): each case is linted with and without the cluster policy, and the finding
 * appears, disappears or names the cluster policy that decided.
 */
import * as path from 'node:path';
import { ClusterContext } from '../../src/analysis/cluster-evaluation';
import { ConnectionSet } from '../../src/analysis/connection-set';
import { PolicyContext } from '../../src/analysis/evaluation';
import { lint } from '../../src/analysis/lint';
import type { Finding } from '../../src/analysis/lint';
import { workloadId, type Direction, type Workload } from '../../src/analysis/model';
import { buildModel } from '../../src/analysis/model-builder';
import { loadModel } from '../../src/io';

const V2 = 'policy.networking.k8s.io/v1alpha2';
const EVERY_NAMESPACE = { namespaces: {} };

function cnp(name: string, spec: object): object {
  return { apiVersion: V2, kind: 'ClusterNetworkPolicy', metadata: { name }, spec: { tier: 'Admin', priority: 10, subject: EVERY_NAMESPACE, ...spec } };
}

function deployment(namespace: string, name: string, labels: Record<string, string> = { app: name }): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name, image: 'x' }] } } },
  };
}

function netpol(namespace: string, name: string, spec: object): object {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

function findings(ruleId: string, objects: readonly object[]): Finding[] {
  const model = buildModel(objects.map((object, documentIndex) => ({ object, source: { documentIndex } })));
  return lint(model).filter(f => f.ruleId === ruleId);
}

/** ClusterDnsEgress as the library writes it: Accept UDP and TCP 53 to the kube-dns pods, for every namespace, in the Admin tier. */
const CLUSTER_DNS = cnp('cluster-dns', {
  egress: [{
    name: 'accept-dns',
    action: 'Accept',
    to: [{ pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } }],
    protocols: [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }],
  }],
});

const DENY_ALL_EGRESS = netpol('shop', 'default-deny', { podSelector: {}, policyTypes: ['Egress'] });

describe('dns-egress-missing', () => {
  test('an Admin Accept of DNS answers for NetworkPolicies that allow none', () => {
    const app = [deployment('shop', 'api'), DENY_ALL_EGRESS];
    expect(findings('dns-egress-missing', app).map(f => f.message)).toEqual([
      'shop/default-deny: spec.policyTypes: isolates egress of shop/api[Deployment], and no egress rule allows DNS (UDP 53 or 5353), so name lookups will fail',
    ]);
    expect(findings('dns-egress-missing', [...app, CLUSTER_DNS])).toEqual([]);
  });

  test('the same for a chart of policies only: the plainest pod of the default deny', () => {
    expect(findings('dns-egress-missing', [DENY_ALL_EGRESS])).toHaveLength(1);
    expect(findings('dns-egress-missing', [DENY_ALL_EGRESS, CLUSTER_DNS])).toEqual([]);
  });

  test('an Admin Accept of DNS to a resolver of its own (ClusterDnsEgress with dnsNamespace and dnsPods, a NodeLocal address) answers too', () => {
    const app = [deployment('shop', 'api'), DENY_ALL_EGRESS];
    const udp53 = [{ udp: { destinationPort: { number: 53 } } }];
    const ownResolver = cnp('cluster-dns', {
      egress: [{
        action: 'Accept',
        to: [{ pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dns' } }, podSelector: { matchLabels: { app: 'coredns' } } } }],
        protocols: udp53,
      }],
    });
    const nodeLocal = cnp('node-local-dns', { egress: [{ action: 'Accept', to: [{ networks: ['169.254.20.10/32'] }], protocols: udp53 }] });
    const elsewhere = cnp('https', { egress: [{ action: 'Accept', to: [{ networks: ['169.254.20.10/32'] }], protocols: [{ tcp: { destinationPort: { number: 443 } } }] }] });
    expect(findings('dns-egress-missing', [...app, ownResolver])).toEqual([]);
    expect(findings('dns-egress-missing', [...app, nodeLocal])).toEqual([]);
    expect(findings('dns-egress-missing', [...app, elsewhere])).toHaveLength(1);
  });

  test('an Admin Accept of DNS for other namespaces only does not answer; once its subject selects the namespace, it does', () => {
    const opsOnly = cnp('cluster-dns', { ...(CLUSTER_DNS as { spec: object }).spec, subject: { namespaces: { matchLabels: { team: 'ops' } } } });
    const app = [deployment('shop', 'api'), DENY_ALL_EGRESS, opsOnly];
    expect(findings('dns-egress-missing', app)).toHaveLength(1);
    const opsShop = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'ops' } } };
    expect(findings('dns-egress-missing', [...app, opsShop])).toEqual([]);
  });

  test('a Baseline Deny of all egress takes DNS from pods NetworkPolicy leaves open: reported on the cluster policy', () => {
    const baseline = cnp('baseline-deny', { tier: 'Baseline', priority: 100, egress: [{ name: 'deny-all', action: 'Deny', to: [EVERY_NAMESPACE] }] });
    expect(findings('dns-egress-missing', [deployment('shop', 'api')])).toEqual([]);
    const [finding] = findings('dns-egress-missing', [deployment('shop', 'api'), baseline]);
    expect(finding.subject).toEqual({ kind: 'ClusterNetworkPolicy', namespace: '', name: 'baseline-deny' });
    expect(finding.message).toBe("ClusterNetworkPolicy 'baseline-deny': spec.egress[0]: denies egress to the cluster DNS (UDP 53 to kube-system/k8s-app=kube-dns) of shop/api[Deployment], and no rule before it accepts it, so name lookups will fail");
    expect(findings('dns-egress-missing', [deployment('shop', 'api'), baseline, CLUSTER_DNS])).toEqual([]);
  });

  test('an Admin Deny overrides the NetworkPolicy that allows DNS; a NetworkPolicy isolating the pod overrides a Baseline Deny', () => {
    const allowDns = netpol('shop', 'dns', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ protocol: 'UDP', port: 53 }] }] });
    const adminDeny = cnp('lockdown', { egress: [{ action: 'Deny', to: [EVERY_NAMESPACE] }] });
    expect(findings('dns-egress-missing', [deployment('shop', 'api'), allowDns])).toEqual([]);
    expect(findings('dns-egress-missing', [deployment('shop', 'api'), allowDns, adminDeny]).map(f => f.subject.name)).toEqual(['lockdown']);
    const baseline = cnp('baseline-deny', { tier: 'Baseline', priority: 100, egress: [{ action: 'Deny', to: [EVERY_NAMESPACE] }] });
    expect(findings('dns-egress-missing', [deployment('shop', 'api'), allowDns, baseline])).toEqual([]);
  });
});

describe('unprotected-workload', () => {
  const app = [deployment('shop', 'api'), deployment('shop', 'worker'), netpol('shop', 'api-deny', { podSelector: { matchLabels: { app: 'api' } } })];
  const messages = (objects: readonly object[]) => findings('unprotected-workload', objects).map(f => f.message);

  test('a Baseline default deny guards the workload NetworkPolicy missed: not reported when it covers both directions', () => {
    expect(messages(app)).toEqual([
      'shop/worker[Deployment]: no NetworkPolicy selects it although namespace shop has policies, so it accepts and sends any traffic',
    ]);
    const baseline = cnp('baseline-deny', {
      tier: 'Baseline', priority: 100, ingress: [{ action: 'Deny', from: [EVERY_NAMESPACE] }], egress: [{ action: 'Deny', to: [EVERY_NAMESPACE] }],
    });
    expect(messages([...app, baseline])).toEqual([]);
  });

  test('guarded one way (test/fixtures/cluster/tenants.yaml: ingress only), the finding says what is open and names the guards', () => {
    const { model } = loadModel([path.join(__dirname, '..', 'fixtures', 'cluster', 'tenants.yaml')], 'omit');
    expect(lint(model).filter(f => f.ruleId === 'unprotected-workload').map(f => f.message)).toEqual([
      "shop/web[Deployment]: no NetworkPolicy selects it although namespace shop has policies, so it sends any traffic (only its ingress is restricted, by ClusterNetworkPolicy 'tenants' (Admin tier), ClusterNetworkPolicy 'baseline-deny' (Baseline tier))",
    ]);
  });

  test('a deny of external addresses only (the cloud metadata service) guards nothing', () => {
    const metadata = cnp('deny-metadata', { priority: 0, egress: [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }] });
    expect(messages([...app, metadata])).toEqual(messages(app));
  });
});

describe('one-sided-connection', () => {
  const apiToDb = netpol('shop', 'api-to-db', {
    podSelector: { matchLabels: { app: 'api' } },
    policyTypes: ['Egress'],
    egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }],
  });
  const shop = [deployment('shop', 'api'), deployment('shop', 'db'), apiToDb];
  const denyIngress = netpol('shop', 'default-deny-ingress', { podSelector: {} });
  const messages = (objects: readonly object[]) => findings('one-sided-connection', objects).map(f => f.message);

  test('an Admin Accept at the destination admits what its NetworkPolicies refuse: not reported', () => {
    expect(messages([...shop, denyIngress])).toHaveLength(1);
    const accept = cnp('db-from-api', {
      subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'db' } } } },
      ingress: [{ action: 'Accept', from: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'api' } } } }] }],
    });
    expect(messages([...shop, denyIngress, accept])).toEqual([]);
  });

  test('a Baseline Deny at a destination NetworkPolicy leaves open refuses the hop: reported, naming it', () => {
    expect(messages(shop)).toEqual([]);
    const baseline = cnp('baseline-deny', { tier: 'Baseline', priority: 100, ingress: [{ action: 'Deny', from: [EVERY_NAMESPACE] }] });
    const [finding] = findings('one-sided-connection', [...shop, baseline]);
    expect(finding.message).toBe("shop/api-to-db: spec.egress[0].to: allows shop/api[Deployment] -> shop/db[Deployment] (TCP 5432), but the destination's ingress refuses it (denied by ClusterNetworkPolicy 'baseline-deny' (Baseline tier)), so this rule never carries that traffic");
    expect(finding.fix).toMatch(/^both ends must allow a connection: accept shop\/api\[Deployment\] -> shop\/db\[Deployment\] on TCP 5432 in the Admin tier before the rule of ClusterNetworkPolicy 'baseline-deny'/);
  });

  test('an Admin Deny at the source refuses what an ingress rule admits', () => {
    const dbFromApi = netpol('shop', 'db-from-api', {
      podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }],
    });
    const app = [deployment('shop', 'api'), deployment('shop', 'db'), dbFromApi];
    expect(messages(app)).toEqual([]);
    const lockdown = cnp('lockdown', {
      subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'api' } } } }, egress: [{ action: 'Deny', to: [EVERY_NAMESPACE] }],
    });
    expect(messages([...app, lockdown])).toEqual([
      "shop/db-from-api: spec.ingress[0].from: allows shop/api[Deployment] -> shop/db[Deployment] (TCP 5432), but the source's egress refuses it (denied by ClusterNetworkPolicy 'lockdown' (Admin tier)), so this rule never carries that traffic",
    ]);
  });
});

describe('ingress-backend-blocked', () => {
  const web = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'x', ports: [{ name: 'http', containerPort: 8080 }] }] } },
    },
  };
  const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } };
  const ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'shop', namespace: 'shop' },
    spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
  };

  test('a cluster policy that stops every controller is named, not the NetworkPolicies', () => {
    expect(findings('ingress-backend-blocked', [web, service, ingress])).toEqual([]);
    const lockdown = cnp('shop-lockdown', {
      subject: { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } },
      ingress: [{ action: 'Deny', from: [EVERY_NAMESPACE] }],
    });
    const [finding] = findings('ingress-backend-blocked', [web, service, ingress, lockdown]);
    expect(finding.message).toBe("shop/shop: spec.rules[0].http.paths[0].backend: Ingress sends to shop/web[Deployment] on TCP 8080 (Service web), but ClusterNetworkPolicy 'shop-lockdown' (Admin tier) denies it, so the route's traffic is dropped");
    expect(finding.fix).toMatch(/^accept the ingress controller on TCP 8080 to shop\/web\[Deployment\] in the Admin tier before the rule that denies it/);
  });
});

test('policy-types-mismatch: `egress: []` without policyTypes denies no egress, which is not "all egress allowed" when a cluster policy denies some', () => {
  const policy = netpol('shop', 'no-egress', { podSelector: {}, egress: [] });
  const [finding] = findings('policy-types-mismatch', [deployment('shop', 'api'), policy]);
  expect(finding.message).toBe('shop/no-egress: spec.egress: [] without spec.policyTypes does not isolate egress: Kubernetes defaults policyTypes to [Ingress] when egress is empty, so this policy denies no egress (with no other policy isolating it and no cluster policy denying it, all egress is allowed)');
});

describe('egress-to-everywhere-on-isolated', () => {
  const exceptMetadata = netpol('shop', 'except-metadata', {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] } }] }],
  });
  const denyAll = netpol('shop', 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  const app = [deployment('shop', 'web'), denyAll, exceptMetadata];
  const count = (objects: readonly object[]) => findings('egress-to-everywhere-on-isolated', objects).length;

  test('an Admin Deny of every address outside the cluster leaves the rule nothing to open: not reported', () => {
    expect(count(app)).toBe(1);
    const noInternet = cnp('no-internet', {
      priority: 50,
      subject: { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } },
      egress: [{ action: 'Pass', to: [EVERY_NAMESPACE] }, { action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }],
    });
    expect(count([...app, noInternet])).toBe(0);
    expect(count([denyAll, exceptMetadata])).toBe(1);
    expect(count([denyAll, exceptMetadata, noInternet])).toBe(0);
  });

  test('an Admin Deny of the metadata service only, or a Baseline Deny, leaves the internet open: reported', () => {
    const metadata = cnp('deny-metadata', { priority: 0, egress: [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }] });
    const baseline = cnp('baseline', { tier: 'Baseline', priority: 0, egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }] });
    expect(count([...app, metadata, baseline])).toBe(1);
  });
});

test('unprotected-workload evaluates one peer per class no cluster rule tells apart, with the findings of every workload pair', () => {
  const objects: object[] = [];
  for (let n = 0; n < 6; n++) {
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns${n}`, labels: { tenant: `t${n % 3}` } } });
    objects.push(netpol(`ns${n}`, 'api-only', { podSelector: { matchLabels: { app: 'w0' } } }));
    for (let w = 0; w < 4; w++) objects.push(deployment(`ns${n}`, `w${w}`, { app: `w${w}`, ...(w % 2 ? { role: 'db' } : {}) }));
  }
  objects.push(cnp('tenants', {
    subject: { namespaces: { matchExpressions: [{ key: 'tenant', operator: 'In', values: ['t0', 't1'] }] } },
    ingress: [
      { action: 'Pass', from: [{ namespaces: { matchLabels: { tenant: 't0' } } }] },
      { action: 'Deny', from: [{ pods: { namespaceSelector: { matchLabels: { tenant: 't1' } }, podSelector: { matchLabels: { role: 'db' } } } }] },
    ],
  }));
  objects.push(cnp('baseline', {
    tier: 'Baseline',
    subject: { namespaces: { matchLabels: { tenant: 't2' } } },
    egress: [{ action: 'Deny', to: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'w3' } } } }] }],
  }));
  const model = buildModel(objects.map((object, documentIndex) => ({ object, source: { documentIndex } })));
  // The reference: every pair of workloads through ClusterContext, the one evaluation.
  const context = new PolicyContext(model);
  const cluster = new ClusterContext(model.clusterPolicies!);
  const open = { isolated: false, conns: ConnectionSet.all() };
  const guards = (w: Workload, direction: Direction) => {
    const subject = context.workloadSubject(w);
    const selecting = cluster.selecting(direction, subject);
    const names = new Set(selecting ? model.workloads.flatMap(other => {
      const peer = context.workloadSubject(other);
      const side = cluster.side(direction, selecting, peer, direction === 'Egress' ? peer : subject, open);
      return [...side.admin.steps, ...side.baseline.steps].filter(s => s.action === 'Deny').map(s => `ClusterNetworkPolicy '${s.policy.name}' (${s.policy.tier} tier)`);
    }) : []);
    return [...names];
  };
  const expected = model.workloads.filter(w => w.podLabels.app !== 'w0').flatMap(w => {
    const [ingress, egress] = [guards(w, 'Ingress'), guards(w, 'Egress')];
    const start = `${workloadId(w)}: no NetworkPolicy selects it although namespace ${w.namespace} has policies, so it`;
    if (ingress.length && egress.length) return [];
    if (ingress.length) return [`${start} sends any traffic (only its ingress is restricted, by ${ingress.join(', ')})`];
    if (egress.length) return [`${start} accepts any traffic (only its egress is restricted, by ${egress.join(', ')})`];
    return [`${start} accepts and sends any traffic`];
  });
  const actual = lint(model).filter(f => f.ruleId === 'unprotected-workload').map(f => f.message);
  expect(new Set(actual)).toEqual(new Set(expected));
  expect(actual.some(m => m.includes('only its ingress'))).toBe(true);
  expect(actual.some(m => m.includes('only its egress'))).toBe(true);
});
