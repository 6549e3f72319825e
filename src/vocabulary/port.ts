import { Protocol } from './protocol';

/**
 * A protocol and port (or port range) a rule allows: one entry of `ports`.
 *
 * Leaving `ports` out of a rule allows every port of every protocol. Ports are the pods' (container)
 * ports, not Service ports.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-range-of-ports
 */
export class Port {
  /**
   * One TCP port.
   *
   * @param port 1–65535
   */
  public static tcp(port: number): Port {
    return new Port(Protocol.TCP, port);
  }

  /**
   * One UDP port.
   *
   * @param port 1–65535
   */
  public static udp(port: number): Port {
    return new Port(Protocol.UDP, port);
  }

  /**
   * One SCTP port.
   *
   * @param port 1–65535
   */
  public static sctp(port: number): Port {
    return new Port(Protocol.SCTP, port);
  }

  /**
   * A range of TCP ports, both ends included (`port` and `endPort`). Network plugins without
   * `endPort` support enforce only the first port.
   *
   * @param from first port, 1–65535
   * @param to last port, at least `from`
   */
  public static tcpRange(from: number, to: number): Port {
    return Port.range(Protocol.TCP, from, to);
  }

  /**
   * A range of UDP ports, both ends included (`port` and `endPort`).
   *
   * @param from first port, 1–65535
   * @param to last port, at least `from`
   */
  public static udpRange(from: number, to: number): Port {
    return Port.range(Protocol.UDP, from, to);
  }

  /**
   * A range of SCTP ports, both ends included (`port` and `endPort`).
   *
   * @param from first port, 1–65535
   * @param to last port, at least `from`
   */
  public static sctpRange(from: number, to: number): Port {
    return Port.range(Protocol.SCTP, from, to);
  }

  /** Every TCP port (the protocol alone, no port). */
  public static allTcp(): Port {
    return new Port(Protocol.TCP);
  }

  /** Every UDP port (the protocol alone, no port). */
  public static allUdp(): Port {
    return new Port(Protocol.UDP);
  }

  /** Every SCTP port (the protocol alone, no port). */
  public static allSctp(): Port {
    return new Port(Protocol.SCTP);
  }

  /**
   * A named container port, resolved on the destination pods (each pod may map the name to its own
   * number). Not allowed with `ipBlock` peers: use a number there.
   *
   * @param name the container port's name, e.g. `http` (1–15 lower-case letters, digits and '-')
   * @param protocol the protocol of that container port; TCP when not given
   */
  public static named(name: string, protocol?: Protocol): Port {
    return new Port(protocol ?? Protocol.TCP, undefined, undefined, name);
  }

  private static range(protocol: Protocol, from: number, to: number): Port {
    // A one-port range is just that port; it needs no `endPort` support from the plugin.
    return from === to ? new Port(protocol, from) : new Port(protocol, from, to);
  }

  /**
   * @param protocol The protocol.
   * @param portNumber The (first) port number; undefined for a named port or every port of the protocol.
   * @param endPort The last port of a range.
   * @param portName The container port's name, for a named port.
   */
  private constructor(
    public readonly protocol: Protocol,
    public readonly portNumber?: number,
    public readonly endPort?: number,
    public readonly portName?: string) {
  }

  /**
   * The port as written in a manifest (plain JSON, not the L1 type whose `IntOrString` synth must
   * convert); the protocol is always explicit.
   *
   * @internal
   */
  public _toKube(): { readonly protocol: string; readonly port?: number | string; readonly endPort?: number } {
    const port = this.portName ?? this.portNumber;
    // Assigned, not spread: see renderSelector.
    const json: { protocol: string; port?: number | string; endPort?: number } = { protocol: this.protocol };
    if (port !== undefined) json.port = port;
    if (this.endPort !== undefined) json.endPort = this.endPort;
    return json;
  }
}
