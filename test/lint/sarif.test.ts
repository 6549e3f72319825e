import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturePath, lintFixture } from './fixtures';
import { captureIo } from './io';
import { RULES } from '../../src/analysis/lint';
import { lintCommand } from '../../src/cli/lint-command';
import { lintToSarif } from '../../src/render/sarif';

describe('SARIF 2.1.0', () => {
  const repoRoot = path.join(__dirname, '..', '..');
  const sarif = JSON.parse(lintToSarif(lintFixture('policy-types-mismatch/bad.yaml'), RULES, { baseDir: repoRoot }));

  test('has the shape GitHub code scanning accepts', () => {
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const driver = sarif.runs[0].tool.driver;
    expect(driver.name).toBe('cdk8s-netpol');
    expect(driver.informationUri).toBe(pathToFileURL(path.join(repoRoot, 'README.md')).href);
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map(r => r.id));
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.helpUri).toBe(pathToFileURL(path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`)).href);
      expect(rule.help.markdown).toBe(fs.readFileSync(path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`), 'utf8'));
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
  });

  test('results carry rule id, level, message and the file (relative, forward slashes) and line of the document', () => {
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(3);
    expect(results[0]).toEqual({
      ruleId: 'policy-types-mismatch',
      ruleIndex: RULES.findIndex(r => r.id === 'policy-types-mismatch'),
      level: 'error',
      message: { text: expect.stringContaining('shop/deny-egress: spec.egress:') },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: 'test/fixtures/lint/policy-types-mismatch/bad.yaml' },
          region: { startLine: 1 },
        },
      }],
    });
    expect(results[2]).toMatchObject({ level: 'warning', locations: [{ physicalLocation: { region: { startLine: 10 } } }] });
  });

  test('-o sarif on the command line, exit code unchanged', async () => {
    const io = captureIo();
    expect(await lintCommand.run([fixturePath('three-tier-good.yaml'), '-o', 'sarif'], io)).toBe(0);
    expect(JSON.parse(io.out).runs[0].results).toEqual([]);
  });
});
