import { fixtureModel, modelOf, refinedFlowMap } from './helpers';
import { explain, externalRanges, resolveEndpoint } from '../../src/analysis/explain';
import type { ClusterModel } from '../../src/analysis/model';
import { computeReachability } from '../../src/analysis/reachability';
import { Endpoint, endpointId, RuleMiss } from '../../src/analysis/results';

const ref = (model: ClusterModel, text: string) => resolveEndpoint(model, text);
const misses = (list: readonly RuleMiss[]) => list.map(m => `${m.policy.name}#${m.ruleIndex}: ${m.reason}`);

describe('explain', () => {
  const shop = fixtureModel('union-both-ends');

  test('names the allowing rules on both ends and why the others do not allow', () => {
    const e = explain(shop, ref(shop, 'shop/api'), ref(shop, 'shop/db'), { protocol: 'TCP', port: 5432 });
    expect(e.allowed).toBe(true);
    expect(e.conns.toString()).toBe('TCP 5432');

    expect(e.egress.isolated).toBe(true);
    expect(e.egress.selectingPolicies.map(p => p.name)).toEqual(['api-egress']);
    expect(e.egress.allowedBy.map(m => [m.policy.name, m.ruleIndex, m.conns.toString()])).toEqual([['api-egress', 0, 'TCP 5432-5440']]);
    expect(misses(e.egress.notAllowedBy)).toEqual(['api-egress#1: no-peer-matched']);
    expect(e.egress.notAllowedBy[0].detail).toBe('peers select pods app=cache in namespace shop; destination shop/db[Deployment] has labels app=db in namespace shop (labels kubernetes.io/metadata.name=shop)');

    expect(e.ingress.selectingPolicies.map(p => p.name)).toEqual(['allow-api-5432', 'allow-api-metrics', 'allow-admin-ssh']);
    expect(e.ingress.allowedBy.map(m => m.policy.name)).toEqual(['allow-api-5432']);
    expect(misses(e.ingress.notAllowedBy)).toEqual(['allow-api-metrics#0: port-or-protocol-mismatch', 'allow-admin-ssh#0: no-peer-matched']);
    expect(e.ingress.notAllowedBy[0].detail).toBe('rule allows TCP 9187; asked TCP 5432');
    expect(e.ingress.conns.toString()).toBe('TCP 5432,9187');
  });

  test('without a query every rule with a non-empty set allows', () => {
    const e = explain(shop, ref(shop, 'shop/api'), ref(shop, 'shop/db'));
    expect(e.ingress.allowedBy.map(m => `${m.policy.name}: ${m.conns}`)).toEqual(['allow-api-5432: TCP 5432', 'allow-api-metrics: TCP 9187']);
    expect(e.allowed).toBe(true);
  });

  test('a denied query on an allowed pair', () => {
    const e = explain(shop, ref(shop, 'shop/api'), ref(shop, 'shop/db'), { protocol: 'TCP', port: 9187 });
    expect(e.allowed).toBe(false);
    expect(misses(e.egress.notAllowedBy)).toEqual(['api-egress#0: port-or-protocol-mismatch', 'api-egress#1: no-peer-matched']);
  });

  test('an end no policy isolates allows everything and says so', () => {
    const e = explain(shop, ref(shop, 'shop/db'), ref(shop, 'shop/admin'));
    expect(e.egress.isolated).toBe(false);
    expect(e.egress.conns.isAll()).toBe(true);
    expect(e.conns.isAll()).toBe(true);
    expect(e.notes).toEqual([
      'no policy isolates egress of shop/db[Deployment]: it may send anywhere',
      'no policy isolates ingress of shop/admin[Deployment]: it accepts from anywhere',
    ]);
  });

  test('named port not on the destination: protocol differs', () => {
    const model = modelOf(`
apiVersion: v1
kind: Pod
metadata: { name: dns, namespace: k, labels: { app: dns } }
spec: { containers: [{ name: d, ports: [{ name: dns, containerPort: 53, protocol: UDP }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: k }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: dns-in, namespace: k }
spec:
  podSelector: { matchLabels: { app: dns } }
  ingress: [{ ports: [{ port: dns }] }]
`);
    const e = explain(model, ref(model, 'k/client'), ref(model, 'k/dns'));
    expect(e.allowed).toBe(false);
    expect(e.ingress.notAllowedBy).toEqual([expect.objectContaining({
      reason: 'named-port-not-on-destination',
      detail: 'named port dns (TCP) is not a container port of destination k/dns[Pod]; it has dns as UDP 53',
    })]);
  });

  test('named port toward an external destination', () => {
    const model = fixtureModel('named-ports');
    const e = explain(model, ref(model, 'np/client'), ref(model, '8.8.8.8'));
    expect(e.allowed).toBe(false);
    expect(misses(e.egress.notAllowedBy)).toEqual(['client-out#0: no-peer-matched', 'client-out#1: named-port-not-on-destination']);
    expect(e.egress.notAllowedBy[1].detail).toBe('named port http (TCP) never matches an external destination');
    expect(e.ingress.applies).toBe(false);
    expect(e.notes).toContain('0.0.0.0-255.255.255.255[External] is outside the cluster: no policy applies to it; only ipBlock peers and rules without peers match it');
  });

  test('hostNetwork ends get a note, and pod selectors do not match them', () => {
    const model = fixtureModel('hostnetwork');
    const e = explain(model, ref(model, 'h/agent'), ref(model, 'h/web'), { protocol: 'TCP', port: 80 });
    expect(e.allowed).toBe(false);
    expect(e.egress.isolated).toBe(false);
    expect(e.notes[0]).toMatch(/^h\/agent\[DaemonSet\] uses hostNetwork: treated as node traffic/);
    const fromAgent = e.ingress.notAllowedBy.find(m => m.policy.name === 'web-from-agent')!;
    expect(fromAgent.reason).toBe('no-peer-matched');
    expect(fromAgent.detail).toBe('peers select pods app=agent in namespace h; source h/agent[DaemonSet] uses hostNetwork (only rules without peers match it)');
    expect(misses(e.ingress.notAllowedBy)).toContain('web-8080#0: port-or-protocol-mismatch');
  });

  test('same workload: computed, with a note that reachability does not report it', () => {
    const model = fixtureModel('same-class');
    const e = explain(model, ref(model, 's/blue'), ref(model, 's/blue'));
    expect(e.conns.toString()).toBe('TCP 80');
    expect(e.notes[0]).toMatch(/^source and destination are the same workload/);
  });

  test('an ipBlock peer does not match a pod, and says so', () => {
    const model = fixtureModel('ipblock-pods');
    const e = explain(model, ref(model, 'n/client'), ref(model, 'n/web'));
    expect(e.allowed).toBe(false);
    expect(e.ingress.notAllowedBy.map(m => m.detail)).toEqual([
      'peers select ipBlock 0.0.0.0/0 | ipBlock ::/0; source n/client[Pod] has labels app=client in namespace n (labels kubernetes.io/metadata.name=n) (ipBlock peers never match pods)',
    ]);
  });

  test('two external ends are refused', () => {
    const model = fixtureModel('ipblock');
    expect(() => explain(model, ref(model, '10.0.0.1'), ref(model, '1.1.1.1'))).toThrow(/both ends are outside the cluster/);
  });
});

