/**
 * What a lint rule is and what it reports. Plain data, so findings render the same way in
 * txt, json, SARIF, the cdk8s CLI report and a synth-time validation error.
 */
import type { ClusterModel, SourceLocation } from '../model';
import type { LintContext } from './context';

/** `error`: traffic is not what the manifests seem to say; `warning`: probably a slip; `info`: worth a look. */
export type Severity = 'error' | 'warning' | 'info';

/** Most severe first, so `SEVERITIES.indexOf` orders them. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** True when `severity` is `threshold` or more severe. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

/** The manifest object a finding is about (a NetworkPolicy or a workload). */
export interface ObjectRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** One line naming the object (`ns/name`) and the field path, e.g. `shop/deny: spec.policyTypes: ...`. */
  readonly message: string;
  /** How to fix it, as a sentence. */
  readonly fix: string;
  readonly subject: ObjectRef;
  /** Field path inside the object, API-server style (`spec.egress[0].to[1]`). */
  readonly field?: string;
  /** Where the offending document is: file and line for SARIF and editors. */
  readonly source?: SourceLocation;
  /** The reason given in the object's `acknowledge.cdk8s-netpol.io/<rule-id>` annotation: reported, never failing (acknowledgements.ts). */
  readonly acknowledged?: string;
}

export interface LintRule {
  /** Stable, kebab-case; used by `--disable`, SARIF and acknowledgements. */
  readonly id: string;
  /** The severity of every finding of this rule. */
  readonly severity: Severity;
  /** One sentence: what the rule catches. */
  readonly description: string;
  /** The rule's page, `docs/rules/<id>.md`, relative to the package root (the package ships docs/rules; render/rule-page.ts locates it). */
  readonly docUrl: string;
  check(model: ClusterModel, context: LintContext): Finding[];
}

/** The doc page of a rule, by the one naming scheme. */
export function ruleDocUrl(id: string): string {
  return `docs/rules/${id}.md`;
}
