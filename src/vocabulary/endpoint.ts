import { readableName } from './object-name';
import { PodSelector, workloadNamespace } from './pod-selector';
import { Port } from './port';
import { Service, ServicePort } from './service';
import { IWorkload } from './workload';
import { dns1123LabelProblem } from '../analysis/validation/dns-1123';

/**
 * Options for `Endpoint.pods()` and `Endpoint.workload()`.
 */
export interface EndpointOptions {
  /**
   * The member's name in a `ConnectionGraph`: its policy is `<graph name>-<name>`.
   *
   * @default - a workload's `metadata.name` (its construct id when cdk8s generated the name); else the value of the selector's only label, or of its
   * `app.kubernetes.io/name`, `app` or `k8s-app` label
   */
  readonly name?: string;

  /**
   * The pods' namespace.
   *
   * @default - a workload's own namespace; else the graph's
   */
  readonly namespace?: string;
}

/**
 * Options for `Endpoint.service()`.
 */
export interface ServiceEndpointOptions {
  /**
   * The member's name in a `ConnectionGraph`.
   *
   * @default - the Service's name
   */
  readonly name?: string;

  /**
   * The Service ports (the numbers clients connect to) a connection to it uses; each becomes
   * its target port.
   *
   * @default - every port of the Service (with `portNames`: those)
   */
  readonly ports?: number[];

  /**
   * The names of the Service ports a connection to it uses.
   *
   * @default - every port of the Service (with `ports`: those)
   */
  readonly portNames?: string[];
}

/** The labels a member's name is taken from when the selector has several, in this order. */
const NAME_LABELS = ['app.kubernetes.io/name', 'app', 'k8s-app'];

/**
 * One end of a connection in a `ConnectionGraph`: pods (of the graph's namespace or another), a
 * cdk8s-plus workload, or a Service. Each endpoint is a member of the graph, with a name and one
 * policy.
 */
export class Endpoint {
  /**
   * Pods matching `selector`, in the graph's namespace unless told otherwise.
   *
   * @param selector which pods (`PodSelector.workload` for a workload, which is then in its own namespace)
   */
  public static pods(selector: PodSelector, options: EndpointOptions = {}): Endpoint {
    const workload = selector._workload;
    if (workload && options.namespace !== undefined && options.namespace !== workloadNamespace(workload)) {
      throw new Error(`Endpoint.pods(PodSelector.workload(${workload.node.path})): 'namespace' is '${options.namespace}', but the workload's pods are in ${workloadNamespace(workload) === undefined ? 'no namespace' : `'${workloadNamespace(workload)}'`}; leave 'namespace' out`);
    }
    checkName('Endpoint.pods', options.name);
    checkNamespace('Endpoint.pods', options.namespace);
    const describe = () => workload ? workload.node.path : `pods ${describeSelector(selector)}`;
    return new Endpoint(selector, describe,
      graphNamespace => workload ? workloadNamespace(workload) : options.namespace ?? graphNamespace,
      () => options.name ?? (workload ? readableName(workload, workload.metadata) : nameFromLabels(selector)),
      options.name !== undefined);
  }

  /**
   * The pods of a cdk8s-plus workload or Pod, of any version, in the workload's namespace.
   *
   * @param workload a cdk8s-plus workload or pod
   */
  public static workload(workload: IWorkload, options: EndpointOptions = {}): Endpoint {
    return Endpoint.pods(PodSelector.workload(workload), options);
  }

  /**
   * The pods a Service forwards to. As a destination, the connection is allowed on the target
   * ports of the Service's ports (all of them, or those chosen here), never on the Service ports.
   *
   * @param service the Service
   */
  public static service(service: Service, options: ServiceEndpointOptions = {}): Endpoint {
    checkName('Endpoint.service', options.name);
    const chosen: ServicePort[] = [
      ...(options.ports ?? []).map(port => service.port(port)),
      ...(options.portNames ?? []).map(name => service.portNamed(name)),
    ];
    if ((options.ports ?? options.portNames) !== undefined && chosen.length === 0) {
      throw new Error(`Endpoint.service(${service.name}): 'ports' and 'portNames' are empty; leave them out for every port of the Service, or name the ports`);
    }
    const ports = (chosen.length > 0 ? chosen : service.ports).map(port => port.target);
    return new Endpoint(service.pods, () => `Service '${service.name}'`,
      graphNamespace => service.namespace ?? graphNamespace,
      () => options.name ?? service.name,
      options.name !== undefined,
      ports, chosen.length > 0);
  }

