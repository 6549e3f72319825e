/** What every analysing command shares: the load pipeline, its warnings, and what each does with a policy the API server would reject. */
import * as path from 'node:path';
import { cli, FIXTURES, SHOP } from './run-cli';
import * as modelBuilder from '../../src/analysis/model-builder';

const INVALID = path.join(FIXTURES, 'invalid', 'policy.yaml');

describe('model warnings go to stderr, one line each, whatever the command', () => {
  beforeEach(() => {
    const build = jest.requireActual<typeof modelBuilder>('../../src/analysis/model-builder').buildModel;
    jest.spyOn(modelBuilder, 'buildModel').mockImplementation(docs => ({
      ...build(docs),
      warnings: ['a.yaml:3: NetworkPolicy shop/x is written twice; the last one stands', 'b.yaml:1: extensions/v1beta1 is not served; left out'],
    }));
  });
  afterEach(() => jest.restoreAllMocks());

  const WARNINGS = 'cdk8s-netpol: a.yaml:3: NetworkPolicy shop/x is written twice; the last one stands\n'
    + 'cdk8s-netpol: b.yaml:1: extensions/v1beta1 is not served; left out\n';

  test.each([
    [['reach', SHOP], 0],
    [['explain', SHOP, '--from', 'shop/web', '--to', 'shop/api', '--port', '8080'], 0],
    [['lint', SHOP], 1],
  ])('%j', async (argv, code) => {
    const result = await cli(...argv);
    expect([result.code, result.stderr]).toEqual([code, WARNINGS]);
    expect(result.stdout).not.toContain('written twice');
  });

  test('diff: the warnings of each side', async () => {
    const result = await cli('diff', SHOP, SHOP);
    expect([result.code, result.stderr]).toEqual([0, WARNINGS + WARNINGS]);
  });
});

test('the model\'s own warnings, on input that has them, go to stderr', async () => {
  const dir = path.join(FIXTURES, 'warnings');
  const result = await cli('reach', dir);
  expect(result.code).toBe(0);
  const lines = result.stderr.split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(new RegExp(`^cdk8s-netpol: ${escape(path.join(dir, 'a.yaml'))}:12: extensions/v1beta1 NetworkPolicy shop/old-deny `));
  expect(lines[1]).toMatch(new RegExp(`^cdk8s-netpol: ${escape(path.join(dir, 'b.yaml'))}:1: Deployment shop/web is also written at ${escape(path.join(dir, 'a.yaml'))}:1`));
  // The policy left out isolates nothing: web is open.
  expect(result.stdout).toContain('shop/web[Deployment] => ');
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('without warnings, stderr stays empty', async () => {
  expect((await cli('reach', SHOP)).stderr).toBe('');
});

describe('a NetworkPolicy the API server would reject', () => {
  test.each([
    ['reach', [INVALID, SHOP]],
    ['explain', [INVALID, SHOP, '--from', 'shop/web', '--to', 'shop/api']],
    ['diff', [SHOP, INVALID]],
  ])('%s refuses the input: exit 2, the file, line and field', async (command, argv) => {
    const result = await cli(command, ...argv);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toBe(`cdk8s-netpol: ${INVALID}:10:17: document 0: NetworkPolicy shop/bad-port would be rejected by the API server: `
      + 'spec.ingress[0].ports[0].port: 0 must be between 1 and 65535, inclusive; use a port number from 1 to 65535, or omit port for every port of the protocol\n');
  });

  test('lint reports it as an api-invalid error at the field\'s line and lints the rest', async () => {
    const result = await cli('lint', INVALID, SHOP);
    expect([result.code, result.stderr]).toEqual([1, '']);
    expect(result.stdout).toContain(`${INVALID}:10: error api-invalid: shop/bad-port: spec.ingress[0].ports[0].port: 0 must be between 1 and 65535, inclusive; `
      + 'the API server would reject this NetworkPolicy, so it is left out of the analysis\n'
      + '  fix: use a port number from 1 to 65535, or omit port for every port of the protocol\n'
      + '  see: docs/rules/api-invalid.md\n');
    // The rest is linted as if the policy were not there: the shop's policies are judged, and nothing else is refused.
    const json = JSON.parse((await cli('lint', INVALID, SHOP, '-o', 'json')).stdout);
    expect(json.findings.filter((f: { ruleId: string }) => f.ruleId === 'api-invalid')).toEqual([expect.objectContaining({
      severity: 'error',
      subject: { kind: 'NetworkPolicy', namespace: 'shop', name: 'bad-port' },
      field: 'spec.ingress[0].ports[0].port',
      source: { file: INVALID, documentIndex: 0, line: 10 },
    })]);
  });

  test('the rest is linted exactly as without the policy', async () => {
    const withIt = JSON.parse((await cli('lint', INVALID, SHOP, '-o', 'json', '--fail-on', 'info')).stdout);
    const without = JSON.parse((await cli('lint', SHOP, '-o', 'json', '--fail-on', 'info')).stdout);
    const notApiInvalid = (findings: Array<{ ruleId: string }>) => findings.filter(f => f.ruleId !== 'api-invalid');
    expect(notApiInvalid(withIt.findings)).toEqual(without.findings);
  });

  test('lint -o sarif: a result of the api-invalid rule at the line', async () => {
    const sarif = JSON.parse((await cli('lint', INVALID, '-o', 'sarif')).stdout);
    const [run] = sarif.runs;
    const rule = run.tool.driver.rules.findIndex((r: { id: string }) => r.id === 'api-invalid');
    expect(rule).toBeGreaterThanOrEqual(0);
    expect(run.results).toEqual([expect.objectContaining({
      ruleId: 'api-invalid',
      ruleIndex: rule,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: path.relative(process.cwd(), INVALID) }, region: { startLine: 10 } } }],
    })]);
  });

  test('every rejected field is a finding, each at its own line; policies in a List too', async () => {
    const result = await cli('lint', path.join(FIXTURES, 'invalid-many'), '-o', 'json');
    const findings = JSON.parse(result.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'api-invalid');
    expect(findings.map((f: { field: string; source: { line: number }; subject: { name: string } }) => `${f.subject.name} ${f.field} :${f.source.line}`)).toEqual([
      'two-problems spec.ingress[0].ports[0].protocol :10',
      'two-problems spec.ingress[0].ports[1].port :11',
      'in-a-list spec.policyTypes[0] :1',
    ]);
  });

  test('api-invalid cannot be disabled: the policy would vanish without a word', async () => {
    const result = await cli('lint', INVALID, '--disable', 'api-invalid');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cdk8s-netpol: lint: api-invalid cannot be disabled: /);
  });
});
