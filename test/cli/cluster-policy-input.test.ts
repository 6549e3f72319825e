/** Cluster-scoped policies the API server would reject: refused by every analysing command, reported by lint. */
import * as path from 'node:path';
import { cli, FIXTURES, SHOP } from './run-cli';

const GUARDRAILS = path.join(FIXTURES, 'invalid-cluster', 'guardrails.yaml');

test.each([
  ['reach', [GUARDRAILS, SHOP]],
  ['explain', [GUARDRAILS, SHOP, '--from', 'shop/web', '--to', 'shop/api']],
  ['diff', [SHOP, GUARDRAILS]],
])('%s refuses the input: exit 2, each rejected field at its file:line:col, no stack trace', async (command, argv) => {
  const result = await cli(command, ...argv);
  expect([result.code, result.stdout]).toEqual([2, '']);
  expect(result.stderr).toBe(`cdk8s-netpol: ${GUARDRAILS}:7:13: document 0: ClusterNetworkPolicy deny-metadata would be rejected by the API server: `
    + 'spec.priority: 1001 must be between 0 and 1000, inclusive; use a priority from 0 (first) to 1000 (last)\n'
    + `${GUARDRAILS}:13:21: document 0: ClusterNetworkPolicy deny-metadata would be rejected by the API server: `
    + 'spec.ingress[0].from[0].networks: networks is a peer for egress only: an ingress rule\'s from takes only namespaces and pods; '
    + 'move it to an egress rule (to), or name the sources with namespaces or pods\n');
});

test('lint leaves each rejected policy out and reports every rejected field as api-invalid, at its line', async () => {
  const result = await cli('lint', GUARDRAILS, SHOP, '-o', 'json');
  const findings = JSON.parse(result.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'api-invalid');
  expect(findings.map((f: { subject: { kind: string; name: string }; field: string; source: { line: number } }) =>
    `${f.subject.kind} ${f.subject.name} ${f.field} :${f.source.line}`)).toEqual([
    'ClusterNetworkPolicy deny-metadata spec.ingress[0].from[0].networks :13',
    'ClusterNetworkPolicy deny-metadata spec.priority :7',
    'BaselineAdminNetworkPolicy baseline metadata.name :18',
    'BaselineAdminNetworkPolicy baseline spec.egress[0].to[0].networks[0] :25',
  ]);
  expect(result.code).toBe(1);
});

test('lint words a cluster-scoped policy by its kind, with the fix', async () => {
  const result = await cli('lint', GUARDRAILS);
  expect(result.stdout).toContain(`${GUARDRAILS}:18: error api-invalid: BaselineAdminNetworkPolicy baseline: metadata.name: baseline is not 'default': `
    + 'there is one BaselineAdminNetworkPolicy in a cluster, and it must be named default; '
    + 'the API server would reject this BaselineAdminNetworkPolicy, so it is left out of the analysis\n'
    + '  fix: set metadata.name: default\n');
});
