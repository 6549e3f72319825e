/**
 * A set of (protocol, port) pairs: what a rule, a policy or a whole path allows.
 *
 * Kept as sorted, merged, inclusive port intervals per protocol, so every operation is a
 * linear walk over intervals and two equal sets always have the same representation
 * (which makes `equals` and `toString` trivial and canonical).
 */
import { PROTOCOLS, Protocol } from './model';

/** An inclusive range of ports. */
export interface PortInterval {
  readonly from: number;
  readonly to: number;
}

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

type Intervals = readonly PortInterval[];
type ByProtocol = Readonly<Record<Protocol, Intervals>>;

const FULL: Intervals = [{ from: MIN_PORT, to: MAX_PORT }];

/** True for an integer in 1–65535, the only ports NetworkPolicy can name. */
export function isPortNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= MIN_PORT && n <= MAX_PORT;
}

export class ConnectionSet {
  /** Every port of every protocol. */
  public static all(): ConnectionSet {
    return ConnectionSet.ALL;
  }

  /** Nothing. */
  public static none(): ConnectionSet {
    return ConnectionSet.NONE;
  }

  /** Ports `from`–`to` (inclusive) of one protocol. Throws RangeError outside 1–65535 or when `to < from`. */
  public static ports(protocol: Protocol, from: number, to: number = from): ConnectionSet {
    if (!isPortNumber(from) || !isPortNumber(to) || to < from) {
      throw new RangeError(`invalid port range ${from}-${to}: ports are integers in ${MIN_PORT}-${MAX_PORT} and the end is not below the start`);
    }
    return ConnectionSet.of({ [protocol]: [{ from, to }] });
  }

  /** Every port of one protocol. */
  public static protocol(protocol: Protocol): ConnectionSet {
    return ConnectionSet.of({ [protocol]: FULL });
  }

  private static readonly ALL = new ConnectionSet({ SCTP: FULL, TCP: FULL, UDP: FULL });
  private static readonly NONE = new ConnectionSet({ SCTP: [], TCP: [], UDP: [] });

  private static of(partial: Partial<ByProtocol>): ConnectionSet {
    return new ConnectionSet({ SCTP: partial.SCTP ?? [], TCP: partial.TCP ?? [], UDP: partial.UDP ?? [] });
  }

  private constructor(private readonly byProtocol: ByProtocol) {}

  // union and intersect return an operand when the other is all or nothing: reachability meets
  // these cases on most pairs, and a set is immutable, so sharing it is safe.
  public union(other: ConnectionSet): ConnectionSet {
    if (this.isEmpty() || other.isAll()) return other;
    if (other.isEmpty() || this.isAll()) return this;
    return this.combine(other, unionIntervals);
  }

  public intersect(other: ConnectionSet): ConnectionSet {
    if (this.isAll() || other.isEmpty()) return other;
    if (other.isAll() || this.isEmpty()) return this;
    return this.combine(other, (a, b) => subtractIntervals(a, subtractIntervals(FULL, b)));
  }

  public subtract(other: ConnectionSet): ConnectionSet {
    return this.combine(other, subtractIntervals);
  }

  // The three protocols by name rather than `PROTOCOLS.every(...)`: these run once per hop a lint or
  // reachability judges, mostly before V8 optimises them, where every call would allocate a closure.
  public isEmpty(): boolean {
    const { SCTP, TCP, UDP } = this.byProtocol;
    return SCTP.length === 0 && TCP.length === 0 && UDP.length === 0;
  }

  public isAll(): boolean {
    const { SCTP, TCP, UDP } = this.byProtocol;
    return isFull(SCTP) && isFull(TCP) && isFull(UDP);
  }

  public contains(protocol: Protocol, port: number): boolean {
    return this.byProtocol[protocol].some(i => i.from <= port && port <= i.to);
  }

  public equals(other: ConnectionSet): boolean {
    return this.toString() === other.toString();
  }

  /** The sorted, merged, inclusive port intervals of one protocol. */
  public intervals(protocol: Protocol): readonly PortInterval[] {
    return this.byProtocol[protocol];
  }

  /** np-guard netpol-analyzer's format: `All Connections`, `No Connections`, or `SCTP 1-9002,9004-65535,TCP 80,UDP 53`. */
  public toString(): string {
    if (this.isAll()) return 'All Connections';
    if (this.isEmpty()) return 'No Connections';
    return PROTOCOLS
      .filter(p => this.byProtocol[p].length > 0)
      .map(p => `${p} ${this.byProtocol[p].map(i => i.from === i.to ? `${i.from}` : `${i.from}-${i.to}`).join(',')}`)
      .join(',');
  }

  private combine(other: ConnectionSet, op: (a: Intervals, b: Intervals) => Intervals): ConnectionSet {
    return new ConnectionSet({
      SCTP: op(this.byProtocol.SCTP, other.byProtocol.SCTP),
      TCP: op(this.byProtocol.TCP, other.byProtocol.TCP),
      UDP: op(this.byProtocol.UDP, other.byProtocol.UDP),
    });
  }
}

function isFull(intervals: Intervals): boolean {
  return intervals.length === 1 && intervals[0].from === MIN_PORT && intervals[0].to === MAX_PORT;
}

/** Merge two canonical interval lists; touching intervals (80-81, 82-90) become one. */
function unionIntervals(a: Intervals, b: Intervals): Intervals {
  const sorted = [...a, ...b].sort((x, y) => x.from - y.from);
  const merged: PortInterval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last && next.from <= last.to + 1) {
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, next.to) };
    } else {
      merged.push(next);
    }
  }
  return merged;
}

/** The parts of `a` outside every interval of `b` (both canonical). */
function subtractIntervals(a: Intervals, b: Intervals): Intervals {
  const result: PortInterval[] = [];
  for (const interval of a) {
    let from = interval.from;
    for (const cut of b) {
      if (cut.to < from || cut.from > interval.to) continue;
      if (cut.from > from) result.push({ from, to: cut.from - 1 });
      from = cut.to + 1;
    }
    if (from <= interval.to) result.push({ from, to: interval.to });
  }
  return result;
}
