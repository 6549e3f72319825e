import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixturePath } from './fixtures';
import { captureIo } from './io';
import { UsageError } from '../../src/cli/command';
import { lintCommand } from '../../src/cli/lint-command';
import { InputError } from '../../src/io';

const bad = (id: string) => fixturePath(`${id}/bad.yaml`);

describe('cdk8s-netpol lint', () => {
  test('exit 0 and "No findings." on a clean setup', async () => {
    const io = captureIo();
    expect(await lintCommand.run([fixturePath('three-tier-good.yaml')], io)).toBe(0);
    expect(io.out).toBe('No findings.\n');
  });

  test('exit 1 on an error finding, printed as file:line: severity rule: message with the fix', async () => {
    const io = captureIo();
    expect(await lintCommand.run([bad('dns-egress-missing')], io)).toBe(1);
    expect(io.out).toContain(`${bad('dns-egress-missing')}:19: error dns-egress-missing: shop/default-deny-all: spec.policyTypes:`);
    expect(io.out).toContain('  fix: allow UDP and TCP 53');
    expect(io.out).toContain('  see: docs/rules/dns-egress-missing.md');
    expect(io.out).toMatch(/1 finding: 1 error\n$/);
  });

  test('warnings alone pass by default and fail with --fail-on warning', async () => {
    expect(await lintCommand.run([bad('policy-selects-nothing')], captureIo())).toBe(0);
    expect(await lintCommand.run([bad('policy-selects-nothing'), '--fail-on', 'warning'], captureIo())).toBe(1);
  });

  test('--disable skips rules (comma-separated or repeated)', async () => {
    const io = captureIo();
    expect(await lintCommand.run([bad('policy-selects-nothing'), '--disable', 'policy-selects-nothing,unprotected-workload', '--fail-on', 'info'], io)).toBe(0);
    expect(io.out).toBe('No findings.\n');
    expect(await lintCommand.run([bad('dns-egress-missing'), '--disable', 'dns-egress-missing'], captureIo())).toBe(0);
  });

  test('reads folders', async () => {
    const io = captureIo();
    // A folder of two files, one of them nested: the bad one's findings, each naming its file.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-lint-'));
    try {
      fs.mkdirSync(path.join(folder, 'nested'));
      fs.copyFileSync(bad('policy-types-mismatch'), path.join(folder, 'nested', 'bad.yaml'));
      fs.copyFileSync(fixturePath('acknowledged/dns-egress-missing.yaml'), path.join(folder, 'other.yaml'));
      expect(await lintCommand.run([folder, '-o', 'json'], io)).toBe(1);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    const files = JSON.parse(io.out).findings.map((f: { source: { file: string } }) => path.relative(folder, f.source.file));
    expect(new Set(files)).toEqual(new Set([path.join('nested', 'bad.yaml'), 'other.yaml']));
  });

  test('-o json: findings with rule page and counts', async () => {
    const io = captureIo();
    await lintCommand.run([bad('policy-types-mismatch'), '-o', 'json'], io);
    const json = JSON.parse(io.out);
    expect(json.summary).toEqual({ error: 2, warning: 1, info: 0, acknowledged: 0 });
    expect(json.findings[0]).toMatchObject({
      ruleId: 'policy-types-mismatch',
      severity: 'error',
      subject: { kind: 'NetworkPolicy', namespace: 'shop', name: 'deny-egress' },
      field: 'spec.egress',
      source: { line: 1 },
      docUrl: expect.stringMatching(/^file:\/\/.*\/docs\/rules\/policy-types-mismatch\.md$/),
    });
  });

  test.each([
    [['-o', 'xml', 'x.yaml'], /unknown output format 'xml'/],
    [['--fail-on', 'fatal', 'x.yaml'], /unknown --fail-on level 'fatal'/],
    [['--disable', 'no-such-rule', 'x.yaml'], /unknown rule id no-such-rule/],
    [['--bogus', 'x.yaml'], /bogus/],
    [[], /no input/],
  ])('usage error for %j', async (argv, message) => {
    await expect(async () => lintCommand.run(argv, captureIo())).rejects.toThrow(UsageError);
    await expect(async () => lintCommand.run(argv, captureIo())).rejects.toThrow(message);
  });

  test('bad input is an InputError for main to turn into exit 2', async () => {
    await expect(async () => lintCommand.run([fixturePath('no-such-file.yaml')], captureIo())).rejects.toThrow(InputError);
  });
});
