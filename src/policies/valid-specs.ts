/**
 * The validator, with each distinct spec of a chart validated once. A pattern writes the same spec
 * in many namespaces, and what the validator says of a spec does not depend on the policy's
 * metadata. A spec that passed is also swapped for the chart's one object with that text, so that
 * the synth-time lint, which reads what the policies render, reads each distinct spec once.
 */
import type { Chart } from 'cdk8s';
import type { ValidationProblem } from '../analysis/validation/problem';
import { validateNetworkPolicy } from '../analysis/validation/validate-network-policy';

/** A NetworkPolicy manifest as JSON, whose `spec` this module may replace by an equal one. */
export interface PolicyManifest {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: unknown;
  spec?: unknown;
}

const validSpecs = new WeakMap<Chart, Map<string, unknown>>();

/** What the validator finds wrong with `manifest`, a policy of `chart`; none means it was written as the chart's shared spec. */
export function validateInChart(chart: Chart, manifest: PolicyManifest): ValidationProblem[] {
  let specs = validSpecs.get(chart);
  if (!specs) validSpecs.set(chart, specs = new Map());
  const specText = JSON.stringify(manifest.spec);
  const known = specs.get(specText);
  const problems = validateNetworkPolicy(known === undefined ? manifest : { ...manifest, spec: undefined });
  if (problems.length > 0) return problems;
  if (known === undefined) specs.set(specText, manifest.spec);
  else manifest.spec = known;
  return problems;
}
