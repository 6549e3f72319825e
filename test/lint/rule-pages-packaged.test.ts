/**
 * Every link a finding carries points at a file the npm package ships: SARIF's helpUri and the
 * json docUrl (file: URIs of docs/rules/<id>.md in the installed package), the txt "see:" path,
 * and the pages' own links to other docs. Checked against the package's .npmignore, read as npm
 * reads it (the last pattern matching the file or one of its folders decides), because
 * `npm pack --dry-run` is too slow for a unit test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../src/analysis/lint';
import { rulePageForDisplay, rulePageUri } from '../../src/render/rule-page';
import { lintToSarif } from '../../src/render/sarif';

const ROOT = path.join(__dirname, '..', '..');

interface IgnorePattern {
  readonly negated: boolean;
  readonly directoryOnly: boolean;
  readonly regex: RegExp;
}

function readIgnoreFile(file: string): IgnorePattern[] {
  return fs.readFileSync(file, 'utf8').split('\n').map(line => line.trim()).filter(line => line !== '' && !line.startsWith('#')).map(line => {
    const negated = line.startsWith('!');
    let pattern = negated ? line.slice(1) : line;
    const directoryOnly = pattern.endsWith('/');
    if (directoryOnly) pattern = pattern.slice(0, -1);
    const anchored = pattern.startsWith('/') || pattern.includes('/');
    pattern = pattern.replace(/^\//, '');
    const body = pattern.split('**').map(part => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('.*');
    return { negated, directoryOnly, regex: new RegExp(anchored ? `^${body}$` : `(^|/)${body}$`) };
  });
}

/** Whether npm packs `relative` (a file path relative to the package root, forward slashes). */
function packed(patterns: readonly IgnorePattern[], relative: string): boolean {
  const parts = relative.split('/');
  const candidates = parts.map((_, i) => ({ path: parts.slice(0, i + 1).join('/'), directory: i < parts.length - 1 }));
  let ignored = false;
  for (const pattern of patterns) {
    if (candidates.some(c => (c.directory || !pattern.directoryOnly) && pattern.regex.test(c.path))) ignored = !pattern.negated;
  }
  return !ignored;
}

const patterns = readIgnoreFile(path.join(ROOT, '.npmignore'));
const inPackage = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

test('the matcher reads .npmignore as npm does', () => {
  const sample = [{ negated: false, directoryOnly: false, regex: /^docs\/[^/]*$/ }, { negated: true, directoryOnly: true, regex: /^docs\/rules$/ }];
  expect(packed(sample, 'docs/rules/x.md')).toBe(true);
  expect(packed(sample, 'docs/patterns.md')).toBe(false);
  expect(packed(patterns, 'src/index.ts')).toBe(false);
  expect(packed(patterns, 'lib/index.js')).toBe(true);
});

describe.each(RULES.map(rule => [rule.id] as const))('%s', id => {
  test('its page is a file of the package, wherever a finding links to it', () => {
    const file = fileURLToPath(rulePageUri(id));
    expect(fs.existsSync(file)).toBe(true);
    expect(packed(patterns, inPackage(file))).toBe(true);
    expect(path.resolve(ROOT, rulePageForDisplay(id, ROOT))).toBe(file);
  });

  test('the docs its page links to ship with it', () => {
    const page = fileURLToPath(rulePageUri(id));
    const links = [...fs.readFileSync(page, 'utf8').matchAll(/\]\(([^)#:]+\.md)(#[^)]*)?\)/g)].map(m => path.resolve(path.dirname(page), m[1]));
    for (const link of links) {
      expect(fs.existsSync(link)).toBe(true);
      expect(packed(patterns, inPackage(link))).toBe(true);
    }
  });
});

test('SARIF names no host: every URI is a file of the package', () => {
  const driver = JSON.parse(lintToSarif([], RULES)).runs[0].tool.driver;
  for (const uri of [driver.informationUri, ...driver.rules.map((rule: { helpUri: string }) => rule.helpUri)]) {
    expect(uri).toMatch(/^file:\/\//);
    expect(packed(patterns, inPackage(fileURLToPath(uri)))).toBe(true);
  }
});
