/**
 * A cdk8s CLI validation plugin: `cdk8s synth` runs the network lint on the manifests it just
 * wrote and shows the findings in its own validation report (with the construct path of each
 * offending object, from the CLI's construct metadata). Configured in cdk8s.yaml:
 *
 * ```yaml
 * validations:
 *   - package: ./node_modules/cdk8s-netpol   # a path: a bare name makes the CLI npm-install it
 *     version: 0.0.0                 # the CLI requires an exact version; for a path it only labels the report
 *     class: NetworkPolicyLintValidation
 *     properties:                    # optional, NetworkPolicyLintValidationProps
 *       failOn: warning
 *       disable: [unprotected-workload]
 * ```
 *
 * A finding whose object carries the annotation `acknowledge.cdk8s-netpol.io/<rule-id>: <reason>`
 * (what `NetworkLint.acknowledge` writes) is a decision, not a violation: it is counted in the
 * report's metadata (`acknowledged`) and never fails it.
 *
 * The CLI's contract (cdk8s-cli `lib/plugins/validation.d.ts`) is duck-typed: a class built
 * with the `properties` object whose `validate(context)` fills `context.report`. This package
 * does not depend on cdk8s-cli, so the context is typed here by the part it uses.
 */
import { failingFindings, findRule, lint, RULES, SEVERITIES } from '../analysis/lint';
import type { Finding, Severity } from '../analysis/lint';
import { InputError, loadModel } from '../io';
import { rulePageForDisplay } from '../render/rule-page';

/** Options of the cdk8s CLI plugin, given as `properties` in cdk8s.yaml. */
export interface NetworkPolicyLintValidationProps {
  /**
   * Lint rule ids to skip (see docs/rules/).
   * @default - every rule runs
   */
  readonly disable?: string[];

  /**
   * The report fails when a finding is at least this severe: `error`, `warning` or `info`.
   * Findings below it are still listed.
   * @default 'error'
   */
  readonly failOn?: string;
}

/** The part of cdk8s-cli's ValidationContext this plugin uses. */
interface CliValidationContext {
  readonly manifests: readonly string[];
  readonly report: {
    addViolation(violation: {
      ruleName: string;
      recommendation: string;
      fix: string;
      violatingResources: Array<{ resourceName: string; locations: string[]; manifestPath: string }>;
    }): void;
    submit(status: 'success' | 'failure', metadata?: Record<string, string>): void;
  };
}

/** The cdk8s CLI validation plugin that runs the cdk8s-netpol lint during `cdk8s synth`. */
export class NetworkPolicyLintValidation {
  private readonly disable: string[];
  private readonly failOn: Severity;

  constructor(props: NetworkPolicyLintValidationProps = {}) {
    this.disable = props.disable ?? [];
    const unknown = this.disable.filter(id => findRule(id) === undefined);
    if (unknown.length > 0) {
      throw new Error(`NetworkPolicyLintValidation: unknown rule id ${unknown.join(', ')} in 'disable'; known ids: ${RULES.map(r => r.id).join(', ')}`);
    }
    const failOn = props.failOn ?? 'error';
    if (!SEVERITIES.includes(failOn as Severity)) {
      throw new Error(`NetworkPolicyLintValidation: 'failOn' is '${failOn}'; use one of ${SEVERITIES.join(', ')}`);
    }
    this.failOn = failOn as Severity;
  }

  /**
   * Lints the synthesized manifests and fills the CLI's report.
   * @param context the cdk8s CLI's `ValidationContext`
   */
  public async validate(context: any): Promise<void> {
    const { manifests, report } = context as CliValidationContext;
    let findings: Finding[];
    try {
      findings = lint(loadModel(manifests).model, { disable: this.disable });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      report.addViolation({
        ruleName: 'invalid-manifest',
        recommendation: 'The API server would refuse this manifest, so nothing about it can be proven.',
        fix: 'Fix the field named in the location.',
        violatingResources: [{ resourceName: '(manifest)', locations: [e.message], manifestPath: e.file ?? '(unknown)' }],
      });
      report.submit('failure', { findings: '1' });
      return;
    }
    // Acknowledged findings (an acknowledge.cdk8s-netpol.io/<rule-id> annotation on their object) are decisions, not violations.
    const active = findings.filter(f => f.acknowledged === undefined);
    for (const rule of RULES) {
      const ofRule = active.filter(f => f.ruleId === rule.id);
      if (ofRule.length === 0) continue;
      report.addViolation({
        ruleName: `${rule.id} (${rule.severity})`,
        recommendation: rule.description,
        fix: `See ${rulePageForDisplay(rule.id)}; each location says how to fix it.`,
        violatingResources: ofRule.map(f => ({
          resourceName: f.subject.name,
          locations: [`${f.message} -- fix: ${f.fix}`],
          manifestPath: f.source?.file ?? '(unknown)',
        })),
      });
    }
    report.submit(failingFindings(findings, this.failOn).length > 0 ? 'failure' : 'success', {
      'findings': String(active.length),
      'acknowledged': String(findings.length - active.length),
      'fail-on': this.failOn,
    });
  }
}
