/**
 * Where the rules of issue 20 must stay quiet (the input cannot answer, or the author meant it),
 * and cases their bad/fixed fixtures do not cover.
 */
import { alternatives, closestNames, editDistance } from '../../src/analysis/closest-names';
import { lint } from '../../src/analysis/lint';
import { buildModel } from '../../src/analysis/model-builder';
import { resolveEndpoint } from '../../src/analysis/resolve-endpoint';
import { parseDocuments } from '../../src/io/parse-documents';

function lintYaml(text: string) {
  return lint(buildModel(parseDocuments(text, 'inline.yaml')));
}

const findingsOf = (ruleId: string, text: string) => lintYaml(text).filter(f => f.ruleId === ruleId);

/** A Deployment `ns/name`, pods `app: name`, one container declaring `ports` (none: no ports key). */
const deployment = (ref: string, ports: string[] = [], extraContainer = '') => {
  const [ns, name] = ref.split('/');
  const declared = ports.length ? `, ports: [${ports.map(p => `{containerPort: ${p.split('/')[0]}, protocol: ${p.split('/')[1] ?? 'TCP'}}`).join(', ')}]` : '';
  return `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec: {template: {metadata: {labels: {app: ${name}}}, spec: {containers: [{name: c, image: i${declared}}${extraContainer}]}}}
---`;
};

const policy = (ref: string, spec: string) => {
  const [ns, name] = ref.split('/');
  return `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: ${ns}}
spec: ${spec}
---`;
};

const service = (ref: string, selector: string, ports: string) => {
  const [ns, name] = ref.split('/');
  return `
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: ${selector}, ports: ${ports}}
---`;
};

const DENY_ALL = policy('shop/deny', '{podSelector: {}, policyTypes: [Ingress, Egress]}');

describe('egress-to-everywhere-on-isolated', () => {
  const rule = 'egress-to-everywhere-on-isolated';
  const allowAll = (egress: string) => policy('shop/open', `{podSelector: {}, policyTypes: [Egress], egress: [${egress}]}`);

  test('fires on ::/0 with or without except, and on a rule with no `to` against a policy that allows something', () => {
    expect(findingsOf(rule, deployment('shop/web') + DENY_ALL + allowAll('{to: [{ipBlock: {cidr: "::/0"}}]}'))[0].message)
      .toContain('spec.egress[0].to[0].ipBlock: allows every IPv6 address on every port to shop/web[Deployment]');
    const tier = policy('shop/tier', '{podSelector: {}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: db}}}]}]}');
    expect(findingsOf(rule, deployment('shop/web') + tier + allowAll('{}'))[0].message)
      .toContain('spec.egress[0]: allows every destination (no `to`) on every port to shop/web[Deployment], whose egress shop/tier isolates');
  });

  test('a rule with no `to` and no ports against a deny-all is allow-all-cancels-deny\'s finding, not this rule\'s', () => {
    const ids = lintYaml(deployment('shop/web') + DENY_ALL + allowAll('{}')).map(f => f.ruleId);
    expect(ids).toContain('allow-all-cancels-deny');
    expect(ids).not.toContain(rule);
  });

  test('quiet on an internet allowance that leaves out the private ranges (AllowInternetEgress), and on rules with ports', () => {
    const internet = '{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16]}}, {ipBlock: {cidr: "::/0", except: ["fc00::/7"]}}]}';
    expect(findingsOf(rule, deployment('shop/web') + DENY_ALL + allowAll(internet))).toEqual([]);
    expect(findingsOf(rule, deployment('shop/web') + DENY_ALL + allowAll('{to: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: 443}]}'))).toEqual([]);
  });

  test('quiet when no other policy isolates the same pods, or the other one opens everything too', () => {
    const denyDb = policy('shop/deny-db', '{podSelector: {matchLabels: {app: db}}, policyTypes: [Egress]}');
    const open = allowAll('{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}}]}');
    expect(findingsOf(rule, deployment('shop/web') + open)).toEqual([]);
    expect(findingsOf(rule, deployment('shop/web') + deployment('shop/db') + denyDb + policy('shop/web-open', '{podSelector: {matchLabels: {app: web}}, policyTypes: [Egress], egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]}')))
      .toEqual([]);
    expect(findingsOf(rule, deployment('shop/web') + open + open.replace('name: open', 'name: open-again'))).toEqual([]);
  });

  test('a chart of policies only: judged on the plainest pod the policy selects', () => {
    expect(findingsOf(rule, DENY_ALL + allowAll('{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}'))[0].message).toContain('to every pod in namespace shop');
  });
});

