/**
 * `ports` (v0.1.x) → `protocols` (v1alpha2), docs/migrate.md#the-mapping:
 * `portNumber {protocol, port}` → `<protocol>: {destinationPort: {number}}`,
 * `portRange {protocol, start, end}` → `<protocol>: {destinationPort: {range: {start, end}}}`,
 * `namedPort` → `destinationNamedPort`. The protocol defaults to TCP in v0.1.x.
 */
import { integerAt, listAt, objectAt, onlyKey, onlyKeys, prefixed, describe } from './fields';
import { MigrationError } from './migration-error';

const PROTOCOL_KEYS: Readonly<Record<string, string>> = { TCP: 'tcp', UDP: 'udp', SCTP: 'sctp' };

/** The `protocols` of a rule, or undefined when `ports` is not written (every port, both versions). */
export function protocols(value: unknown, field: string): object[] | undefined {
  if (value === undefined) return undefined;
  // An empty list is no v1alpha2 field at all (protocols: 1..25), and "no port" and "every port" differ.
  const list = listAt(value, field, 25, 'v1alpha2 allows at most 25 protocols in a rule; split the rule into several with the same peers and action');
  return list.map((entry, i) => protocol(entry, `${field}[${i}]`));
}

function protocol(value: unknown, field: string): object {
  const port = objectAt(value, field, 'a port (`portNumber`, `portRange` or `namedPort`)');
  const key = onlyKey(port, field, ['portNumber', 'portRange', 'namedPort']);
  const at = prefixed(field, key);
  if (key === 'namedPort') {
    if (typeof port.namedPort !== 'string' || port.namedPort === '') throw new MigrationError(at, `expected a port name, found ${describe(port.namedPort)}`);
    return { destinationNamedPort: port.namedPort };
  }
  const written = objectAt(port[key], at, key === 'portNumber' ? '`{protocol, port}`' : '`{protocol, start, end}`');
  if (key === 'portNumber') {
    onlyKeys(written, at, ['protocol', 'port']);
    return { [protocolKey(written.protocol, at)]: { destinationPort: { number: integerAt(written.port, prefixed(at, 'port'), 1, 65535) } } };
  }
  onlyKeys(written, at, ['protocol', 'start', 'end']);
  const start = integerAt(written.start, prefixed(at, 'start'), 1, 65535);
  const end = integerAt(written.end, prefixed(at, 'end'), 1, 65535);
  if (end < start) throw new MigrationError(prefixed(at, 'end'), `${end} is below start ${start}: the range holds no port`);
  // v1alpha2 requires start < end; a one-port range is that port.
  const destinationPort = start === end ? { number: start } : { range: { start, end } };
  return { [protocolKey(written.protocol, at)]: { destinationPort } };
}

function protocolKey(value: unknown, field: string): string {
  if (value === undefined) return 'tcp';
  if (typeof value === 'string' && Object.hasOwn(PROTOCOL_KEYS, value)) return PROTOCOL_KEYS[value];
  throw new MigrationError(prefixed(field, 'protocol'), `expected TCP, UDP or SCTP, found ${describe(value)}`);
}
