/** Lint a YAML fixture of test/fixtures/lint the way the CLI does: load (invalid policies left out and reported), model, lint. */
import * as path from 'node:path';
import { lint, LintOptions } from '../../src/analysis/lint';
import type { Finding } from '../../src/analysis/lint';
import { loadModel } from '../../src/io';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'lint');

export function fixturePath(name: string): string {
  return path.join(FIXTURES, name);
}

export function lintFixture(name: string, options: LintOptions = {}): Finding[] {
  const { model, rejections } = loadModel([fixturePath(name)], 'omit');
  return lint(model, { rejections, ...options });
}

/** Findings of one rule only, so a fixture may trip other rules without breaking the test. */
export function findingsOf(ruleId: string, name: string): Finding[] {
  return lintFixture(name).filter(f => f.ruleId === ruleId);
}
