import { api, internet, web } from './fixtures';
import { ConnectionSet } from '../../src/analysis/connection-set';
import type { Policy } from '../../src/analysis/model';
import type { Explanation, SideExplanation } from '../../src/analysis/results';
import { explainToText } from '../../src/render';

function policy(name: string, rules: Partial<Pick<Policy, 'ingress' | 'egress'>>, file?: string): Policy {
  return {
    namespace: 'shop',
    name,
    podSelector: {},
    policyTypes: ['Ingress', 'Egress'],
    ingress: rules.ingress ?? [],
    egress: rules.egress ?? [],
    raw: {},
    source: { file, documentIndex: 0, line: file ? 7 : undefined },
  };
}

const denyAll = policy('default-deny', {}, 'deny.yaml');
const webEgress = policy('web-egress', { egress: [{ ports: [{ protocol: 'TCP', port: 8080 }] }, { ports: [{ protocol: 'UDP', port: 53 }] }] });
const apiIngress = policy('api-ingress', { ingress: [{ peers: [{ podSelector: { matchLabels: { app: 'admin' } } }] }] });

const allowedEgress: SideExplanation = {
  direction: 'Egress',
  endpoint: web,
  applies: true,
  isolated: true,
  selectingPolicies: [denyAll, webEgress],
  allowedBy: [{ policy: webEgress, direction: 'Egress', ruleIndex: 0, conns: ConnectionSet.ports('TCP', 8080) }],
  notAllowedBy: [{ policy: webEgress, direction: 'Egress', ruleIndex: 1, reason: 'port-or-protocol-mismatch', detail: 'rule allows UDP 53' }],
  conns: ConnectionSet.ports('TCP', 8080).union(ConnectionSet.ports('UDP', 53)),
};

test('denied: verdict first, then each end, rule by rule, then notes', () => {
  const explanation: Explanation = {
    src: web,
    dst: api,
    query: { protocol: 'TCP', port: 8080 },
    allowed: false,
    conns: ConnectionSet.none(),
    egress: allowedEgress,
    ingress: {
      direction: 'Ingress',
      endpoint: api,
      applies: true,
      isolated: true,
      selectingPolicies: [denyAll, apiIngress],
      allowedBy: [],
      notAllowedBy: [{ policy: apiIngress, direction: 'Ingress', ruleIndex: 0, reason: 'no-peer-matched', detail: 'peer selects app=admin; source has no labels' }],
      conns: ConnectionSet.none(),
    },
    notes: ['both ends are in namespace shop'],
  };
  expect(explainToText(explanation)).toBe([
    'DENIED shop/web[Deployment] => shop/api[Deployment] on 8080/TCP : No Connections',
    'egress of shop/web[Deployment]: isolated by shop/default-deny (deny.yaml:7), shop/web-egress',
    '  shop/web-egress spec.egress[0] allows TCP 8080',
    '  shop/web-egress spec.egress[1] does not allow it (the ports do not match): rule allows UDP 53',
    '  shop/default-deny has no egress rules',
    '  so egress allows: TCP 8080,UDP 53',
    'ingress of shop/api[Deployment]: isolated by shop/default-deny (deny.yaml:7), shop/api-ingress',
    '  shop/api-ingress spec.ingress[0] does not allow it (no peer matches): peer selects app=admin; source has no labels',
    '  shop/default-deny has no ingress rules',
    '  so ingress allows: No Connections',
    'note: both ends are in namespace shop',
    '',
  ].join('\n'));
});

test('allowed without a port: the txt line with a verdict; open and external ends in one line', () => {
  const explanation: Explanation = {
    src: web,
    dst: internet,
    allowed: true,
    conns: ConnectionSet.ports('TCP', 8080),
    egress: { ...allowedEgress, endpoint: web, notAllowedBy: [], selectingPolicies: [webEgress] },
    ingress: { direction: 'Ingress', endpoint: internet, applies: false, isolated: false, selectingPolicies: [], allowedBy: [], notAllowedBy: [], conns: ConnectionSet.all() },
    notes: [],
  };
  expect(explainToText(explanation)).toBe([
    'ALLOWED shop/web[Deployment] => 0.0.0.0-9.255.255.255[External] : TCP 8080',
    'egress of shop/web[Deployment]: isolated by shop/web-egress',
    '  shop/web-egress spec.egress[0] allows TCP 8080',
    '  so egress allows: TCP 8080,UDP 53',
    'ingress of 0.0.0.0-9.255.255.255[External]: outside the cluster, no policy applies',
    '',
  ].join('\n'));
  const open: SideExplanation = {
    ...allowedEgress, isolated: false, selectingPolicies: [], allowedBy: [], notAllowedBy: [], conns: ConnectionSet.all(),
  };
  expect(explainToText({ ...explanation, egress: open }).split('\n')[1])
    .toBe('egress of shop/web[Deployment]: not isolated (no policy selects it for Egress), so all connections');
});
