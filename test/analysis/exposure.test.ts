/**
 * The exposure core (src/analysis/exposure.ts, representative-peer.ts) on small models: which
 * representative peers a rule gives, which rules stand for them, and what each line allows and why.
 */
import { modelOf } from './helpers';
import { computeExposure, type ExposureLine } from '../../src/analysis/exposure';
import { workloadId } from '../../src/analysis/model';
import { buildModel } from '../../src/analysis/model-builder';
import { canonicalSelector, representativePeerOf, representativePeers } from '../../src/analysis/representative-peer';

const WORKLOADS = `
apiVersion: v1
kind: Pod
metadata: { name: api, namespace: shop, labels: { app: api } }
spec: { containers: [{ name: c, image: i, ports: [{ name: http, containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: db, namespace: shop, labels: { app: db } }
spec: { containers: [{ name: c, image: i }] }
`;

function policy(spec: string): string {
  return `${WORKLOADS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: shop }
spec: ${spec}
`;
}

/** `workload direction peer : conns` per line, with the peer as its canonical key. */
function summary(lines: readonly ExposureLine[]): string[] {
  return lines.map(l => `${workloadId(l.workload)} ${l.direction} ${l.peer.kind === 'entire-cluster' ? 'entire-cluster' : l.peer.peer.key} : ${l.conns}`);
}

describe('representative peers', () => {
  const model = modelOf(policy(`{ podSelector: { matchLabels: { app: api } }, ingress: [
    { from: [{ podSelector: { matchLabels: { role: mon } } }] },
    { from: [{ namespaceSelector: { matchLabels: { team: a } } }, { ipBlock: { cidr: 10.0.0.0/8 } }] },
    { from: [{ namespaceSelector: { matchExpressions: [{ key: team, operator: In, values: [a] }] } }] },
    { from: [{ podSelector: { matchLabels: { x: y } } }, { namespaceSelector: {} }] },
    { from: [{ namespaceSelector: {}, podSelector: { matchLabels: { role: mon } } }] } ] }`));

  test('one per distinct pair of selectors; a peer without namespaceSelector is in the policy\'s namespace', () => {
    expect(representativePeers(model.policies).map(r => [r.key, r.namespace])).toEqual([
      ['kubernetes.io/metadata.name=shop/role=mon', 'shop'],
      ['team=a/', undefined], // `In` with one value is `=`: the third rule's peer is the same
      ['/role=mon', undefined],
    ]);
  });

  test('ipBlock and entire-cluster peers give none, and a rule with an entire-cluster peer gives none at all (np-guard)', () => {
    const [p] = model.policies;
    expect(representativePeerOf(p, { ipBlock: { cidr: '10.0.0.0/8' } })).toBeUndefined();
    expect(representativePeerOf(p, { namespaceSelector: {}, podSelector: {} })).toBeUndefined();
    expect(representativePeers(model.policies).some(r => r.key.includes('x=y'))).toBe(false);
  });

  test('selectors are keyed by meaning: order of keys and values, In of one value', () => {
    expect(canonicalSelector({ matchLabels: { b: '2', a: '1' } })).toBe(canonicalSelector({
      matchExpressions: [{ key: 'a', operator: 'In', values: ['1'] }, { key: 'b', operator: 'In', values: ['2'] }],
    }));
    expect(canonicalSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: ['2', '1'] }] })).toBe('a in (1,2)');
    expect(canonicalSelector({ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] })).not.toBe(canonicalSelector({}));
  });
});

