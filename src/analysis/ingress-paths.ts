/**
 * Ingress paths (docs/ingress-paths.md): for each workload an Ingress, Route or HTTPRoute sends
 * to, what an ingress controller may open to it. Each backend is resolved like the cluster
 * resolves it: object → Service (its selector, its port) → the workloads it selects → the
 * TARGET port on each (a number, or a container port name resolved per workload). The
 * controller is a pod subject of its own (ingress-controller.ts) and every connection is judged
 * by the one evaluation (evaluation.ts `evaluatePair`, through the cluster policies' tiers when
 * the input has any: cluster-evaluation.ts): the controller's egress AND the workload's ingress,
 * so policies mean here what they mean everywhere else.
 *
 * np-guard netpol-analyzer's reading, kept so outputs compare line for line: only TCP; a target
 * port counts when a container of the workload declares it (when the object describing the pods
 * is in the input); a Route port matches a Service port by name, port or target port. A backend
 * that resolves to nothing is a warning, never dropped silently.
 *
 * Cost: one evaluation per (controller, backend workload), each over the policies of two namespaces.
 */
import { ClusterContext } from './cluster-evaluation';
import { ConnectionSet } from './connection-set';
import { type DeclaredPort, readDeclaredPorts } from './declared-ports-reader';
import { End, PolicyContext } from './evaluation';
import { ANONYMOUS_CONTROLLER, controllerNamespaceLabels, IngressController } from './ingress-controller';
import { IngressObject, readIngressObjects, ServiceBackend } from './ingress-reader';
import { objectMeta, placeOf, unpackDocuments } from './manifest-objects';
import { memo } from './memo';
import { type ClusterModel, type Workload, workloadId } from './model';
import { compare, namespaceLabels } from './model-builder';
import type { IngressFlow, Reachability } from './results';
import { readServices, type Service, type ServicePort } from './service-reader';

/** One backend of an object sending to one workload on one TCP target port. */
export interface IngressSend {
  readonly object: IngressObject;
  readonly backend: ServiceBackend;
  readonly port: number;
}

/** What one controller may open to one backend workload. */
export interface IngressPath {
  readonly controller: IngressController;
  readonly workload: Workload;
  /** Every TCP target port the objects send to on this workload. */
  readonly wanted: ConnectionSet;
  /** The part of `wanted` the policies admit from the controller. */
  readonly allowed: ConnectionSet;
  readonly sends: readonly IngressSend[];
}

export interface IngressAnalysis {
  /** The Ingress, Route and attached HTTPRoute objects of the input. */
  readonly objects: readonly IngressObject[];
  /** One per controller and backend workload, by controller, then workload id. */
  readonly paths: readonly IngressPath[];
  /** Backends that resolve to nothing and objects left out, each `file:line: Kind ns/name: …`. */
  readonly warnings: readonly string[];
}

export function analyseIngressPaths(model: ClusterModel, controllers: readonly IngressController[] = [ANONYMOUS_CONTROLLER]): IngressAnalysis {
  const warnings: string[] = [];
  const documents = unpackDocuments(model.documents ?? []);
  const labels = new Map(model.namespaces.map(n => [n.name, n.labels]));
  const objects = readIngressObjects(documents, warnings, namespace => labels.get(namespace) ?? namespaceLabels(namespace));
  if (objects.length === 0) return { objects, paths: [], warnings };
  const resolver = new BackendResolver(model, readServices(documents), describingObjects(documents));
  const sendsTo = new Map<Workload, IngressSend[]>();
  for (const object of objects) {
    for (const backend of object.backends) {
      for (const send of resolver.resolve(object, backend, warnings)) {
        const list = sendsTo.get(send.workload) ?? [];
        list.push({ object, backend, port: send.port });
        sendsTo.set(send.workload, list);
      }
    }
  }
  const context = new PolicyContext(model);
  const cluster = new ClusterContext(model.clusterPolicies ?? []);
  const workloads = [...sendsTo.keys()].sort((a, b) => compare(workloadId(a), workloadId(b)));
  const ends = new Map(workloads.map(w => [w, context.end(context.workloadSubject(w))]));
  const paths = controllers.flatMap(controller => {
    const source = controllerEnd(controller, model, context);
    return workloads.map(workload => {
      const sends = sendsTo.get(workload)!;
      const wanted = sends.reduce((acc, s) => acc.union(ConnectionSet.ports('TCP', s.port)), ConnectionSet.none());
      const allowed = cluster.pairConns(source, ends.get(workload)!).intersect(wanted);
      return { controller, workload, wanted, allowed, sends };
    });
  });
  return { objects, paths, warnings };
}

/** The controller as a pod of the evaluation; the input's own Namespace object, when present, gives its namespace labels. */
export function controllerEnd(controller: IngressController, model: ClusterModel, context: PolicyContext): End {
  const declared = model.namespaces.find(n => n.name === controller.namespace && n.source !== undefined);
  return context.end({
    kind: 'pod',
    namespace: controller.namespace,
    namespaceLabels: declared?.labels ?? controllerNamespaceLabels(controller),
    podLabels: controller.podLabels,
    namedPorts: [],
    hostNetwork: false,
  });
}

