import { ALL_V4, ALL_V6, fixtureFlows, fixtureModel, flowMap, modelOf, sourcesOf } from './helpers';
import * as evaluation from '../../src/analysis/evaluation';
import { buildModel } from '../../src/analysis/model-builder';
import { computeReachability } from '../../src/analysis/reachability';

describe('isolation and combination', () => {
  test('isolation is per direction', () => {
    const flows = fixtureFlows('isolation');
    expect(flows.get('app/b[Pod] => app/a[Pod]')).toBeUndefined();
    expect(flows.get('app/a[Pod] => app/b[Pod]')).toBe('All Connections');
    expect(flows.get(`app/a[Pod] => ${ALL_V4}`)).toBe('All Connections');
    expect(flows.get(`${ALL_V4} => app/a[Pod]`)).toBeUndefined();
    expect(flows.get(`${ALL_V6} => app/b[Pod]`)).toBe('All Connections');
  });

  test('policies selecting the same pod combine as a union', () => {
    const flows = fixtureFlows('union-both-ends');
    expect(flows.get('shop/admin[Deployment] => shop/db[Deployment]')).toBe('TCP 22');
    // 5432 and 9187 come from two different policies; api's egress then narrows to 5432 (next test).
    expect(sourcesOf(flows, 'shop/db[Deployment]')).toEqual(['shop/admin[Deployment]', 'shop/api[Deployment]']);
  });

  test('both ends must allow: source egress ∩ destination ingress', () => {
    const flows = fixtureFlows('union-both-ends');
    expect(flows.get('shop/api[Deployment] => shop/db[Deployment]')).toBe('TCP 5432');
    expect(flows.get('shop/api[Deployment] => shop/cache[Deployment]')).toBeUndefined();
    expect(flows.get('shop/admin[Deployment] => shop/cache[Deployment]')).toBeUndefined();
    expect(flows.get('shop/api[Deployment] => shop/admin[Deployment]')).toBeUndefined();
    expect(flows.get('shop/db[Deployment] => shop/api[Deployment]')).toBe('All Connections');
  });
});

describe('policyTypes defaulting', () => {
  const flows = fixtureFlows('policy-types');

  test('an "egress-only" policy without policyTypes also denies all ingress', () => {
    expect(flows.get('t/client[Pod] => t/e[Pod]')).toBeUndefined();
    expect(sourcesOf(flows, 't/e[Pod]')).toEqual([]);
    expect(flows.get('t/e[Pod] => t/client[Pod]')).toBe('All Connections');
    expect(flows.get(`t/e[Pod] => ${ALL_V4}`)).toBeUndefined();
  });

  test('`egress: []` without policyTypes does not isolate egress', () => {
    expect(flows.get(`t/f[Pod] => ${ALL_V4}`)).toBe('All Connections');
    expect(flows.get('t/f[Pod] => t/client[Pod]')).toBe('All Connections');
  });

  test('rules for a direction not in policyTypes are ignored', () => {
    expect(flows.get('t/client[Pod] => t/g[Pod]')).toBe('All Connections');
    expect(flows.get(`${ALL_V4} => t/g[Pod]`)).toBe('All Connections');
    expect(flows.get('t/g[Pod] => t/client[Pod]')).toBe('TCP 443');
    expect(flows.get(`t/g[Pod] => ${ALL_V6}`)).toBe('TCP 443');
  });
});