describe('exposure lines', () => {
  test('a peer by labels gets what the rules standing for it allow; the entire cluster what peer-less and {} rules allow', () => {
    const exposure = computeExposure(modelOf(policy(`{ podSelector: { matchLabels: { app: api } }, ingress: [
      { from: [{ namespaceSelector: { matchLabels: { team: a } } }], ports: [{ port: 80 }] },
      { from: [{ namespaceSelector: { matchLabels: { team: a } }, podSelector: { matchLabels: { role: mon } } }], ports: [{ port: 9090 }] },
      { from: [{ namespaceSelector: {} }], ports: [{ port: 443 }] } ] }`)));
    expect(summary(exposure.lines).filter(l => l.startsWith('shop/api[Pod] Ingress'))).toEqual([
      'shop/api[Pod] Ingress entire-cluster : TCP 443',
      'shop/api[Pod] Ingress team=a/ : TCP 80,443',
      // the broader rule stands for the narrower peer too: a pod with role=mon in a team=a namespace gets both
      'shop/api[Pod] Ingress team=a/role=mon : TCP 80,443,9090',
    ]);
    const line = exposure.lines.find(l => l.peer.kind === 'representative' && l.peer.peer.key === 'team=a/role=mon')!;
    expect(line.causes.map(c => `${c.policy.name} ${c.direction} #${c.ruleIndex}`)).toEqual(['p Ingress #0', 'p Ingress #1', 'p Ingress #2']);
  });

  test('a peer whose lines the entire cluster already covers is not listed', () => {
    const exposure = computeExposure(modelOf(policy(`{ podSelector: { matchLabels: { app: api } }, ingress: [
      { from: [{ namespaceSelector: { matchLabels: { team: a } } }], ports: [{ port: 80 }] },
      { from: [{ namespaceSelector: {} }], ports: [{ port: 80 }, { port: 443 }] } ] }`)));
    expect(summary(exposure.lines).filter(l => l.startsWith('shop/api[Pod] Ingress'))).toEqual(['shop/api[Pod] Ingress entire-cluster : TCP 80,443']);
  });

  test('egress named ports stay names toward a peer not in the input; ingress ones resolve on the workload', () => {
    const exposure = computeExposure(modelOf(policy(`{ podSelector: {}, policyTypes: [Ingress, Egress],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: a } } }], ports: [{ port: http }] }],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { team: a } } }], ports: [{ port: http }, { port: 53, protocol: UDP }] }] }`)));
    expect(summary(exposure.lines)).toEqual([
      'shop/api[Pod] Egress team=a/ : TCP http,UDP 53',
      'shop/api[Pod] Ingress team=a/ : TCP 8080',
      'shop/db[Pod] Egress team=a/ : TCP http,UDP 53',
    ]);
  });

  test('a peer with the plain labels of a workload in the input is that workload, not an exposure', () => {
    const exposure = computeExposure(modelOf(policy(`{ podSelector: { matchLabels: { app: api } }, ingress: [
      { from: [{ podSelector: { matchLabels: { app: db } } }] },
      { from: [{ podSelector: { matchExpressions: [{ key: app, operator: In, values: [db] }] } }], ports: [{ port: 1 }] } ] }`)));
    // The matchExpressions peer is the same peer (app in (db) is app=db), so it is dropped too.
    expect(summary(exposure.lines).filter(l => l.startsWith('shop/api[Pod] Ingress'))).toEqual([]);
  });

  test('unprotected: per direction, exactly where no policy isolates the workload', () => {
    const exposure = computeExposure(modelOf(policy('{ podSelector: { matchLabels: { app: api } }, policyTypes: [Egress] }')));
    expect(exposure.unprotected.map(u => `${workloadId(u.workload)} ${u.direction}`)).toEqual([
      'shop/api[Pod] Ingress', 'shop/db[Pod] Egress', 'shop/db[Pod] Ingress',
    ]);
    expect(summary(exposure.lines)).toEqual([
      'shop/api[Pod] Ingress entire-cluster : All Connections',
      'shop/db[Pod] Egress entire-cluster : All Connections',
      'shop/db[Pod] Ingress entire-cluster : All Connections',
    ]);
  });
});

test('policies of two namespaces sharing one spec object: each peer without namespaceSelector is in its own policy\'s namespace', () => {
  const spec = { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'mon' } } }] }] };
  const pod = (namespace: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace }, spec: { containers: [{ name: 'c', image: 'i' }] } });
  const networkPolicy = (namespace: string) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np', namespace }, spec });
  const model = buildModel([{ object: [pod('a'), pod('b'), networkPolicy('a'), networkPolicy('b')], source: { documentIndex: 0 } }]);
  expect(summary(computeExposure(model).lines).filter(l => l.includes('Ingress'))).toEqual([
    'a/p[Pod] Ingress kubernetes.io/metadata.name=a/role=mon : All Connections',
    'b/p[Pod] Ingress kubernetes.io/metadata.name=b/role=mon : All Connections',
  ]);
});
