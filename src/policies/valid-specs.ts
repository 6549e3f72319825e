/**
 * The validator, with each distinct spec of an app validated once. A pattern writes the same spec
 * in many namespaces (and charts), and what the validator says of a spec does not depend on the
 * policy's metadata. A spec that passed is also swapped for the app's one object with that text, so
 * that the synth-time lint, which reads what the policies render in every chart, reads each distinct
 * spec once (chart-lint.ts shares one policy reader per app).
 */
import type { IConstruct } from 'constructs';
import type { ValidationProblem } from '../analysis/validation/problem';
import { validateNetworkPolicy } from '../analysis/validation/validate-network-policy';

/** A NetworkPolicy manifest as JSON, whose `spec` this module may replace by an equal one. */
export interface PolicyManifest {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: unknown;
  spec?: unknown;
}

/** Per app (the root of the construct tree): validated spec text → the one spec object with that text. */
const validSpecs = new WeakMap<IConstruct, Map<string, unknown>>();

/** What the validator finds wrong with `manifest`, a policy of `scope`'s app; none means it was written as the app's shared spec. */
export function validateInApp(scope: IConstruct, manifest: PolicyManifest): ValidationProblem[] {
  const app = scope.node.root;
  let specs = validSpecs.get(app);
  if (!specs) validSpecs.set(app, specs = new Map());
  const specText = JSON.stringify(manifest.spec);
  const known = specs.get(specText);
  const problems = validateNetworkPolicy(known === undefined ? manifest : { ...manifest, spec: undefined });
  if (problems.length > 0) return problems;
  if (known === undefined) specs.set(specText, manifest.spec);
  else manifest.spec = known;
  return problems;
}
