/** Cases the bad/fixed fixtures do not cover: where a rule must stay quiet, and inputs that bypass the loader. */
import { lint } from '../../src/analysis/lint';
import { buildModel } from '../../src/analysis/model-builder';
import { parseDocuments } from '../../src/io/parse-documents';

function lintYaml(text: string) {
  return lint(buildModel(parseDocuments(text, 'inline.yaml')));
}

const ruleIds = (text: string) => lintYaml(text).map(f => f.ruleId);

const deployment = (name: string, extra = '') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  template:
    metadata: {labels: {app: ${name}}}
    spec:${extra || ' {containers: [{name: c, image: i}]}'}
---`;

const policy = (name: string, spec: string) => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: shop}
spec: ${spec}
---`;

describe('dns-egress-missing', () => {
  test('OpenShift-style resolver on 5353 counts as DNS', () => {
    expect(ruleIds(deployment('api') + policy('deny', '{podSelector: {}, policyTypes: [Egress], egress: [{ports: [{protocol: UDP, port: 5353}]}]}')))
      .not.toContain('dns-egress-missing');
  });

  test('a chart of policies only: a default deny without DNS fires, naming the pods it covers', () => {
    const [finding] = lintYaml(policy('deny', '{podSelector: {}, policyTypes: [Ingress, Egress]}'));
    expect(finding.ruleId).toBe('dns-egress-missing');
    expect(finding.message).toContain('every pod in namespace shop');
  });

  test('hostNetwork workloads are never isolated, so never reported (the policy selects nothing instead)', () => {
    const hostNet = deployment('agent', ' {hostNetwork: true, containers: [{name: c, image: i}]}');
    expect(ruleIds(hostNet + policy('deny', '{podSelector: {}, policyTypes: [Egress]}'))).toEqual(['policy-selects-nothing']);
  });
});

describe('allow-all-cancels-deny', () => {
  test('a default deny in another namespace is not cancelled: policies select pods of their own namespace only', () => {
    const denyElsewhere = policy('deny', '{podSelector: {}, policyTypes: [Ingress]}').replace('namespace: shop', 'namespace: other');
    const open = policy('open', '{podSelector: {}, ingress: [{}]}');
    expect(ruleIds(deployment('api') + denyElsewhere + open)).not.toContain('allow-all-cancels-deny');
    expect(ruleIds(deployment('api') + denyElsewhere + open + policy('deny', '{podSelector: {}, policyTypes: [Ingress]}')))
      .toContain('allow-all-cancels-deny');
  });

  test('everyone on listed ports only (exposing a web port) is a deliberate exposure, not reported', () => {
    expect(ruleIds(policy('deny', '{podSelector: {}, policyTypes: [Ingress]}')
      + policy('web', '{podSelector: {matchLabels: {app: web}}, ingress: [{ports: [{port: 80}]}]}'))).toEqual([]);
  });

  test('egress: [{}] cancels a default deny of egress', () => {
    const findings = lintYaml(policy('deny', '{podSelector: {}, policyTypes: [Egress], egress: [{ports: [{protocol: UDP, port: 53}]}]}')
      + policy('open', '{podSelector: {}, policyTypes: [Egress], egress: [{}]}')
      + policy('deny-all', '{podSelector: {}, policyTypes: [Egress]}'));
    expect(findings.filter(f => f.ruleId === 'allow-all-cancels-deny').map(f => f.message))
      .toEqual([expect.stringMatching(/^shop\/open: spec\.egress\[0\]: allows every destination .*shop\/deny-all default-denies/)]);
  });
});

