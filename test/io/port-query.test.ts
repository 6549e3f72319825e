import { parsePortQuery } from '../../src/io';

test.each([
  ['8080', { protocol: 'TCP', port: 8080 }],
  ['8080/TCP', { protocol: 'TCP', port: 8080 }],
  ['53/udp', { protocol: 'UDP', port: 53 }],
  ['9000/SCTP', { protocol: 'SCTP', port: 9000 }],
  ['65535', { protocol: 'TCP', port: 65535 }],
])('%s', (text, expected) => {
  expect(parsePortQuery(text)).toEqual(expected);
});

test.each(['0', '65536', 'http', '80/ICMP', '80/', '/TCP', '-1', '8080-8090'])('%s is refused with what is accepted', text => {
  expect(() => parsePortQuery(text)).toThrow(`invalid port '${text}': expected a port 1-65535, optionally with a protocol (SCTP, TCP, UDP), e.g. 8080 or 53/UDP`);
});
