/** Every rule has its page, and the page's examples are exactly the fixtures the rule is tested on. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from './fixtures';
import { RULES } from '../../src/analysis/lint';

const ROOT = path.join(__dirname, '..', '..');

describe.each(RULES.map(rule => [rule.id, rule] as const))('docs/rules/%s.md', (id, rule) => {
  const page = fs.readFileSync(path.join(ROOT, rule.docUrl), 'utf8');

  test('names the rule and its severity, and cites the reference', () => {
    expect(page.split('\n')[0]).toBe(`# \`${id}\` (${rule.severity})`);
    expect(page).toMatch(/reference §\d/i);
  });

  test('shows the bad and the fixed fixture verbatim', () => {
    const blocks = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map(m => m[1]);
    const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, id, name), 'utf8');
    expect(blocks).toEqual([fixture('bad.yaml'), fixture('fixed.yaml')]);
  });
});

test('the rules index lists every rule with its severity', () => {
  const index = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
  for (const rule of RULES) expect(index).toContain(`| [\`${rule.id}\`](${rule.id}.md) | ${rule.severity} |`);
});
