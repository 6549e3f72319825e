/**
 * Whether a Gateway accepts an HTTPRoute (Gateway API, `Listener.allowedRoutes`): a parentRef
 * attaches the route to the listeners it names (`sectionName`, `port`), or to every listener,
 * and a listener accepts it when its `allowedRoutes.namespaces.from` admits the route's
 * namespace (`Same`, the default: the Gateway's own; `All`; `Selector`: namespaces whose labels
 * match) and its `allowedRoutes.kinds` include HTTPRoute (by default, listeners of protocol HTTP
 * and HTTPS). A route no listener accepts carries nothing (docs/ingress-paths.md).
 */
import { arrayField, field, readLabels, stringField } from './manifest-objects';
import type { LabelSelectorRequirementSpec, LabelSelectorSpec, Labels } from './model';
import { matchesSelector } from './selector';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

/** The listeners of `gateway` (in `gatewayNamespace`) that `parentRef` names and that accept an HTTPRoute of `routeNamespace`. */
export function acceptsHttpRoute(gateway: unknown, gatewayNamespace: string, parentRef: unknown, routeNamespace: string,
  namespaceLabels: (namespace: string) => Labels): boolean {
  const sectionName = stringField(parentRef, 'sectionName');
  const port = field(parentRef, 'port');
  return arrayField(field(gateway, 'spec'), 'listeners')
    .filter(l => (sectionName === undefined || stringField(l, 'name') === sectionName) && (port === undefined || field(l, 'port') === port))
    .some(l => admitsHttpRoute(l)
      && admitsNamespace(field(field(l, 'allowedRoutes'), 'namespaces'), gatewayNamespace, routeNamespace, namespaceLabels));
}

function admitsNamespace(namespaces: unknown, gatewayNamespace: string, routeNamespace: string,
  namespaceLabels: (namespace: string) => Labels): boolean {
  const from = stringField(namespaces, 'from') ?? 'Same';
  if (from === 'All') return true;
  if (from === 'Selector') {
    const selector = readSelector(field(namespaces, 'selector'));
    return selector !== undefined && matchesSelector(selector, namespaceLabels(routeNamespace));
  }
  return from === 'Same' && routeNamespace === gatewayNamespace;
}

function admitsHttpRoute(listener: unknown): boolean {
  const kinds = arrayField(field(listener, 'allowedRoutes'), 'kinds');
  if (kinds.length === 0) return ['HTTP', 'HTTPS'].includes(stringField(listener, 'protocol') ?? '');
  return kinds.some(k => stringField(k, 'kind') === 'HTTPRoute' && (stringField(k, 'group') ?? 'gateway.networking.k8s.io') === 'gateway.networking.k8s.io');
}

/** A label selector as written; undefined when it is missing or has a requirement this reader cannot read (fails closed: admits nothing). */
function readSelector(value: unknown): LabelSelectorSpec | undefined {
  if (value === undefined || value === null) return undefined;
  const requirements: LabelSelectorRequirementSpec[] = [];
  for (const entry of arrayField(value, 'matchExpressions')) {
    const key = stringField(entry, 'key');
    const operator = OPERATORS.find(op => op === field(entry, 'operator'));
    if (key === undefined || operator === undefined) return undefined;
    requirements.push({ key, operator, values: arrayField(entry, 'values').filter((v): v is string => typeof v === 'string') });
  }
  return { matchLabels: readLabels(field(value, 'matchLabels')), matchExpressions: requirements };
}
