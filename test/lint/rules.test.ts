/**
 * Every rule against its bad and fixed fixture (test/fixtures/lint/<id>/), which are also the
 * examples of its doc page (docs-pages.test.ts keeps them in sync).
 */
import { findingsOf } from './fixtures';
import { RULES } from '../../src/analysis/lint';

interface Expectation {
  /** Parts of the one-line message: the policy or workload, the field, the point. */
  readonly message: readonly string[];
  readonly line: number;
  readonly count?: number;
}

const EXPECTED: Record<string, Expectation> = {
  'dns-egress-missing': { message: ['shop/default-deny-all: spec.policyTypes:', 'shop/api[Deployment]', 'UDP 53'], line: 19 },
  'namespace-pod-selector-split': { message: ['shop/allow-dns: spec.egress[0].to:', 'kubernetes.io/metadata.name=kube-system', 'k8s-app=kube-dns', 'OR'], line: 1 },
  'allow-all-cancels-deny': { message: ['shop/api-allow: spec.ingress[0]:', 'shop/default-deny-ingress'], line: 11 },
  'named-port-not-declared': { message: ['shop/allow-dns: spec.egress[0].ports[0].port:', "'dns' (TCP)", 'declared as UDP'], line: 26 },
  'policy-selects-nothing': { message: ['shop/api-deny-ingress: spec.podSelector:', 'app=apii'], line: 19 },
  'one-sided-connection': { message: ['shop/api-to-db: spec.egress[0].to:', 'shop/api[Deployment] -> shop/db[StatefulSet] (TCP 5432)', 'ingress-isolated'], line: 47 },
  'namespace-selector-unknown-label': { message: ['shop/api-to-db: spec.egress[0].to[0].namespaceSelector.matchLabels:', "'name'", "'db'"], line: 11 },
  'policy-types-mismatch': { message: ['shop/deny-egress: spec.egress:', 'does not isolate egress'], line: 1, count: 3 },
  'cidr-suspicious': { message: ['shop/postgres-ingress: spec.ingress[0].from[0].ipBlock.cidr:', '0.0.0.0/0', 'database-like'], line: 1 },
  'unprotected-workload': { message: ['shop/worker[Deployment]:', 'namespace shop has policies'], line: 19 },
  'empty-peer-list': { message: ['shop/api-ingress: spec.ingress[0].from: [] is empty', 'allow from everyone'], line: 1 },
  'api-invalid': { message: ['shop/api-ingress: spec.ingress[0].ports[0].protocol: tcp is not a supported protocol', 'left out of the analysis'], line: 18 },
  'egress-to-everywhere-on-isolated': { message: ['shop/deny-cloud-metadata: spec.egress[0].to[1].ipBlock:', 'every IPv4 address but 169.254.169.254/32', 'shop/default-deny', 'NetworkPolicy cannot deny', 'opens the internet'], line: 30 },
  'service-port-not-target-port': { message: ['shop/api-ingress: spec.ingress[0].ports[0].port:', 'TCP 80', 'Service shop/api', 'port 8080 of shop/api[Deployment]'], line: 34 },
  'namespace-name-typo': { message: ['shop/api-allow-metrics: spec.ingress[0].from[0].namespaceSelector.matchLabels:', "'monitorng'", 'did you mean monitoring?'], line: 37 },
  'peer-selects-nothing': { message: ['shop/api-ingress: spec.ingress[0].from[0]:', 'pods app=frontend in namespace shop', 'admits nothing'], line: 37 },
  'port-not-served': { message: ['shop/api-ingress: spec.ingress[0].ports[0].port:', 'TCP 8080', 'shop/api[Deployment] (it declares TCP 9000)'], line: 21 },
  'ingress-backend-blocked': { message: ['shop/shop: spec.rules[0].http.paths[0].backend:', 'shop/web[Deployment] on TCP 8080', 'shop/web-ingress', '{ingress-controller}'], line: 34 },
  'policy-in-wrong-namespace': { message: ['default/api-deny-ingress: spec.podSelector:', 'no workload in namespace default', 'shop/api[Deployment] in namespace shop'], line: 19 },
  'cluster-rule-shadowed': { message: ["ClusterNetworkPolicy 'tenant-guard': spec.ingress[1]:", 'never matches', 'spec.ingress[0] (Deny) of this policy'], line: 1 },
  'cluster-equal-priority-overlap': { message: ["ClusterNetworkPolicy 'shop-accepts-guests': spec.priority:", '10 in the Admin tier', "ClusterNetworkPolicy 'deny-from-guests'"], line: 17 },
  'cluster-pass-in-baseline': { message: ["ClusterNetworkPolicy 'baseline': spec.ingress[0].action:", 'Pass in the Baseline tier', 'allowed'], line: 1 },
  'cluster-networks-catch-pods': { message: ["ClusterNetworkPolicy 'no-internet': spec.egress[0].to:", 'networks 0.0.0.0/0 may hold pod IPs', 'this Deny also denies'], line: 1 },
  'cluster-baseline-deny-overridden': { message: ["ClusterNetworkPolicy 'baseline-deny': spec.ingress[0]:", 'never applies', 'shop/api[Deployment]', 'ingress-isolated'], line: 34 },
};

describe.each(RULES.map(rule => [rule.id, rule] as const))('%s', (id, rule) => {
  const expected = EXPECTED[id];

  test('fires on its bad example, naming the object, the field and the line', () => {
    const findings = findingsOf(id, `${id}/bad.yaml`);
    expect(findings).toHaveLength(expected.count ?? 1);
    const [first] = findings;
    expect(first.severity).toBe(rule.severity);
    for (const part of expected.message) expect(first.message).toContain(part);
    expect(first.message).not.toContain('\n');
    expect(first.fix).not.toBe('');
    expect(first.source).toMatchObject({ file: expect.stringContaining(`${id}/bad.yaml`), line: expected.line });
  });

  test('does not fire on its fixed example, the seed patterns or a good three-tier setup', () => {
    expect(findingsOf(id, `${id}/fixed.yaml`)).toEqual([]);
    expect(findingsOf(id, 'seed-good-patterns.yaml')).toEqual([]);
    expect(findingsOf(id, 'three-tier-good.yaml')).toEqual([]);
  });
});

test('every rule has an expectation here', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual(RULES.map(r => r.id).sort());
});
