/**
 * What a rule allows toward a peer that is not in the input (docs/exposure.md): port numbers,
 * plus named ports that cannot be resolved, because the destination pod is not known. Kept by
 * name, as np-guard netpol-analyzer does, so that `TCP http` says what the policy grants.
 */
import { ConnectionSet } from './connection-set';
import { PROTOCOLS, type Protocol } from './model';

/** A named port of a rule toward a destination that is not known: resolved on whatever pod it is. */
export interface NamedPortRef {
  readonly protocol: Protocol;
  readonly name: string;
}

export class PotentialConnections {
  public static none(): PotentialConnections {
    return PotentialConnections.NONE;
  }

  public static all(): PotentialConnections {
    return PotentialConnections.ALL;
  }

  /** Numbers only (what a rule allows toward a known destination, where named ports resolve). */
  public static of(conns: ConnectionSet, namedPorts: readonly NamedPortRef[] = []): PotentialConnections {
    const unique = new Map(namedPorts.map(p => [`${p.protocol}/${p.name}`, p]));
    return new PotentialConnections(conns, [...unique.values()].sort((a, b) => (a.protocol + a.name < b.protocol + b.name ? -1 : 1)));
  }

  private static readonly NONE = new PotentialConnections(ConnectionSet.none(), []);
  private static readonly ALL = new PotentialConnections(ConnectionSet.all(), []);

  private constructor(
    /** The port numbers allowed. */
    public readonly conns: ConnectionSet,
    /** Named ports allowed on a destination that exposes them, sorted by protocol then name. */
    public readonly namedPorts: readonly NamedPortRef[],
  ) {}

  public union(other: PotentialConnections): PotentialConnections {
    if (other.isEmpty()) return this;
    if (this.isEmpty()) return other;
    return PotentialConnections.of(this.conns.union(other.conns), [...this.namedPorts, ...other.namedPorts]);
  }

  public isEmpty(): boolean {
    return this.conns.isEmpty() && this.namedPorts.length === 0;
  }

  /**
   * Whether everything this allows is also allowed by `other`: its numbers are within
   * `other`'s, and each named port is one of `other`'s names or within a protocol `other` allows whole.
   */
  public containedIn(other: PotentialConnections): boolean {
    if (!this.conns.subtract(other.conns).isEmpty()) return false;
    const wholeProtocol = (protocol: Protocol) => ConnectionSet.protocol(protocol).subtract(other.conns).isEmpty();
    return this.namedPorts.every(p => other.namedPorts.some(o => o.protocol === p.protocol && o.name === p.name) || wholeProtocol(p.protocol));
  }

  /** np-guard's text: `All Connections`, `No Connections`, or per protocol numbers then names (`TCP 80,http,UDP 53`). */
  public toString(): string {
    if (this.conns.isAll()) return 'All Connections';
    if (this.isEmpty()) return 'No Connections';
    return PROTOCOLS.flatMap(protocol => {
      const numbers = this.conns.intervals(protocol).map(i => (i.from === i.to ? `${i.from}` : `${i.from}-${i.to}`));
      const names = this.namedPorts.filter(p => p.protocol === protocol).map(p => p.name);
      return numbers.length + names.length === 0 ? [] : [`${protocol} ${[...numbers, ...names].join(',')}`];
    }).join(',');
  }
}