describe('one-sided-connection', () => {
  const twoWorkloads = deployment('api') + deployment('db') + policy('deny-in', '{podSelector: {}, policyTypes: [Ingress]}');

  test('the reverse: an ingress rule whose source cannot send', () => {
    const text = deployment('api') + deployment('db')
      + policy('deny-out', '{podSelector: {}, policyTypes: [Egress], egress: [{ports: [{protocol: UDP, port: 53}]}]}')
      + policy('db-from-api', '{podSelector: {matchLabels: {app: db}}, ingress: [{from: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 5432}]}]}');
    const [finding] = lintYaml(text).filter(f => f.ruleId === 'one-sided-connection');
    expect(finding.message).toMatch(/^shop\/db-from-api: spec\.ingress\[0\]\.from: allows shop\/api\[Deployment\] -> shop\/db\[Deployment\] \(TCP 5432\), but the source is egress-isolated/);
    expect(finding.fix).toContain('add an egress rule to a policy selecting shop/api[Deployment]');
  });

  test('ports that do not overlap the other end are one-sided too', () => {
    const text = twoWorkloads
      + policy('api-out', '{podSelector: {matchLabels: {app: api}}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}, {ports: [{protocol: UDP, port: 53}]}]}')
      + policy('db-in', '{podSelector: {matchLabels: {app: db}}, ingress: [{from: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 3306}]}]}');
    expect(ruleIds(text)).toContain('one-sided-connection');
  });

  // Workloads with the same labels are judged once as a class; the message still counts every workload hop.
  const labelled = (name: string, app: string) => deployment(name).replace(`labels: {app: ${name}}`, `labels: {app: ${app}}`);
  const apiToDb = policy('api-out', '{podSelector: {matchLabels: {app: api}}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}]}');

  test('alike workloads: every hop is counted, the first ones listed in model order', () => {
    const text = labelled('api-a', 'api') + labelled('api-b', 'api') + labelled('db-1', 'db') + labelled('db-2', 'db')
      + policy('deny-in', '{podSelector: {}, policyTypes: [Ingress]}') + apiToDb;
    const [finding] = lintYaml(text).filter(f => f.ruleId === 'one-sided-connection');
    expect(finding.message).toContain('allows shop/api-a[Deployment] -> shop/db-1[Deployment] (TCP 5432), shop/api-a[Deployment] -> shop/db-2[Deployment] (TCP 5432) and 2 more, but');
    expect(finding.fix).toContain('selecting shop/db-1[Deployment] that allows shop/api-a[Deployment] on TCP 5432');
  });

  test('within one class, a workload is never a hop to itself', () => {
    const peers = policy('api-mesh', '{podSelector: {matchLabels: {app: api}}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: api}}}]}]}')
      + policy('deny-in', '{podSelector: {}, policyTypes: [Ingress]}');
    expect(ruleIds(labelled('api-a', 'api') + peers)).not.toContain('one-sided-connection');
    const [finding] = lintYaml(labelled('api-a', 'api') + labelled('api-b', 'api') + labelled('api-c', 'api') + peers)
      .filter(f => f.ruleId === 'one-sided-connection');
    expect(finding.message).toContain('allows shop/api-a[Deployment] -> shop/api-b[Deployment] (All Connections), shop/api-a[Deployment] -> shop/api-c[Deployment] (All Connections) and 4 more, but');
  });

  test('a rule that only some classes refuse lists only those hops', () => {
    const text = labelled('api-a', 'api') + labelled('db-1', 'db') + deployment('db-2').replace('app: db-2', 'app: db, open: "yes"')
      + policy('deny-db-1', '{podSelector: {matchExpressions: [{key: open, operator: DoesNotExist}]}, policyTypes: [Ingress]}') + apiToDb;
    const [finding] = lintYaml(text).filter(f => f.ruleId === 'one-sided-connection');
    expect(finding.message).toContain('allows shop/api-a[Deployment] -> shop/db-1[Deployment] (TCP 5432), but');
  });

  test('a broad peer (all namespaces) is not judged', () => {
    const text = twoWorkloads
      + policy('api-out', '{podSelector: {matchLabels: {app: api}}, policyTypes: [Egress], egress: [{to: [{namespaceSelector: {}}]}, {ports: [{protocol: UDP, port: 53}]}]}');
    expect(ruleIds(text)).not.toContain('one-sided-connection');
  });
});

describe('namespace-pod-selector-split', () => {
  test('a podSelector: {} next to a namespaceSelector is not a slip', () => {
    expect(ruleIds(policy('p', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: ops}}}, {podSelector: {}}]}]}')))
      .not.toContain('namespace-pod-selector-split');
  });

  test('the docs\' test-network-policy (ipBlock OR namespaces OR pods) is an intended OR, not reported', () => {
    expect(ruleIds(policy('p', '{podSelector: {matchLabels: {role: db}}, ingress: [{from: ['
      + '{ipBlock: {cidr: 172.17.0.0/16, except: [172.17.1.0/24]}}, {namespaceSelector: {matchLabels: {project: myproject}}}, {podSelector: {matchLabels: {role: frontend}}}'
      + '], ports: [{port: 6379}]}]}'))).not.toContain('namespace-pod-selector-split');
  });

  test('one peer with both selectors (AND) is not reported', () => {
    expect(ruleIds(policy('p', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: ops}}, podSelector: {matchLabels: {app: x}}}]}]}')))
      .not.toContain('namespace-pod-selector-split');
  });
});

describe('cidr-suspicious', () => {
  test('reports a non-canonical CIDR in the validator\'s words when the input did not pass the loader', () => {
    const findings = lintYaml(policy('p', '{podSelector: {}, policyTypes: [Egress], egress: [{to: [{ipBlock: {cidr: 10.0.0.1/8}}], ports: [{protocol: UDP, port: 53}]}]}'))
      .filter(f => f.ruleId === 'cidr-suspicious');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(/^shop\/p: spec\.egress\[0\]\.to\[0\]\.ipBlock\.cidr: 10\.0\.0\.1\/8 /);
    expect(findings[0].fix).toContain('10.0.0.0/8');
  });

  test('0.0.0.0/0 into a web pod is not reported', () => {
    expect(ruleIds(policy('p', '{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: 443}]}]}')))
      .toEqual([]);
  });

  test('0.0.0.0/0 into a workload whose labels say postgres is reported, naming it', () => {
    const text = deployment('postgres') + policy('p', '{podSelector: {matchLabels: {app: postgres}}, ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}]}]}');
    expect(lintYaml(text).find(f => f.ruleId === 'cidr-suspicious')?.message).toContain('(shop/postgres[Deployment])');
  });
});

describe('named-port-not-declared', () => {
  test('a named port in a rule with an ipBlock peer is reported in the validator\'s words', () => {
    const [finding] = lintYaml(policy('p', '{podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}}], ports: [{port: http}]}]}'));
    expect(finding).toMatchObject({ ruleId: 'named-port-not-declared', field: 'spec.ingress[0].ports[0].port', fix: 'use the port number' });
    expect(finding.message).toMatch(/^shop\/p: spec\.ingress\[0\]\.ports\[0\]\.port: http is a named port in a rule with an ipBlock peer/);
  });
});

describe('policy-selects-nothing and unprotected-workload', () => {
  test('a policy in a namespace without workloads in the input is not judged', () => {
    expect(ruleIds(policy('p', '{podSelector: {matchLabels: {app: elsewhere}}, policyTypes: [Ingress]}'))).toEqual([]);
  });
});

test('lint refuses an unknown rule id in disable', () => {
  expect(() => lint(buildModel([]), { disable: ['nope'] })).toThrow(/unknown lint rule id nope/);
});
