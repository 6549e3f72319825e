/**
 * Services (core v1), read for the lint only: reachability does not depend on them, since
 * NetworkPolicy sees the pod's address and port after the Service's translation (docs/semantics.md §2:
 * ports are pod ports after Service DNAT). A policy written against the Service's `port` instead of its
 * `targetPort` therefore matches nothing of the Service's traffic.
 */
import { isPortNumber } from './connection-set';
import { arrayField, field, isKindOf, ManifestObject, objectMeta, readLabels, stringField } from './manifest-objects';
import type { Labels, Protocol, SourceLocation } from './model';
import { PROTOCOLS } from './model';

export interface ServicePort {
  readonly name?: string;
  /** The port clients connect to (the Service's). */
  readonly port: number;
  /** Where the Service sends it on the pod: a number, or a container port name; `port` when unset. */
  readonly targetPort: number | string;
  readonly protocol: Protocol;
}

export interface Service {
  readonly namespace: string;
  readonly name: string;
  /** `spec.selector`; undefined when missing or empty (a Service without selector has hand-made endpoints and selects no pod). */
  readonly selector?: Labels;
  readonly ports: readonly ServicePort[];
  readonly source?: SourceLocation;
}

export const SERVICE_GROUPS: ReadonlyMap<string, readonly string[]> = new Map([['Service', ['']]]);

/** The Services among `objects` (already unpacked from their documents); of one written twice, the last (as `kubectl apply` leaves it). */
export function readServices(objects: readonly ManifestObject[]): Service[] {
  const services = new Map<string, Service>();
  for (const { object, source } of objects) {
    const meta = objectMeta(object);
    if (meta.name === undefined || !isKindOf(SERVICE_GROUPS, meta.kind, meta.apiVersion)) continue;
    const spec = field(object, 'spec');
    const selector = readLabels(field(spec, 'selector'));
    services.set(`${meta.namespace}/${meta.name}`, {
      namespace: meta.namespace,
      name: meta.name,
      selector: Object.keys(selector).length > 0 ? selector : undefined,
      ports: arrayField(spec, 'ports').flatMap(readPort),
      source,
    });
  }
  return [...services.values()];
}

function readPort(entry: unknown): ServicePort[] {
  const port = field(entry, 'port');
  const protocol = field(entry, 'protocol') ?? 'TCP';
  if (!isPortNumber(port) || !PROTOCOLS.includes(protocol as Protocol)) return [];
  const target = field(entry, 'targetPort');
  const targetPort = isPortNumber(target) ? target : typeof target === 'string' && target !== '' ? target : port;
  return [{ name: stringField(entry, 'name'), port, targetPort, protocol: protocol as Protocol }];
}
