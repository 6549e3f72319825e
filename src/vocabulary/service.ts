import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { readableName } from './object-name';
import { PodSelector } from './pod-selector';
import { Port } from './port';
import { Protocol } from './protocol';
import { registerServicePods } from './service-pods';
import { IWorkloadMetadata } from './workload';
import { dns1123LabelProblem } from '../analysis/validation/dns-1123';
import { ianaSvcNameProblem } from '../analysis/validation/iana-svc-name';

/**
 * Options for `ServicePort.of()`.
 */
export interface ServicePortOptions {
  /** The port clients connect to (the Service's `port`), 1–65535. */
  readonly port: number;

  /**
   * The pods' port number the Service forwards to (`targetPort`), 1–65535.
   *
   * @default - `targetPortName` when given, else the same number as `port`
   */
  readonly targetPort?: number;

  /**
   * The name of the pods' container port the Service forwards to (a named `targetPort`).
   *
   * @default - a numeric target port
   */
  readonly targetPortName?: string;

  /**
   * The protocol of the port.
   *
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;

  /**
   * The Service port's own name (`ports[].name`), by which `Endpoint.service` can choose it.
   *
   * @default - unnamed
   */
  readonly name?: string;
}

/**
 * One port of a Service: the port clients connect to, and the pods' port it forwards to.
 *
 * A NetworkPolicy sees traffic after the Service has forwarded it, so it must allow the target
 * port, never the Service port: `target` is that port, as a policy writes it.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
 */
export class ServicePort {
  /**
   * A TCP port.
   *
   * @param port the port clients connect to
   * @param targetPort the pods' port; the same number when not given
   */
  public static tcp(port: number, targetPort?: number): ServicePort {
    return ServicePort.of({ port, targetPort });
  }

  /**
   * A UDP port.
   *
   * @param port the port clients connect to
   * @param targetPort the pods' port; the same number when not given
   */
  public static udp(port: number, targetPort?: number): ServicePort {
    return ServicePort.of({ port, targetPort, protocol: Protocol.UDP });
  }

  /**
   * Any port: a named target port, another protocol, a port name.
   */
  public static of(options: ServicePortOptions): ServicePort {
    const where = `ServicePort ${options.port}`;
    refuseBadPortNumber(where, 'port', options.port);
    const protocol = options.protocol ?? Protocol.TCP;
    if (options.targetPort !== undefined && options.targetPortName !== undefined) {
      throw new Error(`${where}: both 'targetPort' (${options.targetPort}) and 'targetPortName' ('${options.targetPortName}') are set, and a Service port forwards to one of them; keep the one the Service's manifest has`);
    }
    if (options.name !== undefined) {
      const problem = dns1123LabelProblem(options.name);
      if (problem) throw new Error(`${where}: 'name' '${options.name}' ${problem}; use the Service port's name, e.g. http`);
    }
    let target: Port;
    if (options.targetPortName !== undefined) {
      const problem = ianaSvcNameProblem(options.targetPortName);
      if (problem) throw new Error(`${where}: 'targetPortName' '${options.targetPortName}' ${problem}; use the container port's name, e.g. http`);
      target = Port.named(options.targetPortName, protocol);
    } else {
      const number = options.targetPort ?? options.port;
      refuseBadPortNumber(where, 'targetPort', number);
      target = portOf(protocol, number);
    }
    return new ServicePort(options.port, protocol, target, options.name);
  }

  /**
   * @param port The port clients connect to.
   * @param protocol The port's protocol.
   * @param target The pods' port the Service forwards to: what a policy allows.
   * @param name The Service port's name.
   */
  private constructor(
    public readonly port: number,
    public readonly protocol: Protocol,
    public readonly target: Port,
    public readonly name?: string) {
  }
}

/**
 * Props for `Service.of()`.
 */
export interface ServiceProps {
  /** The Service's name (a DNS-1123 label). */
  readonly name: string;

