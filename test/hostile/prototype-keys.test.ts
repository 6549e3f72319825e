/**
 * `__proto__`, `constructor` and `prototype` as keys: plain data, never a prototype to pollute,
 * never an inherited property mistaken for a label.
 */
import { expectRefusal, runCli } from '../support/cli';
import { networkPolicy } from '../support/manifests';
import { useTempDir } from '../support/temp-dir';

const temp = useTempDir();

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

const deployment = (name: string, labels: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: shop\n  __proto__: {polluted: yes}\nspec:\n  template:\n    metadata:\n      labels: ${labels}\n`;

test('in YAML workloads: read as data, and a `constructor` label selects only pods that carry it', async () => {
  const file = temp.file('proto.yaml', [
    deployment('target', '{app: db}'),
    deployment('carrier', '{constructor: web, __proto__: {polluted: yes}}'),
    deployment('plain', '{app: web}'),
    networkPolicy('  podSelector:\n    matchLabels: {app: db}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {constructor: web}\n'),
  ].join('---\n'));
  const result = await runCli('reach', file);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  expect(result.stdout).toMatch(/^shop\/carrier\[Deployment\] => shop\/target\[Deployment\] : All Connections$/m);
  expect(result.stdout).not.toMatch(/^shop\/plain\[Deployment\] => shop\/target/m);
});

test('in JSON: the same', async () => {
  const file = temp.file('proto.json', JSON.stringify({
    apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'shop', labels: { app: 'a' } } }],
  }).replace('"kind":"List"', '"kind":"List","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}'));
  expect(await runCli('reach', file)).toMatchObject({ code: 0, stderr: '' });
});

test('in a NetworkPolicy: an unknown field, refused at its line like any other', async () => {
  const file = temp.file('proto.yaml', networkPolicy('  podSelector: {}\n  __proto__:\n    polluted: yes\n'));
  expect(expectRefusal(await runCli('reach', file), file))
    .toMatch(/proto\.yaml:9:5: document 0: NetworkPolicy shop\/web would be rejected by the API server: spec\.__proto__: __proto__ is not a known field here; /);
});
