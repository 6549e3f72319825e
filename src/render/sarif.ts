/**
 * Lint findings as SARIF 2.1.0, the format GitHub code scanning uploads
 * (github/codeql-action/upload-sarif): one run, the rules in `tool.driver.rules`, one result
 * per finding located at the file and line of the offending document.
 *
 * Artifact URIs are relative to `baseDir` (default: the working directory, which in CI is
 * the repository root) with forward slashes, which is how code scanning matches them to files.
 * A rule's `helpUri` is its page inside the installed package, as an absolute `file:` URI (SARIF
 * requires an absolute URI, and the package is the one place the page is sure to be); its
 * `help.markdown` is the page itself, which code scanning shows with each alert. An
 * acknowledged finding is a result with an `inSource` suppression (the annotation is in the
 * manifest) whose justification is the reason: code scanning closes it instead of alerting.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageReadmeUri, rulePagePath, rulePageUri } from './rule-page';
import type { Finding, LintRule, Severity } from '../analysis/lint';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** Directory artifact URIs are relative to. Default: `process.cwd()`. */
  readonly baseDir?: string;
}

export function lintToSarif(findings: readonly Finding[], rules: readonly LintRule[], options: SarifOptions = {}): string {
  const baseDir = options.baseDir ?? process.cwd();
  const sarif = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cdk8s-netpol',
          informationUri: packageReadmeUri(),
          rules: rules.map(rule => ({
            id: rule.id,
            name: pascalCase(rule.id),
            shortDescription: { text: rule.description },
            helpUri: rulePageUri(rule.id),
            help: { text: `${rule.description} See ${rule.docUrl} in the cdk8s-netpol package.`, markdown: fs.readFileSync(rulePagePath(rule.id), 'utf8') },
            defaultConfiguration: { level: LEVELS[rule.severity] },
            properties: { tags: ['security', 'kubernetes', 'network-policy'] },
          })),
        },
      },
      results: findings.map(f => ({
        ruleId: f.ruleId,
        ruleIndex: rules.findIndex(rule => rule.id === f.ruleId),
        level: LEVELS[f.severity],
        message: { text: `${f.message}. Fix: ${f.fix}` },
        locations: f.source?.file === undefined ? [] : [{
          physicalLocation: {
            artifactLocation: { uri: relativeUri(baseDir, f.source.file) },
            region: { startLine: f.source.line ?? 1 },
          },
        }],
        ...f.acknowledged === undefined ? {} : { suppressions: [{ kind: 'inSource', status: 'accepted', justification: f.acknowledged }] },
      })),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function relativeUri(baseDir: string, file: string): string {
  return path.relative(baseDir, path.resolve(baseDir, file)).split(path.sep).map(encodeURIComponent).join('/');
}

function pascalCase(id: string): string {
  return id.split('-').map(word => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}
