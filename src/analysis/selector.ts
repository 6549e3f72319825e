/**
 * Kubernetes label selectors (`metav1.LabelSelector`): matching and a short text form.
 */
import type { LabelSelectorRequirementSpec, LabelSelectorSpec, Labels } from './model';

/**
 * Whether `labels` satisfy `selector`: every `matchLabels` pair AND every `matchExpressions`
 * requirement. `{}` matches everything. `NotIn` and `DoesNotExist` match objects without the
 * key, as in Kubernetes. An operator Kubernetes would reject matches nothing (fail closed).
 * Only own properties of `labels` count, so `constructor` or `__proto__` never match by accident.
 */
export function matchesSelector(selector: LabelSelectorSpec, labels: Labels): boolean {
  // Loops without entry arrays or closures: the lint and reachability call this for every candidate group.
  const matchLabels = selector.matchLabels;
  for (const key in matchLabels) {
    if (Object.hasOwn(matchLabels, key) && (!Object.hasOwn(labels, key) || labels[key] !== matchLabels[key])) return false;
  }
  for (const req of selector.matchExpressions ?? NO_REQUIREMENTS) {
    if (!meetsRequirement(req, labels)) return false;
  }
  return true;
}

const NO_REQUIREMENTS: readonly LabelSelectorRequirementSpec[] = [];

function meetsRequirement(req: LabelSelectorRequirementSpec, labels: Labels): boolean {
  const has = Object.hasOwn(labels, req.key);
  switch (req.operator) {
    case 'In': return has && (req.values ?? NO_VALUES).includes(labels[req.key]);
    case 'NotIn': return !has || !(req.values ?? NO_VALUES).includes(labels[req.key]);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    default: return false;
  }
}

const NO_VALUES: readonly string[] = [];

/** Whether the selector has no requirement at all, so that it selects everything (`{}`). */
export function selectsAll(selector: LabelSelectorSpec): boolean {
  for (const key in selector.matchLabels) {
    if (Object.hasOwn(selector.matchLabels, key)) return false;
  }
  return !selector.matchExpressions?.length;
}

/** `app=web,tier in (a,b),!debug`; `{}` reads as `(all)`. For messages, not for parsing. */
export function describeSelector(selector: LabelSelectorSpec): string {
  const parts = [
    ...Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(selector.matchExpressions ?? []).map(req => {
      switch (req.operator) {
        case 'In': return `${req.key} in (${(req.values ?? []).join(',')})`;
        case 'NotIn': return `${req.key} notin (${(req.values ?? []).join(',')})`;
        case 'Exists': return req.key;
        default: return `!${req.key}`;
      }
    }),
  ];
  return parts.length === 0 ? '(all)' : parts.join(',');
}

/** `app=web,tier=api`, sorted by key; `(none)` when there are no labels. */
export function describeLabels(labels: Labels): string {
  const parts = Object.keys(labels).sort().map(k => `${k}=${labels[k]}`);
  return parts.length === 0 ? '(none)' : parts.join(',');
}
