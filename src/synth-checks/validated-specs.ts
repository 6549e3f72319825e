/**
 * The specs the policy builder validated at construction, by the ApiObject that writes them and by
 * their text in each chart. The synth-time lint would validate every policy again for the rules that report the
 * validator's words about the spec; a rendered spec equal to the one validated (no JSON patch,
 * no resolver changed it) has no problems, since the builder refuses a spec with any.
 *
 * Policies of one chart whose specs have the same text are recorded with one spec object (the
 * first one validated), so that a model built from the chart reads it once for all of them (see
 * `validatedSpec`). Each ApiObject still writes its own spec object: when 5,000 objects shared a
 * thousand-fold spec in their props, V8's allocation-site pretenuring went wrong in a third of
 * the synths of E(1,000) (peak RSS 285–315 MiB instead of 165, and ~1 s slower).
 */
import type { ApiObject, Chart } from 'cdk8s';

const validated = new WeakMap<ApiObject, object>();
/**
 * Per chart, the spec of every text that passed: a pattern writes the same spec in many
 * namespaces, and what the validator says of a spec does not depend on the policy's metadata.
 */
const validSpecs = new WeakMap<Chart, Map<string, object>>();

/** The spec with this JSON text that already passed the validator in `chart`, if any (the builder then validates only the metadata). */
export function validatedInChart(chart: Chart, specText: string): object | undefined {
  return validSpecs.get(chart)?.get(specText);
}

/** Called by the builder once `spec` (whose JSON text is `specText`) passed the validator with no problem at all. */
export function rememberValidatedSpec(apiObject: ApiObject, spec: object, specText: string): void {
  validated.set(apiObject, spec);
  let specs = validSpecs.get(apiObject.chart);
  if (!specs) validSpecs.set(apiObject.chart, specs = new Map());
  if (!specs.has(specText)) specs.set(specText, spec);
}

/**
 * The spec validated at construction when `rendered` (what `apiObject` synthesizes) carries exactly
 * that spec, else undefined. Policies with equal specs get the same object back.
 */
export function validatedSpec(apiObject: ApiObject, rendered: unknown): object | undefined {
  const spec = validated.get(apiObject);
  return spec !== undefined && typeof rendered === 'object' && rendered !== null
    && sameJson((rendered as { spec?: unknown }).spec, spec) ? spec : undefined;
}

/**
 * Deep equality of JSON values (what a spec is, rendered or not), in any key order. Written as
 * loops: Node's `isDeepStrictEqual` also compares prototypes and symbols, and cost as much as the
 * validation this comparison saves.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (!sameJson(a[i], b[i])) return false;
    }
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key)) continue;
    if (!Object.hasOwn(y, key) || !sameJson(x[key], y[key])) return false;
    keys++;
  }
  for (const key in y) {
    if (Object.hasOwn(y, key)) keys--;
  }
  return keys === 0;
}
