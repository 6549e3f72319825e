/**
 * The specs the policy builder validated at construction, by the ApiObject that writes them.
 * The synth-time lint would validate every policy again for the rules that report the
 * validator's words; a rendered spec equal to the one validated (no JSON patch, no resolver
 * changed it) has no problems, since the builder refuses a spec with any, so only the rest of
 * the object needs checking.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ApiObject } from 'cdk8s';

const validated = new WeakMap<ApiObject, unknown>();

/** Called by the builder once `spec` passed the validator with no problem at all. */
export function rememberValidatedSpec(apiObject: ApiObject, spec: unknown): void {
  validated.set(apiObject, spec);
}

/** Whether `rendered` (what `apiObject` synthesizes) carries exactly the spec validated at construction. */
export function hasValidatedSpec(apiObject: ApiObject, rendered: unknown): boolean {
  const spec = validated.get(apiObject);
  return spec !== undefined && typeof rendered === 'object' && rendered !== null
    && isDeepStrictEqual((rendered as { spec?: unknown }).spec, spec);
}