describe('empty lists', () => {
  const flows = fixtureFlows('empty-lists');

  test('`ingress: []` allows nothing', () => {
    expect(sourcesOf(flows, 'l/x[Pod]')).toEqual([]);
  });

  test('`ingress: [{}]` allows everything, external sources included', () => {
    expect(flows.get('l/client[Pod] => l/y[Pod]')).toBe('All Connections');
    expect(flows.get('other/far[Pod] => l/y[Pod]')).toBe('All Connections');
    expect(flows.get(`${ALL_V4} => l/y[Pod]`)).toBe('All Connections');
    expect(flows.get(`${ALL_V6} => l/y[Pod]`)).toBe('All Connections');
  });

  test('`from: []` matches every peer, pods of other namespaces and external included', () => {
    expect(flows.get('l/client[Pod] => l/z[Pod]')).toBe('TCP 8080');
    expect(flows.get('other/far[Pod] => l/z[Pod]')).toBe('TCP 8080');
    expect(flows.get(`${ALL_V4} => l/z[Pod]`)).toBe('TCP 8080');
  });

  test('`ports: []` matches every protocol and port', () => {
    expect(flows.get('l/client[Pod] => l/w[Pod]')).toBe('All Connections');
    expect(flows.get('l/x[Pod] => l/w[Pod]')).toBe('All Connections');
    expect(flows.get('other/far[Pod] => l/w[Pod]')).toBeUndefined();
    expect(flows.get(`${ALL_V4} => l/w[Pod]`)).toBeUndefined();
  });
});

describe('ports', () => {
  const flows = fixtureFlows('ports');

  test('`ports: [{}]` is all TCP only', () => {
    expect(flows.get('p/client[Pod] => p/p1[Pod]')).toBe('TCP 1-65535');
  });

  test('protocol defaults to TCP', () => {
    expect(flows.get('p/client[Pod] => p/p2[Pod]')).toBe('TCP 53,UDP 53');
  });

  test('endPort gives a range', () => {
    expect(flows.get('p/client[Pod] => p/p3[Pod]')).toBe('TCP 32000-32768');
  });

  test('a protocol without port is every port of it', () => {
    expect(flows.get('p/client[Pod] => p/p4[Pod]')).toBe('SCTP 1-65535,UDP 5000-5001');
  });
});

describe('named ports', () => {
  const flows = fixtureFlows('named-ports');

  test('resolved on each destination pod: the same name maps to different numbers', () => {
    expect(flows.get('np/client[Pod] => np/s1[Pod]')).toBe('TCP 8080');
    expect(flows.get('np/client[Pod] => np/s2[Pod]')).toBe('TCP 9090');
  });

  test('a UDP named port does not match under a (default) TCP rule, but does under a UDP rule', () => {
    // servers-in lists `dns` (TCP by default): s1's dns is UDP, so only http counts for client.
    expect(flows.get('np/client[Pod] => np/s1[Pod]')).toBe('TCP 8080');
    expect(flows.get('np/client2[Pod] => np/s1[Pod]')).toBe('UDP 53');
    expect(flows.get('np/client2[Pod] => np/s2[Pod]')).toBeUndefined();
  });

  test('a named port never matches an external destination', () => {
    expect([...flows.keys()].filter(k => k.startsWith('np/client[Pod] => ') && k.includes('[External]'))).toEqual([]);
  });
});

describe('peers', () => {
  const flows = fixtureFlows('peers');
  const targets = ['t-and', 't-or', 't-pods-all', 't-ns-all', 't-notin', 't-dne'].map(t => `prod/${t}[Pod]`);
  const others = (...except: string[]) => targets.filter(t => !except.includes(t));

  test('namespaceSelector and podSelector in one peer: AND', () => {
    expect(sourcesOf(flows, 'prod/t-and[Pod]')).toEqual(['dev/mon[Pod]']);
  });

  test('namespaceSelector and podSelector as two peers: OR', () => {
    expect(sourcesOf(flows, 'prod/t-or[Pod]')).toEqual(['dev/mon[Pod]', 'dev/other[Pod]', 'prod/mon[Pod]']);
  });

  test('`podSelector: {}` alone: all pods of the policy\'s namespace only', () => {
    expect(sourcesOf(flows, 'prod/t-pods-all[Pod]')).toEqual(
      ['prod/bare[Pod]', 'prod/mon[Pod]', 'prod/other[Pod]', ...others('prod/t-pods-all[Pod]')].sort());
  });

  test('`namespaceSelector: {}`: all pods of all namespaces, but not external addresses', () => {
    expect(sourcesOf(flows, 'prod/t-ns-all[Pod]')).toEqual(
      ['dev/mon[Pod]', 'dev/other[Pod]', 'prod/bare[Pod]', 'prod/mon[Pod]', 'prod/other[Pod]', ...others('prod/t-ns-all[Pod]')].sort());
  });

  test('NotIn matches pods without the key', () => {
    expect(sourcesOf(flows, 'prod/t-notin[Pod]')).toEqual(['prod/bare[Pod]', 'prod/other[Pod]', ...others('prod/t-notin[Pod]')].sort());
  });

  test('DoesNotExist matches pods without the key only', () => {
    expect(sourcesOf(flows, 'prod/t-dne[Pod]')).toEqual(['prod/bare[Pod]', ...others('prod/t-dne[Pod]')].sort());
  });
});