/** Objects by `Kind/namespace/name`, to read the container ports a workload declares. */
function describingObjects(documents: ReturnType<typeof unpackDocuments>): Map<string, unknown> {
  const byRef = new Map<string, unknown>();
  for (const { object } of documents) {
    const meta = objectMeta(object);
    if (meta.kind !== undefined && meta.name !== undefined) byRef.set(`${meta.kind}/${meta.namespace}/${meta.name}`, object);
  }
  return byRef;
}

class BackendResolver {
  private readonly services = new Map<string, Service>();
  private readonly workloadsByNamespace = new Map<string, Workload[]>();
  private readonly declared = new Map<Workload, readonly DeclaredPort[] | undefined>();

  public constructor(model: ClusterModel, services: readonly Service[], private readonly byRef: Map<string, unknown>) {
    for (const s of services) this.services.set(`${s.namespace}/${s.name}`, s);
    for (const w of model.workloads) {
      const list = this.workloadsByNamespace.get(w.namespace);
      if (list) list.push(w);
      else this.workloadsByNamespace.set(w.namespace, [w]);
    }
  }

  /** The (workload, TCP target port) pairs a backend reaches; warnings say why one reaches nothing. */
  public resolve(object: IngressObject, backend: ServiceBackend, warnings: string[]): { workload: Workload; port: number }[] {
    const warn = (text: string) => warnings.push(`${placeOf(object.source)}: ${object.kind} ${object.namespace}/${object.name}: ${text}`);
    const ref = `${backend.namespace}/${backend.serviceName}`;
    const service = this.services.get(ref);
    if (service === undefined) {
      warn(`backend Service ${ref} is not in the input; no ingress path to it (add the Service, or fix the name)`);
      return [];
    }
    if (service.selector === undefined) {
      warn(`backend Service ${ref} has no selector (its endpoints are made by hand); no ingress path to it`);
      return [];
    }
    const ports = this.servicePorts(object, service, backend.port);
    if (ports.length === 0) {
      warn(`backend Service ${ref} has no port ${String(backend.port)}; no ingress path to it (its ports: ${service.ports.map(describePort).join(', ') || 'none'})`);
      return [];
    }
    const selector = service.selector;
    const workloads = (this.workloadsByNamespace.get(service.namespace) ?? [])
      .filter(w => Object.entries(selector).every(([key, value]) => Object.hasOwn(w.podLabels, key) && w.podLabels[key] === value));
    if (workloads.length === 0) warn(`backend Service ${ref} selects no workload of the input; no ingress path to it`);
    return workloads.flatMap(workload => ports.flatMap(port => {
      const target = this.targetPort(workload, port);
      if (target === undefined) {
        warn(`backend Service ${ref} port ${port.port} sends to ${describeTarget(port.targetPort)}, which ${workloadId(workload)} does not declare as a TCP container port; no ingress path to it on that port`);
        return [];
      }
      return [{ workload, port: target }];
    }));
  }

  /** The Service ports a backend names (np-guard's reading: the first match), or all of them without a port. */
  private servicePorts(object: IngressObject, service: Service, wanted: number | string | undefined): ServicePort[] {
    const tcp = service.ports.filter(p => p.protocol === 'TCP');
    if (wanted === undefined) return tcp;
    const match = tcp.find(p => typeof wanted === 'number'
      ? p.port === wanted || (object.kind === 'Route' && p.targetPort === wanted)
      : p.name === wanted || (object.kind === 'Route' && p.targetPort === wanted));
    return match ? [match] : [];
  }

  /** The TCP port the Service's `targetPort` reaches on the workload, when a container declares it. */
  private targetPort(workload: Workload, port: ServicePort): number | undefined {
    const number = typeof port.targetPort === 'number' ? port.targetPort
      : workload.namedPorts.find(p => p.name === port.targetPort && p.protocol === 'TCP')?.port;
    if (number === undefined) return undefined;
    const declared = memo(this.declared, workload, () => {
      const object = this.byRef.get(`${workload.kind}/${workload.namespace}/${workload.name}`);
      return object === undefined ? undefined : readDeclaredPorts(object, workload.kind).ports;
    });
    // Without the object the workload is named after, nothing says the port is not served.
    return declared === undefined || declared.some(p => p.port === number && p.protocol === 'TCP') ? number : undefined;
  }
}

function describePort(port: ServicePort): string {
  return `${port.name ? `${port.name} ` : ''}${port.port}/${port.protocol}`;
}

function describeTarget(target: number | string): string {
  return typeof target === 'number' ? `port ${target}` : `the port named ${target}`;
}

/** The allowed paths as flows for output, by controller name, then workload id (np-guard's order of its `{…}` lines). */
export function ingressFlows(analysis: IngressAnalysis): IngressFlow[] {
  return analysis.paths
    .filter(p => !p.allowed.isEmpty())
    .map(p => ({ controller: p.controller.name, dst: p.workload, conns: p.allowed }))
    .sort((a, b) => compare(a.controller, b.controller) || compare(workloadId(a.dst), workloadId(b.dst)));
}

/** `reach` with the allowed ingress paths, when the input has Ingress, Route or HTTPRoute objects (np-guard adds its lines then). */
export function withIngressFlows(reach: Reachability, analysis: IngressAnalysis): Reachability {
  return analysis.objects.length === 0 ? reach : { ...reach, ingressFlows: ingressFlows(analysis) };
}
