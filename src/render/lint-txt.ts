/**
 * Lint findings for a terminal: one `file:line: severity rule: message` line each (the form
 * editors and CI logs turn into links), the fix and the rule's page below it, then a count.
 * Acknowledged findings (acknowledgements.ts) are counted, by rule, not listed.
 */
import { rulePageForDisplay } from './rule-page';
import type { Finding, Severity } from '../analysis/lint';
import type { SourceLocation } from '../analysis/model';

export function lintToText(findings: readonly Finding[]): string {
  const active = findings.filter(f => f.acknowledged === undefined);
  const acknowledged = findings.filter(f => f.acknowledged !== undefined);
  if (active.length === 0) return `No findings${acknowledged.length > 0 ? ` (${acknowledgedNote(acknowledged)})` : ''}.\n`;
  const blocks = active.map(f =>
    `${location(f.source)}: ${f.severity} ${f.ruleId}: ${f.message}\n  fix: ${f.fix}\n  see: ${rulePageForDisplay(f.ruleId)}\n`);
  return `${blocks.join('')}\n${summary(active)}${acknowledged.length > 0 ? `; ${acknowledgedNote(acknowledged)}` : ''}\n`;
}

/** `3 findings: 1 error, 2 warnings`. */
function summary(findings: readonly Finding[]): string {
  const counts = (['error', 'warning', 'info'] as const)
    .map(severity => ({ severity, n: findings.filter(f => f.severity === severity).length }))
    .filter(({ n }) => n > 0)
    .map(({ severity, n }) => `${n} ${plural(severity, n)}`);
  return `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}: ${counts.join(', ')}`;
}

/** `2 acknowledged (dns-egress-missing x2), not counted; -o json lists them with their reasons`. */
function acknowledgedNote(acknowledged: readonly Finding[]): string {
  const byRule = new Map<string, number>();
  for (const f of acknowledged) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const rules = [...byRule].map(([id, n]) => n === 1 ? id : `${id} x${n}`).join(', ');
  return `${acknowledged.length} acknowledged (${rules}), not counted; -o json lists them with their reasons`;
}

function plural(severity: Severity, n: number): string {
  return n === 1 ? severity : `${severity}s`;
}

/** `file:line`, or the document's index for objects that did not come from a file (a chart). */
function location(source: SourceLocation | undefined): string {
  if (source?.file === undefined) return `document ${source?.documentIndex ?? 0}`;
  return source.line === undefined ? source.file : `${source.file}:${source.line}`;
}
