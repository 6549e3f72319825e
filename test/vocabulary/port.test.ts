import { AllowFrom, Peer, PodSelector, Port, Protocol } from '../../src';
import { errorOf, ingressRule, makeChart, synth } from '../policies/helpers';

describe('Port', () => {
  test('renders every kind of port (snapshot)', () => {
    const chart = makeChart();
    new AllowFrom(chart, 'allow', {
      pods: PodSelector.labels({ app: 'web' }),
      from: [Peer.allNamespaces()],
      ports: [Port.tcp(80), Port.udp(53), Port.sctp(9000), Port.tcpRange(32000, 32768), Port.allUdp(), Port.named('metrics')],
    });
    expect(synth(chart)).toMatchSnapshot();
  });

  test.each([
    ['tcp', Port.tcp(8080), { protocol: 'TCP', port: 8080 }],
    ['udp', Port.udp(53), { protocol: 'UDP', port: 53 }],
    ['sctp', Port.sctp(9000), { protocol: 'SCTP', port: 9000 }],
    ['tcpRange uses endPort', Port.tcpRange(32000, 32768), { protocol: 'TCP', port: 32000, endPort: 32768 }],
    ['udpRange', Port.udpRange(1000, 2000), { protocol: 'UDP', port: 1000, endPort: 2000 }],
    ['sctpRange', Port.sctpRange(1, 65535), { protocol: 'SCTP', port: 1, endPort: 65535 }],
    ['a one-port range is that port', Port.tcpRange(80, 80), { protocol: 'TCP', port: 80 }],
    ['allTcp is the protocol only, never port 0', Port.allTcp(), { protocol: 'TCP' }],
    ['allUdp', Port.allUdp(), { protocol: 'UDP' }],
    ['allSctp', Port.allSctp(), { protocol: 'SCTP' }],
    ['named defaults to TCP, explicitly', Port.named('http'), { protocol: 'TCP', port: 'http' }],
    ['named UDP', Port.named('dns', Protocol.UDP), { protocol: 'UDP', port: 'dns' }],
    ['named SCTP', Port.named('diameter', Protocol.SCTP), { protocol: 'SCTP', port: 'diameter' }],
    ['port 65535', Port.tcp(65535), { protocol: 'TCP', port: 65535 }],
  ])('%s', (_name, port, rendered) => {
    expect(ingressRule([Peer.allNamespaces()], [port]).ports).toEqual([rendered]);
  });

  test('exposes protocol (the library\'s Protocol), number, end and name', () => {
    expect([Port.tcp(1), Port.allUdp(), Port.sctpRange(1, 2)].map(p => p.protocol)).toEqual([Protocol.TCP, Protocol.UDP, Protocol.SCTP]);
    expect(Port.tcpRange(1, 2)).toMatchObject({ protocol: 'TCP', portNumber: 1, endPort: 2 });
    expect(Port.named('http')).toMatchObject({ protocol: 'TCP', portName: 'http', portNumber: undefined });
  });

  test('omitted ports mean every port and protocol', () => {
    expect(ingressRule([Peer.allNamespaces()])).toEqual({ from: [{ namespaceSelector: {} }] });
  });

  test.each([
    [Port.tcp(0), 'spec.ingress[0].ports[0].port: 0 must be between 1 and 65535, inclusive'],
    [Port.udp(65536), 'spec.ingress[0].ports[0].port: 65536 must be between 1 and 65535, inclusive'],
    [Port.tcp(80.5), 'spec.ingress[0].ports[0].port: 80.5 must be between 1 and 65535'],
    [Port.tcpRange(90, 80), 'spec.ingress[0].ports[0].endPort: 80 must be greater than or equal to `port` (90); use an endPort of at least 90, or swap port and endPort'],
    [Port.tcpRange(1, 70000), 'spec.ingress[0].ports[0].endPort: 70000 must be between 1 and 65535'],
    [Port.named('HTTP'), "spec.ingress[0].ports[0].port: HTTP is not a valid port name: it may hold only lower-case letters, digits and '-'"],
    [Port.named('8080'), 'spec.ingress[0].ports[0].port: 8080 is not a valid port name: it must contain at least one letter (a quoted number is a name, not a port number); write the number without quotes: 8080'],
    [Port.named('a--b'), "spec.ingress[0].ports[0].port: a--b is not a valid port name: it must not contain '--'"],
    [Port.named('very-long-port-name'), 'spec.ingress[0].ports[0].port: very-long-port-name is not a valid port name: it must be 1 to 15 characters long'],
  ])('refuses %p at construction with path, field, value and fix', (port, message) => {
    const error = errorOf(() => new AllowFrom(makeChart(), 'allow', { pods: PodSelector.all(), from: [Peer.allNamespaces()], ports: [port] }));
    expect(error).toContain(`AllowFrom test/allow: ${message}`);
    expect(error).toMatch(/; \S/);
  });

  test('accepts dns-tcp and other valid names', () => {
    expect(ingressRule([Peer.allNamespaces()], [Port.named('dns-tcp'), Port.named('h2c-1')]).ports.map((p: any) => p.port)).toEqual(['dns-tcp', 'h2c-1']);
  });
});
