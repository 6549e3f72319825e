/**
 * Acknowledged findings: the object a finding is about carries the annotation
 * `acknowledge.cdk8s-netpol.io/<rule-id>: <reason>` (what `NetworkLint.acknowledge` writes, or a
 * hand-written manifest). Such a finding is still reported, with its reason, but never fails a
 * run: every surface that lints manifests (the CLI, the cdk8s CLI plugin, the synth-time lint)
 * honours the decision where it was recorded, and a reviewer sees it next to the object.
 */
import type { ClusterModel } from '../model';
import type { Finding, Severity } from './finding';
import { atLeast } from './finding';
import { ManifestExtras } from './manifest-extras';

const PREFIX = 'acknowledge.cdk8s-netpol.io/';

/** The annotation key that acknowledges `ruleId` on the object that carries it. */
export function acknowledgementAnnotation(ruleId: string): string {
  return PREFIX + ruleId;
}

/** The findings, each whose object acknowledges its rule with a non-empty reason marked `acknowledged`. */
export function markAcknowledged(model: ClusterModel, findings: Finding[]): Finding[] {
  if (findings.length === 0) return findings;
  const extras = ManifestExtras.of(model);
  return findings.map(finding => {
    const reason = extras.annotations(finding.subject)[acknowledgementAnnotation(finding.ruleId)]?.trim();
    return reason ? { ...finding, acknowledged: reason } : finding;
  });
}

/** The findings that fail a run at `threshold`: at least that severe, and not acknowledged. */
export function failingFindings(findings: readonly Finding[], threshold: Severity): Finding[] {
  return findings.filter(f => f.acknowledged === undefined && atLeast(f.severity, threshold));
}
