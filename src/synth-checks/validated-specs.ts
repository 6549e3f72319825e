/**
 * The specs the policy builder validated at construction, by the ApiObject that writes them and by
 * their text in each chart. The synth-time lint would validate every policy again for the rules that report the
 * validator's words about the spec; a rendered spec equal to the one validated (no JSON patch,
 * no resolver changed it) has no problems, since the builder refuses a spec with any.
 */
import type { ApiObject, Chart } from 'cdk8s';

const validated = new WeakMap<ApiObject, unknown>();
/**
 * Per chart, the JSON text of every spec that passed: a pattern writes the same spec in many
 * namespaces, and what the validator says of a spec does not depend on the policy's metadata.
 */
const validTexts = new WeakMap<Chart, Set<string>>();

/** Whether a spec with this JSON text already passed the validator in `chart` (the builder then validates only the metadata). */
export function isValidatedInChart(chart: Chart, specText: string): boolean {
  return validTexts.get(chart)?.has(specText) ?? false;
}

/** Called by the builder once `spec` (whose JSON text is `specText`) passed the validator with no problem at all. */
export function rememberValidatedSpec(apiObject: ApiObject, spec: unknown, specText: string): void {
  validated.set(apiObject, spec);
  const texts = validTexts.get(apiObject.chart) ?? new Set<string>();
  validTexts.set(apiObject.chart, texts.add(specText));
}

/** Whether `rendered` (what `apiObject` synthesizes) carries exactly the spec validated at construction. */
export function hasValidatedSpec(apiObject: ApiObject, rendered: unknown): boolean {
  const spec = validated.get(apiObject);
  return spec !== undefined && typeof rendered === 'object' && rendered !== null
    && sameJson((rendered as { spec?: unknown }).spec, spec);
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
