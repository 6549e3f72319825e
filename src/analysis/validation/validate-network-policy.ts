/**
 * The one validator of NetworkPolicy objects. The constructs run it on what they are about to
 * write (and throw on any problem); the analyzer's loader and lint run it on what they read.
 *
 * It works on the plain manifest (JSON as written in YAML), so it must survive any shape:
 * wrong types are reported, never thrown. Rules follow the API server's validation of
 * networking.k8s.io/v1 (docs/semantics.md §1, severity `rejected`) plus the traps it accepts but almost
 * nobody means (severity `trap`).
 */
import { ianaSvcNameProblem } from './iana-svc-name';
import { validateIpBlock } from './ip-block';
import { validateMetadata } from './metadata';
import { ValidationProblem } from './problem';
import { present, Report } from './report';
import { validateSelector } from './selector';

const API_VERSION = 'networking.k8s.io/v1';
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const POLICY_TYPES = ['Ingress', 'Egress'];
const MAX_PORT = 65535;
const DOCUMENT = '';

/** Every problem in a NetworkPolicy manifest object, in document order; empty when it is valid. */
export function validateNetworkPolicy(obj: unknown): ValidationProblem[] {
  const report = new Report();
  if (!report.expectObject(DOCUMENT, obj)) {
    return report.problems;
  }
  report.unknownFields(DOCUMENT, obj, ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  if (obj.apiVersion !== API_VERSION) {
    report.reject('apiVersion', obj.apiVersion, `is not ${API_VERSION}, the only NetworkPolicy version Kubernetes serves`, `set apiVersion: ${API_VERSION}`);
  }
  if (obj.kind !== 'NetworkPolicy') {
    report.reject('kind', obj.kind, 'is not NetworkPolicy', 'set kind: NetworkPolicy');
  }
  validateMetadata(report, obj.metadata);
  if (present(obj.spec) && report.expectObject('spec', obj.spec)) {
    validateSpec(report, obj.spec);
  }
  return report.problems;
}

function validateSpec(report: Report, spec: Record<string, unknown>): void {
  report.unknownFields('spec', spec, ['podSelector', 'ingress', 'egress', 'policyTypes']);
  if (present(spec.podSelector)) {
    validateSelector(report, 'spec.podSelector', spec.podSelector);
  }
  validateRules(report, 'ingress', spec.ingress);
  validateRules(report, 'egress', spec.egress);
  validatePolicyTypes(report, spec);
}

function validateRules(report: Report, direction: 'ingress' | 'egress', rules: unknown): void {
  const field = `spec.${direction}`;
  if (!present(rules) || !report.expectList(field, rules)) {
    return;
  }
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  rules.forEach((rule, i) => {
    const ruleField = `${field}[${i}]`;
    if (!report.expectObject(ruleField, rule)) {
      return;
    }
    report.unknownFields(ruleField, rule, [peersKey, 'ports']);
    const peers = validatePeers(report, `${ruleField}.${peersKey}`, rule[peersKey], direction);
    const hasIpBlock = peers.some(peer => present(peer.ipBlock));
    validatePorts(report, `${ruleField}.ports`, rule.ports, hasIpBlock);
  });
}

/** Validates a `from`/`to` list; returns its well-formed peer objects for cross-field checks. */
function validatePeers(report: Report, field: string, peers: unknown, direction: 'ingress' | 'egress'): Record<string, unknown>[] {
  if (!present(peers) || !report.expectList(field, peers)) {
    return [];
  }
  if (peers.length === 0) {
    const everyone = direction === 'ingress' ? 'allow from everyone' : 'allow to everyone';
    report.trap(field, peers, `is empty, which Kubernetes reads as "${everyone}" (external addresses included), not "nobody"`,
      `list the peers to allow, or remove '${field.split('.').pop()}' if every peer is really meant`);
  }
  const valid: Record<string, unknown>[] = [];
  peers.forEach((peer, k) => {
    const peerField = `${field}[${k}]`;
    if (!report.expectObject(peerField, peer)) {
      return;
    }
    valid.push(peer);
    report.unknownFields(peerField, peer, ['podSelector', 'namespaceSelector', 'ipBlock']);
    const hasSelector = present(peer.podSelector) || present(peer.namespaceSelector);
    if (!hasSelector && !present(peer.ipBlock)) {
      report.reject(peerField, peer, 'must specify a peer', 'set podSelector, namespaceSelector or ipBlock (podSelector: {} means every pod of the policy\'s namespace)');
    }
    if (hasSelector && present(peer.ipBlock)) {
      report.reject(peerField, peer, 'may not specify both ipBlock and another peer',
        'split it into two peers: one with the ipBlock, one with the selectors');
    }
    if (present(peer.podSelector)) {
      validateSelector(report, `${peerField}.podSelector`, peer.podSelector);
    }
    if (present(peer.namespaceSelector)) {
      validateSelector(report, `${peerField}.namespaceSelector`, peer.namespaceSelector);
    }
    if (present(peer.ipBlock)) {
      validateIpBlock(report, `${peerField}.ipBlock`, peer.ipBlock);
    }
  });
  return valid;
}

function validatePorts(report: Report, field: string, ports: unknown, withIpBlock: boolean): void {
  if (!present(ports) || !report.expectList(field, ports)) {
    return;
  }
  ports.forEach((port, j) => {
    const portField = `${field}[${j}]`;
    if (!report.expectObject(portField, port)) {
      return;
    }
    report.unknownFields(portField, port, ['protocol', 'port', 'endPort']);
    if (present(port.protocol) && !PROTOCOLS.includes(port.protocol as string)) {
      report.reject(`${portField}.protocol`, port.protocol, 'is not a supported protocol', `use one of ${PROTOCOLS.join(', ')} (upper case), or omit it for TCP`);
    }
    validatePortNumberOrName(report, portField, port.port, withIpBlock);
    validateEndPort(report, portField, port.port, port.endPort);
  });
}

function validatePortNumberOrName(report: Report, portField: string, port: unknown, withIpBlock: boolean): void {
  const field = `${portField}.port`;
  if (!present(port)) {
    return;
  }
  if (typeof port === 'number') {
    if (!isPortNumber(port)) {
      report.reject(field, port, `must be between 1 and ${MAX_PORT}, inclusive`, 'use a port number from 1 to 65535, or omit port for every port of the protocol');
    }
    return;
  }
  if (typeof port !== 'string') {
    report.reject(field, port, 'must be a port number or a port name', 'use a number such as 8080 or a container port name such as http');
    return;
  }
  const problem = ianaSvcNameProblem(port);
  if (problem) {
    const fix = /^\d+$/.test(port) ? `write the number without quotes: ${Number(port)}` : 'use a number, or the lower-case name of a container port such as http';
    report.reject(field, port, problem, fix);
  } else if (withIpBlock) {
    report.trap(field, port, 'is a named port in a rule with an ipBlock peer; named ports are resolved on pods, and what they mean for external addresses is left to each network plugin',
      'use the port number');
  }
}

function validateEndPort(report: Report, portField: string, port: unknown, endPort: unknown): void {
  const field = `${portField}.endPort`;
  if (!present(endPort)) {
    return;
  }
  if (typeof endPort !== 'number' || !isPortNumber(endPort)) {
    report.reject(field, endPort, `must be between 1 and ${MAX_PORT}, inclusive`, 'use the last port number of the range');
  } else if (!present(port)) {
    report.reject(field, endPort, 'may not be specified when `port` is not specified', 'set port to the first port of the range');
  } else if (typeof port !== 'number') {
    report.reject(field, endPort, 'may not be specified when `port` is non-numeric', 'use a numeric port for a range, or remove endPort');
  } else if (endPort < port) {
    report.reject(field, endPort, `must be greater than or equal to \`port\` (${port})`, `use an endPort of at least ${port}, or swap port and endPort`);
  }
}

function validatePolicyTypes(report: Report, spec: Record<string, unknown>): void {
  const types = spec.policyTypes;
  if (!present(types) || !report.expectList('spec.policyTypes', types)) {
    return;
  }
  if (types.length > 2) {
    report.reject('spec.policyTypes', types, 'may not specify more than two policyTypes', 'list Ingress, Egress or both, once each');
    return;
  }
  types.forEach((type, i) => {
    if (!POLICY_TYPES.includes(type as string)) {
      report.reject(`spec.policyTypes[${i}]`, type, 'is not a supported policy type', 'use Ingress or Egress (capitalised)');
    } else if (types.indexOf(type) !== i) {
      report.trap(`spec.policyTypes[${i}]`, type, 'is listed twice', `list ${type} once`);
    }
  });
  if (!types.every(type => POLICY_TYPES.includes(type as string))) {
    return; // Which directions are isolated is unclear until the types are fixed.
  }
  for (const [direction, type] of [['ingress', 'Ingress'], ['egress', 'Egress']]) {
    const rules = spec[direction];
    if (Array.isArray(rules) && rules.length > 0 && !types.includes(type)) {
      report.trap(`spec.${direction}`, rules, `has rules, but spec.policyTypes does not include ${type}, so Kubernetes ignores them`,
        `add ${type} to spec.policyTypes, or remove spec.${direction}`);
    }
  }
}

function isPortNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_PORT;
}
