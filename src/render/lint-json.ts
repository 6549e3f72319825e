/** Lint findings as JSON for scripts: the findings as computed, each with its rule's page, and counts per severity. */
import type { Finding } from '../analysis/lint';
import { ruleDocUrl } from '../analysis/lint/finding';

export function lintToJson(findings: readonly Finding[]): string {
  const count = (severity: string) => findings.filter(f => f.severity === severity).length;
  return JSON.stringify({
    findings: findings.map(f => ({ ...f, docUrl: ruleDocUrl(f.ruleId) })),
    summary: { error: count('error'), warning: count('warning'), info: count('info') },
  }, null, 2) + '\n';
}
