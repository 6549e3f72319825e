/**
 * The objects that send traffic from an ingress controller to Services (docs/ingress-paths.md):
 * `networking.k8s.io/v1` Ingress, OpenShift `route.openshift.io/v1` Route and Gateway API
 * `HTTPRoute` (v1, v1beta1) with the `Gateway`s they attach to. Read from the documents as
 * written; of one object written twice, the last stands (as `kubectl apply` leaves it).
 *
 * Decisions:
 * - A backend is a Service in the object's namespace (Ingress, Route) or the backendRef's
 *   `namespace` (HTTPRoute, default the route's). Other backends (an Ingress `resource`, a Route
 *   `to.kind` other than Service, a backendRef of another kind) are left out with a warning.
 * - An HTTPRoute counts only when one of its `parentRefs` names a Gateway present in the input
 *   whose listeners accept it (gateway-attachment.ts): a route no Gateway accepts sends nothing.
 *   A backendRef into another namespace counts when a ReferenceGrant of the input in that
 *   namespace allows HTTPRoutes of the route's namespace to reach the Service; otherwise the
 *   Gateway refuses it, and it is left out with a warning.
 */
import { isPortNumber } from './connection-set';
import { acceptsHttpRoute } from './gateway-attachment';
import { arrayField, field, isKindOf, ManifestObject, objectMeta, placeOf, stringField } from './manifest-objects';
import type { Labels, SourceLocation } from './model';

export type RouteKind = 'Ingress' | 'Route' | 'HTTPRoute';

/** One Service an object sends to, and which of its ports. */
export interface ServiceBackend {
  readonly namespace: string;
  readonly serviceName: string;
  /**
   * Ingress: the Service port's number or name; Route: `spec.port.targetPort` (a Service port's
   * name, number or target port); HTTPRoute: the Service port's number. Undefined: every port of
   * the Service (a Route without `spec.port`).
   */
  readonly port?: number | string;
  /** Where the object names it, API-server style (`spec.rules[0].http.paths[1].backend`). */
  readonly field: string;
}

/** An Ingress, Route or (attached) HTTPRoute, with the Services it sends to. */
export interface IngressObject {
  readonly kind: RouteKind;
  readonly namespace: string;
  readonly name: string;
  readonly backends: readonly ServiceBackend[];
  readonly source?: SourceLocation;
}

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export const INGRESS_GROUPS: ReadonlyMap<string, readonly string[]> = new Map([
  ['Ingress', ['networking.k8s.io']],
  ['Route', ['route.openshift.io']],
  ['HTTPRoute', [GATEWAY_GROUP]],
  ['Gateway', [GATEWAY_GROUP]],
  ['ReferenceGrant', [GATEWAY_GROUP]],
]);

/**
 * The Ingress, Route and HTTPRoute objects among `objects`; what is left out is explained in
 * `warnings`. `namespaceLabels` gives a namespace's labels, for Gateways that admit routes by them.
 */
export function readIngressObjects(objects: readonly ManifestObject[], warnings: string[],
  namespaceLabels: (namespace: string) => Labels): IngressObject[] {
  const latest = new Map<string, ManifestObject & { kind: string; namespace: string; name: string }>();
  for (const o of objects) {
    const meta = objectMeta(o.object);
    if (meta.name === undefined || !isKindOf(INGRESS_GROUPS, meta.kind, meta.apiVersion)) continue;
    latest.set(`${meta.kind}/${meta.namespace}/${meta.name}`, { ...o, kind: meta.kind!, namespace: meta.namespace, name: meta.name });
  }
  const all = [...latest.values()];
  const gateways = new Map(all.filter(o => o.kind === 'Gateway').map(o => [`${o.namespace}/${o.name}`, o]));
  const accepts = (ref: unknown, routeNamespace: string) => {
    const namespace = stringField(ref, 'namespace') ?? routeNamespace;
    const gateway = gateways.get(`${namespace}/${stringField(ref, 'name')}`);
    return gateway !== undefined && acceptsHttpRoute(gateway.object, namespace, ref, routeNamespace, namespaceLabels);
  };
  const grants = all.filter(o => o.kind === 'ReferenceGrant');
  const granted = (routeNamespace: string, serviceNamespace: string, serviceName: string) => grants.some(g => g.namespace === serviceNamespace
    && arrayField(field(g.object, 'spec'), 'from').some(f => stringField(f, 'group') === GATEWAY_GROUP && stringField(f, 'kind') === 'HTTPRoute'
      && stringField(f, 'namespace') === routeNamespace)
    && arrayField(field(g.object, 'spec'), 'to').some(t => (stringField(t, 'group') ?? '') === '' && stringField(t, 'kind') === 'Service'
      && (stringField(t, 'name') ?? serviceName) === serviceName));
  const read: IngressObject[] = [];
  for (const o of all) {
    const warn = (text: string) => warnings.push(`${placeOf(o.source)}: ${o.kind} ${o.namespace}/${o.name}: ${text}`);
    const spec = field(o.object, 'spec');
    let backends: ServiceBackend[] | undefined;
    if (o.kind === 'Ingress') backends = ingressBackends(spec, o.namespace, warn);
    else if (o.kind === 'Route') backends = routeBackends(spec, o.namespace, warn);
    else if (o.kind === 'HTTPRoute') backends = httpRouteBackends(spec, o.namespace, accepts, granted, warn);
    if (backends === undefined) continue; // a Gateway, or an HTTPRoute no Gateway accepts
    read.push({ kind: o.kind as RouteKind, namespace: o.namespace, name: o.name, backends, source: o.source });
  }
  return read;
}

