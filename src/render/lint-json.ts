/**
 * Lint findings as JSON for scripts: the findings as computed, each with its rule's page (an
 * absolute `file:` URI inside the installed package), acknowledged ones with their reason in
 * `acknowledged`; counts per severity of the findings that are not acknowledged, and of those that are.
 */
import { rulePageUri } from './rule-page';
import type { Finding } from '../analysis/lint';

export function lintToJson(findings: readonly Finding[]): string {
  const active = findings.filter(f => f.acknowledged === undefined);
  const count = (severity: string) => active.filter(f => f.severity === severity).length;
  return JSON.stringify({
    findings: findings.map(f => ({ ...f, docUrl: rulePageUri(f.ruleId) })),
    summary: { error: count('error'), warning: count('warning'), info: count('info'), acknowledged: findings.length - active.length },
  }, null, 2) + '\n';
}
