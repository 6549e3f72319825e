/**
 * The one place a ClusterNetworkPolicy object is built. Every cluster construct describes its
 * policy here; this renders it, checks it with the shared validator (the CRD's schema and CEL,
 * validate-cluster-network-policy.ts) and refuses it on any problem, naming the construct path,
 * the field, the value and the fix. What synth writes is validated again, in full.
 */
import { ApiObject, IAnyProducer, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { formatProblem } from '../../analysis/validation/problem';
import { validateClusterNetworkPolicy } from '../../analysis/validation/validate-cluster-network-policy';
import { registerClusterPolicy } from '../../synth-checks/chart-lint';
import { ClusterAction } from '../../vocabulary/cluster-action';
import { ClusterPeer } from '../../vocabulary/cluster-peer';
import { ClusterSubject } from '../../vocabulary/cluster-subject';
import { ClusterTier } from '../../vocabulary/cluster-tier';
import { Port } from '../../vocabulary/port';

const API_VERSION = 'policy.networking.k8s.io/v1alpha2';
const KIND = 'ClusterNetworkPolicy';
const MAX_PORT = 65535;

/**
 * Options every cluster policy construct takes.
 */
export interface ClusterNetworkPolicyOptions {
  /**
   * The exact `metadata.name` of the policy, unique in the cluster.
   *
   * @default - a unique, stable name cdk8s generates from the construct path
   */
  readonly name?: string;
}

/**
 * One ingress or egress rule of a ClusterNetworkPolicy. Rules are evaluated in the order given;
 * the first that matches decides.
 */
export interface ClusterRule {
  /**
   * The rule's name, for the implementation's logs and status (at most 100 characters).
   *
   * @default - no name
   */
  readonly name?: string;

  /**
   * What the rule does with the traffic it matches.
   */
  readonly action: ClusterAction;

  /**
   * The sources (ingress) or destinations (egress), 1 to 25 of them. `ClusterPeer.networks` is
   * for egress only.
   */
  readonly peers: ClusterPeer[];

  /**
   * The destination ports the rule matches (1 to 25). `Port.allTcp()` (every port of a protocol)
   * is written as the range 1–65535; a named port (`Port.named`) matches the container port of
   * that name whatever its protocol, and is refused with `networks` peers.
   *
   * @default - every protocol and port
   */
  readonly ports?: Port[];
}

/** A whole ClusterNetworkPolicy, before rendering. */
export interface ClusterPolicyDefinition {
  readonly tier: ClusterTier;
  readonly priority: number;
  readonly subject: ClusterSubject;
  readonly ingress?: readonly ClusterRule[];
  readonly egress?: readonly ClusterRule[];
}

/**
 * A ClusterNetworkPolicy written by this library (`policy.networking.k8s.io/v1alpha2`):
 * `ClusterNetworkPolicy` and every cluster pattern is one. It is cluster-scoped, so it never
 * carries a `metadata.namespace`, even in a chart that has one.
 *
 * Its spec is validated before the constructor returns, and everything it synthesizes (after JSON
 * patches, labels and annotations added later) is validated again: synth cannot write a policy
 * the API server rejects, nor one whose meaning no implementation agrees on.
 */
export abstract class ValidatedClusterNetworkPolicy extends ApiObject {
  protected constructor(scope: Construct, id: string, options: ClusterNetworkPolicyOptions) {
    const state = new ClusterPolicyState();
    const metadata: { name?: string; namespace: string } = {
      // cdk8s puts the chart's namespace on an object whose own is absent. A value that renders
      // as nothing (a Lazy of undefined, dropped by cdk8s' rendering) keeps it off this
      // cluster-scoped object with public cdk8s behaviour only.
      namespace: Lazy.any({ produce: () => undefined }),
    };
    if (options.name !== undefined) metadata.name = options.name;
    super(scope, id, { apiVersion: API_VERSION, kind: KIND, metadata, spec: Lazy.any(state) });
    clusterStates.set(this, state);
  }

  /**
   * Renders the ClusterNetworkPolicy manifest (cdk8s' rendering: metadata, resolvers, JSON
   * patches) and validates all of it.
   *
   * @throws when the policy was not written by the library, or when what it renders is invalid
   */
  public toJson(): any {
    const state = clusterStates.get(this)!;
    if (state.spec === undefined) {
      throw new Error(`${this.node.path}: this ClusterNetworkPolicy has no spec; only cdk8s-netpol's own constructs write a ValidatedClusterNetworkPolicy: use ClusterNetworkPolicy or a cluster pattern instead of extending it`);
    }
    const json = super.toJson();
    const problems = validateClusterNetworkPolicy(json);
    if (problems.length > 0) {
      throw new Error(problems.map(p => `${state.where}: ${formatProblem(p)}`
        + ' (this is what synth would write: a JSON patch, a label or annotation added after construction, or a resolver changed it)').join('\n'));
    }
    return json;
  }
}

/** The spec `writeClusterPolicy` wrote, produced into the ApiObject when cdk8s renders it. */
class ClusterPolicyState implements IAnyProducer {
  public where = '';
  public spec?: Record<string, unknown>;

  public produce(): any {
    return this.spec;
  }
}

const clusterStates = new WeakMap<ValidatedClusterNetworkPolicy, ClusterPolicyState>();

/** The cluster policies of each app by name: a cluster-scoped name is the cluster's, across charts. */
const namesInApp = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Writes the spec of `policy`, just constructed, from what `define()` returns, validated. On any
 * error the policy leaves the tree before the error is rethrown, so a caller that catches it and
 * synthesizes anyway finds no invalid object.
 *
 * @param where how messages name the construct, e.g. `ClusterNetworkPolicy app/guard`
 */
export function writeClusterPolicy(policy: ValidatedClusterNetworkPolicy, where: string, define: () => ClusterPolicyDefinition): void {
  try {
    writeSpec(policy, where, defined(where, define));
  } catch (e) {
    policy.node.scope?.node.tryRemoveChild(policy.node.id);
    throw e;
  }
}

/** What `define()` returns; its errors (a construct's props, the vocabulary's checks) name the construct. */
function defined(where: string, define: () => ClusterPolicyDefinition): ClusterPolicyDefinition {
  try {
    return define();
  } catch (e) {
    const message = (e as Error).message;
    throw new Error(message.startsWith(where) ? message : `${where}: ${message}`);
  }
}

/** The policy of a construct that writes several (`ClusterTenantIsolation`), as a child of it. */
class OwnedClusterNetworkPolicy extends ValidatedClusterNetworkPolicy {
  public constructor(owner: Construct, id: string, options: ClusterNetworkPolicyOptions) {
    super(owner, id, options);
  }
}

/** A policy `id` of `owner` (a construct that writes several), rendered from `definition`, validated. */
export function addClusterPolicy(owner: Construct, id: string, where: string, options: ClusterNetworkPolicyOptions,
  definition: ClusterPolicyDefinition): ValidatedClusterNetworkPolicy {
  const policy = new OwnedClusterNetworkPolicy(owner, id, options);
  writeClusterPolicy(policy, where, () => definition);
  return policy;
}

function writeSpec(policy: ValidatedClusterNetworkPolicy, where: string, definition: ClusterPolicyDefinition): void {
  let spec: Record<string, unknown>;
  try {
    spec = renderSpec(definition);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
  const problems = validateClusterNetworkPolicy({ apiVersion: API_VERSION, kind: KIND, metadata: { name: policy.name }, spec });
  if (problems.length > 0) {
    throw new Error(problems.map(p => `${where}: ${formatProblem(p)}`).join('\n'));
  }
  claimName(policy, where);
  const state = clusterStates.get(policy)!;
  state.where = where;
  state.spec = spec;
  // A chart of guardrails is checked at synth too (shadowed rules, equal priorities, DNS a deny
  // takes away), and the app's other charts count this policy for their pods.
  registerClusterPolicy(policy);
}

/** Two cluster policies of one app with one name would overwrite each other when applied. */
function claimName(policy: ValidatedClusterNetworkPolicy, where: string): void {
  const root = policy.node.root;
  let names = namesInApp.get(root);
  if (!names) namesInApp.set(root, names = new Map());
  const other = names.get(policy.name);
  if (other !== undefined) {
    throw new Error(`${where}: metadata.name: ${policy.name} is already the name of ${other}; a ClusterNetworkPolicy is cluster-scoped, so the second would replace the first when applied; give one of them another 'name'`);
  }
  names.set(policy.name, policy.node.path);
}

function renderSpec(definition: ClusterPolicyDefinition): Record<string, unknown> {
  // Assigned, not spread: see network-policy.ts on V8 hidden classes.
  const spec: Record<string, unknown> = { tier: definition.tier, priority: definition.priority, subject: definition.subject._toKube() };
  if (definition.ingress !== undefined) spec.ingress = definition.ingress.map(rule => renderRule(rule, 'from'));
  if (definition.egress !== undefined) spec.egress = definition.egress.map(rule => renderRule(rule, 'to'));
  return spec;
}

function renderRule(rule: ClusterRule, peersKey: 'from' | 'to'): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  if (rule.name !== undefined) json.name = rule.name;
  json.action = rule.action;
  json[peersKey] = rule.peers.map(peer => peer._toKube());
  // An empty list is written as given: the validator refuses it rather than read it as "every port".
  if (rule.ports !== undefined) json.protocols = rule.ports.map(renderPort);
  return json;
}

/**
 * A `Port` as a `protocols` entry. A protocol's every port is the range 1–65535 (the CRD refuses
 * `tcp: {}`); a named port has no protocol in v1alpha2: the container port's name decides it.
 */
function renderPort(port: Port): Record<string, unknown> {
  if (port.portName !== undefined) return { destinationNamedPort: port.portName };
  const destinationPort = port.portNumber === undefined
    ? { range: { start: 1, end: MAX_PORT } }
    : port.endPort === undefined ? { number: port.portNumber } : { range: { start: port.portNumber, end: port.endPort } };
  return { [port.protocol.toLowerCase()]: { destinationPort } };
}
