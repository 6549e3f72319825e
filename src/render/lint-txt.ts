/**
 * Lint findings for a terminal: one `file:line: severity rule: message` line each (the form
 * editors and CI logs turn into links), the fix and the rule's page below it, then a count.
 */
import type { Finding, Severity } from '../analysis/lint';
import { ruleDocUrl } from '../analysis/lint/finding';
import type { SourceLocation } from '../analysis/model';

export function lintToText(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings.\n';
  const blocks = findings.map(f =>
    `${location(f.source)}: ${f.severity} ${f.ruleId}: ${f.message}\n  fix: ${f.fix}\n  see: ${ruleDocUrl(f.ruleId)}\n`);
  return `${blocks.join('')}\n${summary(findings)}\n`;
}

/** `3 findings: 1 error, 2 warnings`. */
function summary(findings: readonly Finding[]): string {
  const counts = (['error', 'warning', 'info'] as const)
    .map(severity => ({ severity, n: findings.filter(f => f.severity === severity).length }))
    .filter(({ n }) => n > 0)
    .map(({ severity, n }) => `${n} ${plural(severity, n)}`);
  return `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}: ${counts.join(', ')}`;
}

function plural(severity: Severity, n: number): string {
  return n === 1 ? severity : `${severity}s`;
}

/** `file:line`, or the document's index for objects that did not come from a file (a chart). */
function location(source: SourceLocation | undefined): string {
  if (source?.file === undefined) return `document ${source?.documentIndex ?? 0}`;
  return source.line === undefined ? source.file : `${source.file}:${source.line}`;
}
