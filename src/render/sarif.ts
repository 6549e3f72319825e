/**
 * Lint findings as SARIF 2.1.0, the format GitHub code scanning uploads
 * (github/codeql-action/upload-sarif): one run, the rules in `tool.driver.rules`, one result
 * per finding located at the file and line of the offending document.
 *
 * Artifact URIs are relative to `baseDir` (default: the working directory, which in CI is
 * the repository root) with forward slashes, which is how code scanning matches them to files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, LintRule, Severity } from '../analysis/lint';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** Directory artifact URIs are relative to. Default: `process.cwd()`. */
  readonly baseDir?: string;
}

export function lintToSarif(findings: readonly Finding[], rules: readonly LintRule[], options: SarifOptions = {}): string {
  const baseDir = options.baseDir ?? process.cwd();
  const docsBaseUrl = repositoryBlobUrl();
  const sarif = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cdk8s-netpol',
          informationUri: docsBaseUrl,
          rules: rules.map(rule => ({
            id: rule.id,
            name: pascalCase(rule.id),
            shortDescription: { text: rule.description },
            helpUri: docsBaseUrl + rule.docUrl,
            help: { text: `${rule.description} See ${rule.docUrl}.` },
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
      })),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/**
 * `<repository>/blob/main/` from this package's package.json (SARIF's `helpUri` must be
 * absolute), so the rule pages link to wherever the project is published. The file is two
 * levels up from both src/render and lib/render.
 */
function repositoryBlobUrl(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const repository: string = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url ?? '';
  return `${repository.replace(/^git\+/, '').replace(/\.git$/, '')}/blob/main/`;
}

function relativeUri(baseDir: string, file: string): string {
  return path.relative(baseDir, path.resolve(baseDir, file)).split(path.sep).map(encodeURIComponent).join('/');
}

function pascalCase(id: string): string {
  return id.split('-').map(word => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}