describe('service-port-not-target-port', () => {
  const rule = 'service-port-not-target-port';
  const api = (ports: string[] = ['8080']) => deployment('shop/api', ports);
  const ingressOn = (port: string) => policy('shop/api-in', `{podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress], ingress: [{ports: [${port}]}]}`);

  test('a named targetPort is resolved on the pod', () => {
    const named = deployment('shop/api', [], '').replace('image: i}', 'image: i, ports: [{name: http, containerPort: 8080}]}');
    const [finding] = findingsOf(rule, named + service('shop/api', '{app: api}', '[{port: 80, targetPort: http}]') + ingressOn('{port: 80}'));
    expect(finding.message).toContain('sends it to port 8080 of shop/api[Deployment] (targetPort http)');
    expect(finding.fix).toContain("(or its name 'http')");
  });

  test('egress to the Service\'s pods is judged too', () => {
    const egress = policy('shop/web-out', '{podSelector: {matchLabels: {app: web}}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 80}]}]}');
    expect(findingsOf(rule, api() + deployment('shop/web') + service('shop/api', '{app: api}', '[{port: 80, targetPort: 8080}]') + egress)[0].field)
      .toBe('spec.egress[0].ports[0].port');
  });

  test('quiet when the rule also allows the target port, the pods serve the port themselves, the protocol differs or the Service selects other pods', () => {
    const svc = service('shop/api', '{app: api}', '[{port: 80, targetPort: 8080}]');
    expect(findingsOf(rule, api() + svc + ingressOn('{port: 80}, {port: 8080}'))).toEqual([]);
    expect(findingsOf(rule, api(['80', '8080']) + svc + ingressOn('{port: 80}'))).toEqual([]);
    expect(findingsOf(rule, api() + svc + ingressOn('{port: 80, protocol: UDP}'))).toEqual([]);
    expect(findingsOf(rule, api() + service('shop/web', '{app: web}', '[{port: 80, targetPort: 8080}]') + ingressOn('{port: 80}'))).toEqual([]);
    expect(findingsOf(rule, api() + service('shop/api', '{app: api}', '[{port: 80}]') + ingressOn('{port: 80}'))).toEqual([]);
  });

  test('a Service does not change what reach allows', () => {
    const withService = buildModel(parseDocuments(api() + service('shop/api', '{app: api}', '[{port: 80, targetPort: 8080}]'), 'a.yaml'));
    const without = buildModel(parseDocuments(api(), 'a.yaml'));
    expect(withService.workloads).toEqual(without.workloads);
    expect(withService.policies).toEqual(without.policies);
  });
});

describe('namespace-name-typo', () => {
  const rule = 'namespace-name-typo';
  const from = (names: string) => policy('shop/in', `{podSelector: {}, policyTypes: [Ingress], ingress: [{from: [{namespaceSelector: ${names}}]}]}`);

  test('suggestions are ranked by similarity, not alphabetically, in matchExpressions too', () => {
    const text = deployment('shop/api') + deployment('monitoring/prom') + deployment('monitor/m') + deployment('aonitoring/a')
      + from('{matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [monitorin]}]}');
    const [finding] = findingsOf(rule, text);
    expect(finding.field).toBe('spec.ingress[0].from[0].namespaceSelector.matchExpressions[0]');
    expect(finding.message).toContain('did you mean monitoring, aonitoring or monitor?');
  });

  test('quiet on a name far from every input namespace (kube-system in an app without it), and on names that exist', () => {
    expect(findingsOf(rule, deployment('shop/api') + from('{matchLabels: {kubernetes.io/metadata.name: kube-system}}'))).toEqual([]);
    expect(findingsOf(rule, deployment('shop/api') + from('{matchLabels: {kubernetes.io/metadata.name: shop}}'))).toEqual([]);
  });
});

describe('peer-selects-nothing', () => {
  const rule = 'peer-selects-nothing';
  const from = (peer: string) => policy('shop/in', `{podSelector: {}, policyTypes: [Ingress], ingress: [{from: [${peer}]}]}`);

  test('a namespace named and present in the input, whose pods do not match', () => {
    const text = deployment('shop/api') + deployment('monitoring/prometheus')
      + from('{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}, podSelector: {matchLabels: {app: prometeus}}}');
    expect(findingsOf(rule, text)[0].message).toContain('pods app=prometeus in namespace monitoring match no workload of the input');
  });

  test('quiet where the input cannot answer: namespaces by other labels or absent, ipBlocks, a namespace with no workloads', () => {
    const api = deployment('shop/api');
    expect(findingsOf(rule, api + from('{namespaceSelector: {matchLabels: {team: ops}}, podSelector: {matchLabels: {app: x}}}'))).toEqual([]);
    expect(findingsOf(rule, api + from('{namespaceSelector: {}, podSelector: {matchLabels: {app: x}}}'))).toEqual([]);
    expect(findingsOf(rule, api + from('{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}'))).toEqual([]);
    expect(findingsOf(rule, api + from('{ipBlock: {cidr: 10.0.0.0/8}}'))).toEqual([]);
    expect(findingsOf(rule, policy('other/p', '{podSelector: {}, policyTypes: [Ingress], ingress: [{from: [{podSelector: {matchLabels: {app: x}}}]}]}'))).toEqual([]);
  });

  test('quiet on the peers of a policy that selects nothing (policy-selects-nothing says so), and on hostNetwork-only matches it names', () => {
    const text = deployment('shop/api') + policy('shop/p', '{podSelector: {matchLabels: {app: nope}}, ingress: [{from: [{podSelector: {matchLabels: {app: x}}}]}]}');
    expect(findingsOf(rule, text)).toEqual([]);
    const hostNetwork = deployment('shop/agent').replace('spec: {containers', 'spec: {hostNetwork: true, containers');
    expect(findingsOf(rule, deployment('shop/api') + hostNetwork + from('{podSelector: {matchLabels: {app: agent}}}'))).toHaveLength(1);
  });
});

