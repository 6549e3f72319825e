/**
 * Every `Port` the vocabulary can make is written by ClusterNetworkPolicy as a `protocols` entry
 * the CRD accepts, matching exactly the ports it names: no port more (never more permissive than
 * asked), none less.
 */
import fc from 'fast-check';
import { ClusterAction, ClusterNetworkPolicy, ClusterPeer, ClusterSubject, ClusterTier, NamespaceSelector, Port, Protocol } from '../../src';
import { validateClusterNetworkPolicy } from '../../src/analysis/validation/validate-cluster-network-policy';
import { makeChart, synth } from '../policies/helpers';
import { propertySettings } from '../support/property-settings';

const NUM_RUNS = 300;
const MAX = 65535;

/** A port the vocabulary makes, with the protocol and port numbers it means (a name means no number). */
interface Case {
  readonly port: Port;
  /** undefined for a named port: v1alpha2 writes none, the container port's decides. */
  readonly protocol?: string;
  readonly first?: number;
  readonly last?: number;
  readonly name?: string;
}

const portNumber = fc.integer({ min: 1, max: MAX });
const protocol = fc.constantFrom(Protocol.TCP, Protocol.UDP, Protocol.SCTP);

const single = fc.tuple(protocol, portNumber).map(([p, n]): Case => ({
  port: p === Protocol.TCP ? Port.tcp(n) : p === Protocol.UDP ? Port.udp(n) : Port.sctp(n), protocol: p, first: n, last: n,
}));
const range = fc.tuple(protocol, portNumber, portNumber).map(([p, a, b]): Case => {
  const [from, to] = a <= b ? [a, b] : [b, a];
  const port = p === Protocol.TCP ? Port.tcpRange(from, to) : p === Protocol.UDP ? Port.udpRange(from, to) : Port.sctpRange(from, to);
  return { port, protocol: p, first: from, last: to };
});
const every = protocol.map((p): Case => ({
  port: p === Protocol.TCP ? Port.allTcp() : p === Protocol.UDP ? Port.allUdp() : Port.allSctp(), protocol: p, first: 1, last: MAX,
}));
const named = fc.constantFrom('http', 'metrics', 'dns-tcp', 'h2c').map((name): Case => ({ port: Port.named(name), name }));

/** The protocol and port numbers a `protocols` entry matches, read back from the manifest. */
function meaning(entry: any): Omit<Case, 'port'> {
  if (entry.destinationNamedPort !== undefined) return { name: entry.destinationNamedPort };
  const [[key, value]] = Object.entries(entry) as Array<[string, any]>;
  const { number, range: r } = value.destinationPort;
  return { protocol: key.toUpperCase(), first: number ?? r.start, last: number ?? r.end };
}

test('each Port is a protocols entry the CRD accepts, meaning exactly its ports', () => {
  fc.assert(fc.property(fc.array(fc.oneof(single, range, every, named), { minLength: 1, maxLength: 25 }), cases => {
    const chart = makeChart();
    new ClusterNetworkPolicy(chart, 'p', {
      tier: ClusterTier.ADMIN,
      priority: 1,
      subject: ClusterSubject.namespaces(NamespaceSelector.all()),
      egress: [{ action: ClusterAction.DENY, peers: [ClusterPeer.namespaces(NamespaceSelector.all())], ports: cases.map(c => c.port) }],
    });
    const [written] = synth(chart);
    expect(validateClusterNetworkPolicy(written)).toEqual([]);
    expect(written.spec.egress[0].protocols.map(meaning)).toEqual(cases.map(({ port: _, ...rest }) => rest));
  }), propertySettings(NUM_RUNS));
});