function ingressBackends(spec: unknown, namespace: string, warn: (text: string) => void): ServiceBackend[] {
  const backends: { backend: unknown; at: string }[] = [];
  if (field(spec, 'defaultBackend') !== undefined) backends.push({ backend: field(spec, 'defaultBackend'), at: 'spec.defaultBackend' });
  arrayField(spec, 'rules').forEach((rule, r) => arrayField(field(rule, 'http'), 'paths').forEach((p, i) =>
    backends.push({ backend: field(p, 'backend'), at: `spec.rules[${r}].http.paths[${i}].backend` })));
  return backends.flatMap(({ backend, at }) => {
    const service = field(backend, 'service');
    const name = stringField(service, 'name');
    const port = field(service, 'port');
    const number = field(port, 'number');
    const portName = stringField(port, 'name');
    if (name === undefined || (!isPortNumber(number) && portName === undefined)) {
      warn(`${at} sends to no Service port (service.name with port.number or port.name); left out of the ingress paths`);
      return [];
    }
    return [{ namespace, serviceName: name, port: isPortNumber(number) ? number : portName, field: at }];
  });
}

function routeBackends(spec: unknown, namespace: string, warn: (text: string) => void): ServiceBackend[] {
  const target = field(field(spec, 'port'), 'targetPort');
  const port = isPortNumber(target) ? target : typeof target === 'string' && target !== '' ? target : undefined;
  const targets = [{ ref: field(spec, 'to'), at: 'spec.to' }, ...arrayField(spec, 'alternateBackends').map((ref, i) => ({ ref, at: `spec.alternateBackends[${i}]` }))];
  return targets.flatMap(({ ref, at }) => {
    const kind = stringField(ref, 'kind') ?? 'Service';
    const name = stringField(ref, 'name');
    if (kind !== 'Service' || name === undefined) {
      warn(`${at} is not a Service (kind ${kind}, name ${name ?? 'missing'}); left out of the ingress paths`);
      return [];
    }
    return [{ namespace, serviceName: name, port, field: at }];
  });
}

type Granted = (routeNamespace: string, serviceNamespace: string, serviceName: string) => boolean;

function httpRouteBackends(spec: unknown, namespace: string, accepts: (parentRef: unknown, routeNamespace: string) => boolean,
  granted: Granted, warn: (text: string) => void): ServiceBackend[] | undefined {
  const parents = arrayField(spec, 'parentRefs').filter(ref =>
    (stringField(ref, 'group') ?? GATEWAY_GROUP) === GATEWAY_GROUP && (stringField(ref, 'kind') ?? 'Gateway') === 'Gateway');
  if (!parents.some(ref => accepts(ref, namespace))) {
    warn('spec.parentRefs names no Gateway of the input whose listeners accept it (allowedRoutes: the Gateway\'s own namespace by default, '
      + 'HTTP and HTTPS listeners), so no Gateway sends its traffic; left out of the ingress paths (add the Gateway, or allow the route on a listener)');
    return undefined;
  }
  return arrayField(spec, 'rules').flatMap((rule, r) => arrayField(rule, 'backendRefs').flatMap((ref, i) => {
    const at = `spec.rules[${r}].backendRefs[${i}]`;
    const kind = stringField(ref, 'kind') ?? 'Service';
    const group = stringField(ref, 'group') ?? '';
    const name = stringField(ref, 'name');
    const port = field(ref, 'port');
    const refNamespace = stringField(ref, 'namespace') ?? namespace;
    if (kind !== 'Service' || group !== '' || name === undefined || !isPortNumber(port)) {
      warn(`${at} is not a Service with a port (kind ${kind}, name ${name ?? 'missing'}, port ${String(port ?? 'missing')}); left out of the ingress paths`);
      return [];
    }
    if (refNamespace !== namespace && !granted(namespace, refNamespace, name)) {
      warn(`${at} sends to Service ${refNamespace}/${name}, which no ReferenceGrant in namespace ${refNamespace} of the input allows to HTTPRoutes of ${namespace}; `
        + 'left out of the ingress paths (the Gateway refuses it)');
      return [];
    }
    return [{ namespace: refNamespace, serviceName: name, port, field: at }];
  }));
}