  /**
   * The Service's namespace.
   *
   * @default - the namespace of whatever uses it (a `ConnectionGraph`: its namespace)
   */
  readonly namespace?: string;

  /** The Service's `selector`: the labels of the pods it forwards to. */
  readonly selector: { [key: string]: string };

  /** Its ports, at least one. */
  readonly ports: ServicePort[];
}

/**
 * A port of a cdk8s-plus Service, as its `ports` lists it.
 */
export interface KubeServicePort {
  /** The port clients connect to. */
  readonly port: number;

  /**
   * The pods' port it forwards to.
   *
   * @default - the same as `port`
   */
  readonly targetPort?: number;

  /**
   * `TCP`, `UDP` or `SCTP`.
   *
   * @default 'TCP'
   */
  readonly protocol?: string;

  /**
   * The port's name.
   *
   * @default - unnamed
   */
  readonly name?: string;
}

/**
 * A cdk8s-plus Service, of any cdk8s-plus version, described by the public members the library
 * reads (a shape, as `IWorkload` is for workloads). Its selector is read from the manifest it
 * renders.
 */
export interface IKubeService extends IConstruct {
  /** Where the Service is written: the library reads its namespace. */
  readonly metadata: IWorkloadMetadata;

  /** The Service's ports. */
  readonly ports: KubeServicePort[];
}

/**
 * A Kubernetes Service as a NetworkPolicy needs it: the pods it forwards to (its selector) and,
 * for each of its ports, the pods' port it forwards to.
 *
 * Policies never see Service ports: a connection to `cart:80` reaches the cart pods on the target
 * port, and that is the port a policy must allow. Give a `Service` to `Endpoint.service` and the
 * policies get the target ports, never the Service ports.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/
 */
export class Service {
  /**
   * A Service described by its name, selector and ports.
   */
  public static of(props: ServiceProps): Service {
    const where = `Service '${props.name}'`;
    const nameProblem = dns1123LabelProblem(props.name);
    if (nameProblem) throw new Error(`Service: 'name' '${props.name}' ${nameProblem}; use the Service's metadata.name`);
    if (props.namespace !== undefined) {
      const problem = dns1123LabelProblem(props.namespace);
      if (problem) throw new Error(`${where}: 'namespace' '${props.namespace}' ${problem}; use the namespace's exact name`);
    }
    return new Service(where, props.name, props.namespace, props.selector, props.ports);
  }

  /**
   * A cdk8s-plus Service (of any version): its name, selector, ports and namespace, read now:
   * `select()` and `bind()` calls made after this one are not seen. Its name is its
   * `metadata.name`, or its construct id when cdk8s generated the name (a hash).
   *
   * @param service a cdk8s-plus `Service`
   */
  public static fromKplus(service: IKubeService): Service {
    const where = `Service.fromKplus(${service.node.path})`;
    let spec: { selector?: { [key: string]: string } };
    try {
      spec = ApiObject.of(service).toJson().spec ?? {};
    } catch (e) {
      throw new Error(`${where}: the Service does not render: ${(e as Error).message}`);
    }
    const ports = service.ports.map(port => ServicePort.of({
      port: port.port,
      targetPort: port.targetPort,
      protocol: protocolOf(where, port.protocol),
      name: port.name,
    }));
    const namespace = service.metadata.namespace ?? Chart.of(service).namespace;
    return new Service(where, readableName(service, service.metadata), namespace, spec.selector ?? {}, ports);
  }

  /** The Service's name. */
  public readonly name: string;

  /**
   * The Service's namespace.
   *
   * @default - that of whatever uses it
   */
  public readonly namespace?: string;

  /** The pods the Service forwards to. */
  public readonly pods: PodSelector;

  private readonly servicePorts: ServicePort[];