describe('port-not-served', () => {
  const rule = 'port-not-served';
  const ingress = (ports: string) => policy('shop/in', `{podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress], ingress: [{ports: [${ports}]}]}`);

  test('ranges and protocols: a range with no declared port in it fires, one with a port in it does not', () => {
    expect(findingsOf(rule, deployment('shop/api', ['9000']) + ingress('{port: 8000, endPort: 8999}'))[0].message).toContain('TCP 8000-8999 is not a container port');
    expect(findingsOf(rule, deployment('shop/api', ['9000']) + ingress('{port: 8000, endPort: 9000}'))).toEqual([]);
    expect(findingsOf(rule, deployment('shop/api', ['9000']) + ingress('{port: 9000, protocol: UDP}'))).toHaveLength(1);
  });

  test('quiet when a container declares no port (it may listen anyway), or the port is a Service port of those pods', () => {
    expect(findingsOf(rule, deployment('shop/api') + ingress('{port: 8080}'))).toEqual([]);
    expect(findingsOf(rule, deployment('shop/api', ['9000'], ', {name: sidecar, image: s}') + ingress('{port: 8080}'))).toEqual([]);
    const svc = service('shop/api', '{app: api}', '[{port: 80, targetPort: 9000}]');
    expect(findingsOf(rule, deployment('shop/api', ['9000']) + svc + ingress('{port: 80}'))).toEqual([]);
  });

  test('egress to pods elsewhere than the input can tell (any namespace, ipBlocks) is not judged', () => {
    const egress = (to: string) => policy('shop/out', `{podSelector: {matchLabels: {app: web}}, policyTypes: [Egress], egress: [{to: [${to}], ports: [{port: 8080}]}]}`);
    const text = deployment('shop/web') + deployment('shop/api', ['9000']);
    expect(findingsOf(rule, text + egress('{podSelector: {matchLabels: {app: api}}}'))).toHaveLength(1);
    expect(findingsOf(rule, text + egress('{namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}'))).toEqual([]);
  });
});

describe('policy-in-wrong-namespace', () => {
  const rule = 'policy-in-wrong-namespace';

  test('quiet on selectors that name no label, and on a selector that matches in its own namespace too', () => {
    const apps = deployment('shop/api') + deployment('default/other');
    expect(findingsOf(rule, apps + policy('default/p', '{podSelector: {matchExpressions: [{key: app, operator: Exists}]}, policyTypes: [Ingress]}'))).toEqual([]);
    expect(findingsOf(rule, deployment('shop/api') + deployment('default/api') + policy('default/p', '{podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress]}')))
      .toEqual([]);
  });

  test('policy-selects-nothing leaves the case to it', () => {
    const ids = lintYaml(deployment('shop/api') + deployment('default/other') + policy('default/p', '{podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress]}'))
      .map(f => f.ruleId);
    expect(ids).toContain(rule);
    expect(ids).not.toContain('policy-selects-nothing');
  });
});

describe('closest names', () => {
  test('edit distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('monitoring', 'monitoring')).toBe(0);
    expect(editDistance('monitroing', 'monitoring')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  test('closest first, then code-unit order; short names only match near-exactly', () => {
    expect(closestNames('shpo', ['shops', 'ship', 'shop', 'zzz'])).toEqual(['shop']);
    expect(closestNames('db', ['dv', 'api'])).toEqual(['dv']);
    expect(closestNames('monitorng', ['monitoring', 'monitor', 'logging'])).toEqual(['monitoring', 'monitor']);
    expect(alternatives(['a', 'b', 'c'])).toBe('a, b or c');
  });
});

test('an unknown workload is answered with the closest names first', () => {
  const model = buildModel(parseDocuments(deployment('shop/aaa') + deployment('shop/backend') + deployment('shop/frontend'), 'a.yaml'));
  expect(() => resolveEndpoint(model, 'shop/frontnd')).toThrow("unknown workload 'shop/frontnd'; did you mean shop/frontend[Deployment], shop/backend[Deployment], shop/aaa[Deployment]?");
});