describe('explain agrees with computeReachability on every pair', () => {
  for (const fixture of ['isolation', 'union-both-ends', 'policy-types', 'empty-lists', 'ports', 'named-ports', 'peers', 'ipblock', 'hostnetwork', 'same-class']) {
    test(fixture, () => {
      const model = fixtureModel(fixture);
      const reachability = computeReachability(model);
      // explain evaluates on the fine cut; reach names coarser ranges, split back here.
      const reported = refinedFlowMap(reachability);
      const endpoints: Endpoint[] = [
        ...model.workloads.map(workload => ({ kind: 'workload' as const, workload })),
        ...reachability.externalRanges.map(range => ({ kind: 'external' as const, range })),
      ];
      for (const src of endpoints) {
        for (const dst of endpoints) {
          if (src.kind === 'external' && dst.kind === 'external') continue;
          if (endpointId(src) === endpointId(dst)) continue;
          const e = explain(model, src, dst);
          const key = `${endpointId(src)} => ${endpointId(dst)}`;
          expect([key, e.allowed ? e.conns.toString() : undefined]).toEqual([key, reported.get(key)]);
        }
      }
    });
  }
});

describe('resolveEndpoint', () => {
  const model = modelOf(`
apiVersion: v1
kind: Pod
metadata: { name: x, namespace: n }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: x, namespace: n }
spec: { template: { metadata: { labels: { app: x } } } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: n }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: n }
spec:
  egress: [{ to: [{ ipBlock: { cidr: 10.0.0.0/8 } }] }]
`);

  test('ns/name and ns/name[Kind]', () => {
    expect(endpointId(resolveEndpoint(model, 'n/api'))).toBe('n/api[Deployment]');
    expect(endpointId(resolveEndpoint(model, 'n/x[Pod]'))).toBe('n/x[Pod]');
    expect(endpointId(resolveEndpoint(model, 'n/x[deployment]'))).toBe('n/x[Deployment]');
  });

  test('ambiguous names list the candidates', () => {
    expect(() => resolveEndpoint(model, 'n/x')).toThrow("'n/x' is ambiguous: n/x[Deployment], n/x[Pod]; add the kind, e.g. 'n/x[Deployment]'");
  });

  test('unknown names suggest what exists', () => {
    expect(() => resolveEndpoint(model, 'n/ap')).toThrow("unknown workload 'n/ap'; did you mean n/api[Deployment], n/x[Deployment], n/x[Pod]?");
    expect(() => resolveEndpoint(model, 'n/x[StatefulSet]')).toThrow("unknown workload 'n/x[StatefulSet]'; did you mean n/x[Deployment], n/x[Pod]?");
    expect(() => resolveEndpoint(model, 'just-a-name')).toThrow('expected ns/name, ns/name[Kind] or an IP address');
  });

  test('an IP address resolves to the external range containing it, from the same cut as reachability', () => {
    expect(endpointId(resolveEndpoint(model, '10.1.2.3'))).toBe('10.0.0.0-10.255.255.255[External]');
    expect(endpointId(resolveEndpoint(model, '192.168.0.1'))).toBe('11.0.0.0-255.255.255.255[External]');
    expect(endpointId(resolveEndpoint(model, '2001:db8::1'))).toBe('::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]');
    expect(computeReachability(model).externalRanges).toEqual(externalRanges(model));
  });

  test('an external range as printed', () => {
    expect(resolveEndpoint(model, '10.0.0.0-10.255.255.255[External]')).toEqual({ kind: 'external', range: { family: 4, start: '10.0.0.0', end: '10.255.255.255' } });
    expect(() => resolveEndpoint(model, '10.0.0.0-10.0.0.255[External]')).toThrow(/unknown external range/);
  });
});
