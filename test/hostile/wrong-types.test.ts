/**
 * Fields of the wrong type: a NetworkPolicy with one is refused with its file, position, field
 * and the shared validator's wording; other objects are read defensively and never crash.
 */
import { expectRefusal, runCli } from '../support/cli';
import { DEPLOYMENT, networkPolicy } from '../support/manifests';
import { useTempDir } from '../support/temp-dir';

const temp = useTempDir();

const REJECTED = 'document 0: NetworkPolicy shop/web would be rejected by the API server:';

test.each([
  ['selector as a string', '  podSelector: app=web\n', '7:16', 'spec.podSelector: app=web must be an object (a map of fields); write it as a YAML mapping'],
  ['ingress as a map', '  podSelector: {}\n  ingress: {}\n', '8:12', 'spec.ingress: {} must be a list; write it as a YAML list (items starting with \'- \')'],
  ['port as a list', '  podSelector: {}\n  ingress:\n  - ports:\n    - port: [80]\n', '10:13', 'spec.ingress[0].ports[0].port: [80] must be a port number or a port name'],
  ['port as a quoted number', '  podSelector: {}\n  ingress:\n  - ports:\n    - port: "80"\n', '10:13', 'spec.ingress[0].ports[0].port: 80 '],
  ['port as a name that is no IANA service name', '  podSelector: {}\n  ingress:\n  - ports:\n    - port: Web_Port\n', '10:13', 'spec.ingress[0].ports[0].port: Web_Port '],
  ['endPort as a word', '  podSelector: {}\n  ingress:\n  - ports:\n    - port: 80\n      endPort: abc\n', '11:16', 'spec.ingress[0].ports[0].endPort: abc must be between 1 and 65535, inclusive'],
  ['policyTypes as a string', '  podSelector: {}\n  policyTypes: Ingress\n', '8:16', 'spec.policyTypes: Ingress must be a list'],
  ['a label value as a number', '  podSelector:\n    matchLabels:\n      app: 1\n', '9:7', 'spec.podSelector.matchLabels: 1 (the value of app) must be a string'],
])('%s: exit 2 at the field, in the validator\'s words', async (_, spec, position, problem) => {
  const file = temp.file('policy.yaml', networkPolicy(spec));
  const line = expectRefusal(await runCli('reach', file), file);
  const expected = `cdk8s-netpol: ${file}:${position}: ${REJECTED} ${problem}`;
  expect(line.slice(0, expected.length)).toBe(expected);
});

test('port: "abc" is a valid named port to the API server (an IANA service name), so it is read as one, not refused', async () => {
  const file = temp.file('policy.yaml', `${DEPLOYMENT}---\n${networkPolicy('  podSelector: {}\n  ingress:\n  - ports:\n    - port: abc\n')}`);
  const result = await runCli('reach', file);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  // No pod declares a port named abc, so nothing reaches the isolated workload.
  expect(result.stdout).not.toMatch(/=> shop\/web\[Deployment\]/);
});

test('wrong types in workloads and namespaces are read defensively: no crash, nothing invented', async () => {
  const file = temp.file('odd.yaml', [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: [a, b]\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: odd\n  namespace: shop\nspec:\n  template: web\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: odd2\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: [7]}\n    spec:\n      hostNetwork: "yes"\n      containers: {ports: 1}\n',
    'apiVersion: v1\nkind: Pod\nmetadata: 5\n',
    'kind: [Pod]\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: numbered\n  namespace: shop\n  labels: {app: 7}\n',
  ].join('---\n'));
  const result = await runCli('reach', file);
  // A label value that is not a string makes the server reject the object: it is left out, and said so.
  expect(result).toMatchObject({ code: 0 });
  expect(result.stderr).toMatch(/^cdk8s-netpol: \S*odd\.yaml:15: Deployment shop\/odd2 is not applied: the API server rejects it, as spec\.template\.metadata\.labels has app: \[7\]/);
  expect(result.stderr).toMatch(/\ncdk8s-netpol: \S*odd\.yaml:\d+: Pod shop\/numbered is not applied: .* has app: 7, which is not a string/);
  expect(result.stdout).toContain('shop/odd[Deployment] => ');
  expect(result.stdout).not.toMatch(/odd2|numbered/);
});
