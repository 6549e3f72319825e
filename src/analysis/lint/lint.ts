/**
 * Runs the lint rules over a model. Findings come back sorted by where they point (file, line),
 * then by rule, so every output format and every run lists them in the same order; those whose
 * object acknowledges their rule carry the reason (acknowledgements.ts).
 */
import type { IngressController } from '../ingress-controller';
import type { ClusterModel } from '../model';
import type { ApiRejection } from './api-invalid';
import { compare } from '../model-builder';
import { markAcknowledged } from './acknowledgements';
import { LintContext } from './context';
import type { Finding, LintRule } from './finding';
import { RULES } from './rules';

export interface LintOptions {
  /** Rule ids to skip. Unknown ids throw: a typo must not silently re-enable nothing. */
  readonly disable?: readonly string[];
  /** The rules to run; default every rule. Synth-time checks pass the chart-level subset. */
  readonly rules?: readonly LintRule[];
  /**
   * Policy objects (`Policy.raw`) whose `spec` is known to pass the validator with no problem:
   * their spec is not validated again. Synth-time checks pass what the builder validated.
   */
  readonly validSpecs?: WeakSet<object>;
  /** Fields of NetworkPolicies the loader left out of the model because the API server would reject them, for `api-invalid`. */
  readonly rejections?: readonly ApiRejection[];
  /** The controllers `ingress-backend-blocked` judges; default np-guard's anonymous one and every profile. */
  readonly ingressControllers?: readonly IngressController[];
}

export function lint(model: ClusterModel, options: LintOptions = {}): Finding[] {
  const rules = options.rules ?? RULES;
  const unknown = (options.disable ?? []).filter(id => !RULES.some(rule => rule.id === id));
  if (unknown.length > 0) {
    throw new Error(`unknown lint rule id ${unknown.join(', ')}; known ids: ${RULES.map(r => r.id).join(', ')}`);
  }
  const context = new LintContext(model, options.validSpecs, options.rejections, options.ingressControllers);
  const findings = rules
    .filter(rule => !options.disable?.includes(rule.id))
    .flatMap(rule => rule.check(model, context))
    .sort(byLocation);
  return markAcknowledged(model, findings);
}

function byLocation(a: Finding, b: Finding): number {
  return compare(a.source?.file ?? '', b.source?.file ?? '')
    || (a.source?.documentIndex ?? 0) - (b.source?.documentIndex ?? 0)
    || compare(a.ruleId, b.ruleId)
    || compare(a.message, b.message);
}