  private constructor(
    private readonly selector: PodSelector,
    private readonly description: () => string,
    private readonly namespaceIn: (graphNamespace: string | undefined) => string | undefined,
    private readonly memberName: () => string,
    private readonly namedByUser: boolean,
    private readonly targetPorts?: Port[],
    private readonly portsChosen: boolean = false) {
  }

  /**
   * The pods.
   *
   * @internal
   */
  public get _pods(): PodSelector {
    return this.selector;
  }

  /**
   * How messages name the endpoint: a workload's path, `Service 'cart'`, or `pods app=cart`.
   *
   * @internal
   */
  public get _description(): string {
    return this.description();
  }

  /**
   * The pods' namespace, given the graph's.
   *
   * @internal
   */
  public _namespace(graphNamespace: string | undefined): string | undefined {
    return this.namespaceIn(graphNamespace);
  }

  /**
   * The member's name; throws when none can be derived.
   *
   * @internal
   */
  public get _name(): string {
    return this.memberName();
  }

  /**
   * Whether the user gave the name (a derived name gives way to another member's name for the same pods).
   *
   * @internal
   */
  public get _namedByUser(): boolean {
    return this.namedByUser;
  }

  /**
   * The target ports of a Service endpoint (the chosen ports or all); undefined for pods.
   *
   * @internal
   */
  public get _targetPorts(): Port[] | undefined {
    return this.targetPorts;
  }

  /**
   * Whether Service ports were chosen (meaningless on the sending side).
   *
   * @internal
   */
  public get _portsChosen(): boolean {
    return this.portsChosen;
  }
}

function checkName(factory: string, name: string | undefined): void {
  const problem = name === undefined ? undefined : dns1123LabelProblem(name);
  if (problem) throw new Error(`${factory}: 'name' '${name}' ${problem}; use a short lower-case name such as cart`);
}

function checkNamespace(factory: string, namespace: string | undefined): void {
  const problem = namespace === undefined ? undefined : dns1123LabelProblem(namespace);
  if (problem) throw new Error(`${factory}: 'namespace' '${namespace}' ${problem}; use the namespace's exact name`);
}

/** The name a selector's labels give a member, or an error saying how to name it. */
function nameFromLabels(selector: PodSelector): string {
  const json = selector._toKube();
  const labels = json.matchLabels ?? {};
  const keys = Object.keys(labels);
  const key = keys.length === 1 ? keys[0] : NAME_LABELS.find(k => labels[k] !== undefined);
  const name = key === undefined ? undefined : labels[key];
  const rendered = JSON.stringify(json);
  if (name === undefined) {
    throw new Error(`the pods ${rendered} give no member name (neither one label nor an ${NAME_LABELS.join(', ')} label); name them: Endpoint.pods(selector, { name: 'cart' })`);
  }
  const problem = dns1123LabelProblem(name);
  if (problem) {
    throw new Error(`the member name '${name}', taken from label '${key}' of the pods ${rendered}, ${problem}; name them: Endpoint.pods(selector, { name: 'cart' })`);
  }
  return name;
}

/** `app=cart,tier!=x`: a selector, shortly, for messages; the rendered JSON when it does not render. */
function describeSelector(selector: PodSelector): string {
  let json;
  try {
    json = selector._toKube();
  } catch {
    return '(a selector that does not render)';
  }
  const parts = [
    ...Object.entries(json.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`),
    ...(json.matchExpressions ?? []).map(e => `${e.key} ${e.operator}${e.values ? ` (${e.values.join(',')})` : ''}`),
  ];
  return parts.length === 0 ? '(all)' : parts.join(',');
}