  private constructor(where: string, name: string, namespace: string | undefined, selector: { [key: string]: string }, servicePorts: ServicePort[]) {
    if (Object.keys(selector).length === 0) {
      // Without a selector the Service's endpoints are written by hand: no label selects its backends.
      throw new Error(`${where}: the Service has no selector, so its backends are whatever Endpoints someone writes, which no pod selector matches; select its pods directly (Endpoint.pods) or its addresses (Peer.ipBlock)`);
    }
    if (servicePorts.length === 0) {
      throw new Error(`${where}: the Service has no ports; list its ports, e.g. ServicePort.tcp(80, 8080)`);
    }
    servicePorts.forEach((port, i) => {
      const same = servicePorts.findIndex(other => other.port === port.port && other.protocol === port.protocol);
      if (same !== i) throw new Error(`${where}: port ${port.port}/${port.protocol} is listed twice (ports[${same}] and ports[${i}]); a Service has each port once`);
      if (port.name !== undefined && servicePorts.findIndex(other => other.name === port.name) !== i) {
        throw new Error(`${where}: the port name '${port.name}' is used twice; a Service's port names are unique`);
      }
    });
    this.name = name;
    this.namespace = namespace;
    this.pods = PodSelector.labels(selector);
    registerServicePods(this.pods, this);
    this.servicePorts = [...servicePorts];
  }

  /** The Service's ports. */
  public get ports(): ServicePort[] {
    return [...this.servicePorts];
  }

  /**
   * The Service port clients connect to as `port` (any protocol when the number is used by one only).
   *
   * @param port the Service port number, e.g. 80
   * @param protocol which protocol's port, when the number is on several
   */
  public port(port: number, protocol?: Protocol): ServicePort {
    const found = this.servicePorts.filter(p => p.port === port && (protocol === undefined || p.protocol === protocol));
    if (found.length === 0) {
      throw new Error(`Service '${this.name}' has no port ${port}${protocol ? `/${protocol}` : ''}; its ports are ${this.describePorts()}`);
    }
    if (found.length > 1) {
      throw new Error(`Service '${this.name}' has port ${port} on ${found.map(p => p.protocol).join(' and ')}; choose it by its name (Endpoint.service(service, { portNames })), or by number and protocol: port(${port}, Protocol.${found[0].protocol})`);
    }
    return found[0];
  }

  /**
   * The Service port with this name.
   *
   * @param name the Service port's name, e.g. `http`
   */
  public portNamed(name: string): ServicePort {
    const found = this.servicePorts.find(p => p.name === name);
    if (found === undefined) {
      throw new Error(`Service '${this.name}' has no port named '${name}'; its ports are ${this.describePorts()}`);
    }
    return found;
  }

  /** The pods' ports every Service port forwards to: what a policy allows for the whole Service. */
  public get targetPorts(): Port[] {
    return this.servicePorts.map(port => port.target);
  }

  private describePorts(): string {
    return this.servicePorts.map(describeServicePort).join(', ');
  }
}

function refuseBadPortNumber(where: string, field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${where}: '${field}' ${value} is not a port number; use a whole number from 1 to 65535`);
  }
}

function portOf(protocol: Protocol, port: number): Port {
  switch (protocol) {
    case Protocol.UDP: return Port.udp(port);
    case Protocol.SCTP: return Port.sctp(port);
    default: return Port.tcp(port);
  }
}

function protocolOf(where: string, protocol: string | undefined): Protocol {
  if (protocol === undefined) return Protocol.TCP;
  const known = Object.values(Protocol).find(p => p === protocol);
  if (known === undefined) throw new Error(`${where}: port protocol '${protocol}' is not TCP, UDP or SCTP`);
  return known;
}

/** `80 → 7070/TCP`, `http 80 → http/TCP`: how messages show a Service port. */
function describeServicePort(port: ServicePort): string {
  const target = port.target.portName ?? port.target.portNumber;
  return `${port.name !== undefined ? `${port.name} ` : ''}${port.port} → ${target}/${port.protocol}`;
}
