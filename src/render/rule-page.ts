/**
 * Where a rule's page is: `docs/rules/<id>.md` inside this package, which ships them (see the
 * npm ignore rules). Found from this file, two levels below the package root in both src/render
 * and lib/render, so links point at the copy installed next to the code that reported the finding.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocUrl } from '../analysis/lint/finding';

const PACKAGE_ROOT = path.join(__dirname, '..', '..');

/** The absolute path of the rule's page. */
export function rulePagePath(ruleId: string): string {
  return path.join(PACKAGE_ROOT, ruleDocUrl(ruleId));
}

/** The rule's page as an absolute `file:` URI (SARIF's `helpUri` must be absolute). */
export function rulePageUri(ruleId: string): string {
  return pathToFileURL(rulePagePath(ruleId)).href;
}

/** The package's README, as an absolute `file:` URI. */
export function packageReadmeUri(): string {
  return pathToFileURL(path.join(PACKAGE_ROOT, 'README.md')).href;
}

/**
 * The rule's page for a person at a terminal: relative to `cwd` when it is below it (usually
 * `node_modules/cdk8s-netpol/docs/rules/<id>.md`), else absolute.
 */
export function rulePageForDisplay(ruleId: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, rulePagePath(ruleId));
  return relative.startsWith('..') || path.isAbsolute(relative) ? rulePagePath(ruleId) : relative.split(path.sep).join('/');
}