describe('external ranges', () => {
  test('ipBlock with except cuts the address space; only covered ranges are allowed', () => {
    const reachability = computeReachability(fixtureModel('ipblock'));
    expect(reachability.externalRanges.map(r => `${r.start}-${r.end}`)).toEqual([
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.0.255.255',
      '10.1.0.0-10.1.255.255',
      '10.2.0.0-10.255.255.255',
      '11.0.0.0-255.255.255.255',
      '::-2001:db7:ffff:ffff:ffff:ffff:ffff:ffff',
      '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
      '2001:db9::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    ]);
    const flows = flowMap(reachability);
    expect(sourcesOf(flows, 'n/web[Pod]')).toEqual(['10.0.0.0-10.0.255.255[External]', '10.2.0.0-10.255.255.255[External]']);
    expect(flows.get('10.0.0.0-10.0.255.255[External] => n/web[Pod]')).toBe('TCP 443');
    expect([...flows].filter(([k]) => k.startsWith('n/client[Pod] => '))).toEqual([
      ['n/client[Pod] => 2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External]', 'UDP 53'],
    ]);
  });

  test('ipBlock does not match pods, even 0.0.0.0/0', () => {
    const flows = fixtureFlows('ipblock-pods');
    expect(sourcesOf(flows, 'n/web[Pod]')).toEqual([ALL_V4, ALL_V6].sort());
    expect(flows.get('n/client[Pod] => n/web[Pod]')).toBeUndefined();
  });

  test('never external to external', () => {
    const flows = fixtureFlows('ipblock');
    expect([...flows.keys()].filter(k => k.split(' => ').every(e => e.endsWith('[External]')))).toEqual([]);
  });
});

describe('hostNetwork', () => {
  const flows = fixtureFlows('hostnetwork');

  test('no policy isolates a hostNetwork workload', () => {
    expect(flows.get(`h/agent[DaemonSet] => ${ALL_V4}`)).toBe('All Connections');
    expect(flows.get(`${ALL_V4} => h/agent[DaemonSet]`)).toBe('All Connections');
  });

  test('pod selectors never match it; a rule without peers does', () => {
    expect(flows.get('h/agent[DaemonSet] => h/web[Deployment]')).toBe('TCP 8080');
    expect(flows.get('h/web[Deployment] => h/agent[DaemonSet]')).toBeUndefined();
    expect(flows.get(`${ALL_V4} => h/web[Deployment]`)).toBe('TCP 8080');
    expect(flows.get(`h/web[Deployment] => ${ALL_V4}`)).toBeUndefined();
  });
});

describe('workloads', () => {
  test('owner grouping: one peer per controller tree, nothing inside one workload', () => {
    const reachability = computeReachability(fixtureModel('model-owners'));
    const flows = flowMap(reachability);
    // 5 workloads, no policies: 5×4 ordered workload pairs + 5 workloads × 2 ranges × 2 directions.
    expect(flows.size).toBe(20 + 20);
    expect([...flows.keys()].filter(k => k.split(' => ')[0] === k.split(' => ')[1])).toEqual([]);
    expect(flows.get('shop/api-7f9[ReplicaSet] => shop/web[Deployment]')).toBe('All Connections');
  });

  test('two workloads with identical pods are both reported, each without a self-flow', () => {
    const flows = fixtureFlows('same-class');
    expect(flows.get('s/blue[Deployment] => s/green[Deployment]')).toBe('TCP 80');
    expect(flows.get('s/green[Deployment] => s/blue[Deployment]')).toBe('TCP 80');
    expect(flows.get('s/blue[Deployment] => s/blue[Deployment]')).toBeUndefined();
    expect(flows.get('s/green[Deployment] => s/green[Deployment]')).toBeUndefined();
  });

  test('List kinds without item kind and objects in the default namespace take part', () => {
    // np-from-list (default, podSelector {}, no rules) denies ingress to every default pod; dev/c is open.
    const flows = fixtureFlows('model-lists');
    expect(flows.get('default/a[Pod] => default/b[Pod]')).toBeUndefined();
    expect(flows.get('default/a[Pod] => dev/c[Deployment]')).toBe('All Connections');
  });

  test('flows are sorted by source, then destination', () => {
    const reachability = computeReachability(fixtureModel('peers'));
    const keys = [...flowMap(reachability).keys()];
    expect(keys).toEqual([...keys].sort());
  });
});

describe('namespaces', () => {
  test('a namespace known only from its workloads is selected by its name label', () => {
    const flows = flowMap(computeReachability(modelOf(`
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
---
apiVersion: v1
kind: Pod
metadata: { name: ingress, namespace: edge }
---
apiVersion: v1
kind: Pod
metadata: { name: stranger, namespace: elsewhere }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: from-edge, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: edge } } }], ports: [{ port: 443 }] }]
`)));
    expect(flows.get('edge/ingress[Pod] => shop/web[Pod]')).toBe('TCP 443');
    expect(flows.get('elsewhere/stranger[Pod] => shop/web[Pod]')).toBeUndefined();
  });

  test('an object without namespace is in default, and a podSelector peer of a default policy selects it', () => {
    const flows = flowMap(computeReachability(modelOf(`
apiVersion: v1
kind: Pod
metadata: { name: db, labels: { app: db } }
---
apiVersion: v1
kind: Pod
metadata: { name: api, namespace: default, labels: { app: api } }
---
apiVersion: v1
kind: Pod
metadata: { name: api, namespace: other, labels: { app: api } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db-in }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress: [{ from: [{ podSelector: { matchLabels: { app: api } } }], ports: [{ port: 5432 }] }]
`)));
    expect(flows.get('default/api[Pod] => default/db[Pod]')).toBe('TCP 5432');
    expect(flows.get('other/api[Pod] => default/db[Pod]')).toBeUndefined();
  });
});

describe('cost', () => {
  test('rules are evaluated once per pair of workload classes, not per pair of workloads', () => {
    // 300 Deployments with 3 distinct label sets in one namespace, one policy: 3 classes + 2 ranges.
    const docs = Array.from({ length: 300 }, (_, i) => ({
      object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `d${i}`, namespace: 'n' }, spec: { template: { metadata: { labels: { app: `a${i % 3}` } } } } },
      source: { documentIndex: i },
    }));
    docs.push({
      object: {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'p', namespace: 'n' },
        spec: { podSelector: { matchLabels: { app: 'a0' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a1' } } }], ports: [{ port: 80 }] }] },
      } as never,
      source: { documentIndex: 300 },
    });
    const spy = jest.spyOn(evaluation, 'peerMatches');
    const reachability = computeReachability(buildModel(docs));
    // The rule's one peer is matched against classes (at most the namespace's 3), never against each of the 300 workloads.
    expect(spy.mock.calls.length).toBeGreaterThan(0);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(3);
    spy.mockRestore();
    // Into a0 only a1 is allowed (TCP 80): of the 300×299 ordered workload pairs, a0→a0 (100×99) and
    // a2→a0 (100×100) are missing. Every workload reaches both ranges; both ranges reach only a1 and a2.
    expect(reachability.flows.length).toBe(300 * 299 - 100 * 99 - 100 * 100 + 300 * 2 + 200 * 2);
  });
});
