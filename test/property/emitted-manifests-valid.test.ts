/**
 * Property 3: every manifest the constructs emit, from any intent they accept, passes the
 * API-server rules — checked by the shared validator and, independently, by api-rules.ts.
 */
import fc from 'fast-check';
import { validateNetworkPolicy } from '../../src/analysis/validation/validate-network-policy';
import { apiRuleViolations } from '../support/api-rules';
import { intentArbitrary, synthesizeIntent } from '../support/intent';
import { propertySettings } from '../support/property-settings';

const NUM_RUNS = 2000;

test('every emitted NetworkPolicy passes the shared validator and an independent check of reference §1', () => {
  fc.assert(fc.property(intentArbitrary, intent => {
    const policies = synthesizeIntent(intent).filter((o: any) => o.kind === 'NetworkPolicy');
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) {
      expect(validateNetworkPolicy(policy)).toEqual([]);
      expect(apiRuleViolations(policy)).toEqual([]);
    }
  }), propertySettings(NUM_RUNS));
});

test('the independent check catches what it must (so a passing run means something)', () => {
  const valid = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 80, endPort: 90 }] }],
    },
  };
  expect(apiRuleViolations(valid)).toEqual([]);
  const broken = (edit: (policy: any) => void) => {
    const copy = structuredClone(valid);
    edit(copy);
    return apiRuleViolations(copy);
  };
  expect(broken(p => p.spec.ingress[0].ports[0].port = 0)).toHaveLength(2);
  expect(broken(p => p.spec.ingress[0].from[0].ipBlock.cidr = '10.0.0.1/8')).not.toEqual([]);
  expect(broken(p => p.spec.ingress[0].from[0].ipBlock.except = ['10.0.0.0/8'])).not.toEqual([]);
  expect(broken(p => p.spec.ingress[0].from[0].ipBlock.except = ['192.168.0.0/16'])).not.toEqual([]);
  expect(broken(p => p.spec.ingress[0].from = [])).not.toEqual([]);
  expect(broken(p => p.spec.ingress[0].from[0] = {})).not.toEqual([]);
  expect(broken(p => p.spec.ingress[0].ports[0] = { protocol: 'TCP', port: 'http' })).not.toEqual([]);
  expect(broken(p => p.spec.policyTypes = ['Ingress', 'Ingress'])).not.toEqual([]);
  expect(broken(p => p.spec.policyTypes = ['Egress'])).not.toEqual([]);
  expect(broken(p => delete p.spec.podSelector)).not.toEqual([]);
  expect(broken(p => p.spec.podSelector = { matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] })).not.toEqual([]);
  expect(broken(p => p.spec.podSelector = { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] })).not.toEqual([]);
});
