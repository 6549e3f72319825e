/**
 * The port list of a cluster policy rule: v1alpha2 `protocols` (tcp/udp/sctp with a
 * `destinationPort`, or `destinationNamedPort`) and v1alpha1 `ports` (`portNumber`, `portRange`,
 * `namedPort`). docs/cluster-policies.md#what-the-api-server-refuses.
 */
import { ClusterDialect } from './cluster-dialects';
import { exactlyOne, expectBoundedList, expectIntegerIn, requireField } from './cluster-schema';
import { ianaSvcNameProblem } from './iana-svc-name';
import { present, Report } from './report';

const MAX_PORT = 65535;
const TRANSPORTS = ['tcp', 'udp', 'sctp'];
const V1ALPHA1_PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const PORT_FIX = 'use a port number from 1 to 65535';

/** Validates a rule's port list; returns whether it names a port (which only pods have). */
export function validateClusterPorts(report: Report, dialect: ClusterDialect, field: string, ports: unknown): boolean {
  if (!present(ports) || !expectBoundedList(report, field, ports, 1, dialect.maxPorts, 'ports',
    `list at least one port, or remove '${dialect.portsField}' to match every port`)) return false;
  let named = false;
  ports.forEach((entry, i) => {
    const entryField = `${field}[${i}]`;
    if (!report.expectObject(entryField, entry)) return;
    const fields = dialect.portsField === 'protocols' ? [...TRANSPORTS, 'destinationNamedPort'] : ['portNumber', 'portRange', 'namedPort'];
    report.unknownFields(entryField, entry, fields);
    const set = exactlyOne(report, entryField, entry, fields, `set one of ${fields.join(', ')}`);
    if (set === dialect.namedPortField) {
      named = true;
      validateNamedPort(report, `${entryField}.${set}`, entry[set]);
    } else if (set === 'portNumber') {
      validatePortNumber(report, `${entryField}.portNumber`, entry.portNumber);
    } else if (set === 'portRange') {
      validateV1alpha1Range(report, `${entryField}.portRange`, entry.portRange);
    } else if (set !== undefined) {
      validateTransport(report, `${entryField}.${set}`, entry[set]);
    }
  });
  return named;
}

/** `tcp: {destinationPort: {number: 80}}` or `{range: {start, end}}`; `tcp: {}` is refused (minProperties 1). */
function validateTransport(report: Report, field: string, transport: unknown): void {
  if (!report.expectObject(field, transport)) return;
  report.unknownFields(field, transport, ['destinationPort']);
  if (!present(transport.destinationPort)) {
    report.reject(`${field}.destinationPort`, undefined, 'is required (an empty protocol entry is refused)',
      'set destinationPort: {number: <port>}, or {range: {start: 1, end: 65535}} for every port of the protocol');
    return;
  }
  const portField = `${field}.destinationPort`;
  const port = transport.destinationPort;
  if (!report.expectObject(portField, port)) return;
  report.unknownFields(portField, port, ['number', 'range']);
  const set = exactlyOne(report, portField, port, ['number', 'range'], 'set number: <port>, or range: {start, end}');
  if (set === 'number') {
    expectIntegerIn(report, `${portField}.number`, port.number, 1, MAX_PORT, PORT_FIX);
  } else if (set === 'range') {
    validateRange(report, `${portField}.range`, port.range);
  }
}

/** v1alpha2 range: start and end required, and (CEL) `self.start < self.end`. */
function validateRange(report: Report, field: string, range: unknown): void {
  if (!report.expectObject(field, range)) return;
  report.unknownFields(field, range, ['start', 'end']);
  const start = requireField(report, `${field}.start`, range.start, 'set the first port of the range')
    && expectIntegerIn(report, `${field}.start`, range.start, 1, MAX_PORT, PORT_FIX);
  const end = requireField(report, `${field}.end`, range.end, 'set the last port of the range')
    && expectIntegerIn(report, `${field}.end`, range.end, 1, MAX_PORT, PORT_FIX);
  if (start && end && (range.start as number) >= (range.end as number)) {
    report.reject(`${field}.end`, range.end, `must be greater than start (${range.start}): Start port must be less than End port`,
      range.start === range.end ? `use destinationPort: {number: ${range.start}} for one port` : 'swap start and end');
  }
}

function validatePortNumber(report: Report, field: string, port: unknown): void {
  if (!report.expectObject(field, port)) return;
  report.unknownFields(field, port, ['protocol', 'port']);
  validateV1alpha1Protocol(report, `${field}.protocol`, port.protocol);
  if (requireField(report, `${field}.port`, port.port, 'set the port number')) {
    expectIntegerIn(report, `${field}.port`, port.port, 1, MAX_PORT, PORT_FIX);
  }
}

/**
 * v1alpha1 range. Its CRD checks neither the protocol's spelling nor that start < end (only the
 * field comments say so): the server accepts them, and what a network plugin makes of them is its
 * own reading, so they are traps.
 */
function validateV1alpha1Range(report: Report, field: string, range: unknown): void {
  if (!report.expectObject(field, range)) return;
  report.unknownFields(field, range, ['protocol', 'start', 'end']);
  validateV1alpha1Protocol(report, `${field}.protocol`, range.protocol);
  const start = requireField(report, `${field}.start`, range.start, 'set the first port of the range')
    && expectIntegerIn(report, `${field}.start`, range.start, 1, MAX_PORT, PORT_FIX);
  const end = requireField(report, `${field}.end`, range.end, 'set the last port of the range')
    && expectIntegerIn(report, `${field}.end`, range.end, 1, MAX_PORT, PORT_FIX);
  if (start && end && (range.start as number) >= (range.end as number)) {
    report.trap(`${field}.end`, range.end, `is not greater than start (${range.start}), which the field's documentation requires; the v1alpha1 CRD does not check it, and network plugins read such a range differently`,
      range.start === range.end ? `use portNumber: {port: ${range.start}} for one port` : 'swap start and end');
  }
}

function validateV1alpha1Protocol(report: Report, field: string, protocol: unknown): void {
  if (present(protocol) && !V1ALPHA1_PROTOCOLS.includes(protocol as string)) {
    report.trap(field, protocol, 'is not TCP, UDP or SCTP; the v1alpha1 CRD does not check it, and no traffic has such a protocol', `use one of ${V1ALPHA1_PROTOCOLS.join(', ')} (upper case), or omit it for TCP`);
  }
}

/**
 * The CRD takes any string, but a container port's name is an IANA service name: any other
 * name matches no port, so a Deny or Pass with it silently matches nothing.
 */
function validateNamedPort(report: Report, field: string, name: unknown): void {
  if (!report.expectString(field, name)) return;
  const problem = ianaSvcNameProblem(name);
  if (problem) {
    report.trap(field, name, `${problem}, so it can match no container port`, 'use the lower-case name of a container port such as http, or a port number');
  }
}
