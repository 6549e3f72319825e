/**
 * The one place a NetworkPolicy object is built. Every policy construct describes its policy here;
 * this renders it, checks it with the shared validator and refuses it on any problem, so no
 * construct can write a policy the API server rejects or one that fails open.
 */
import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { registerChartLint } from '../synth-checks/chart-lint';
import { rememberValidatedSpec, validatedInChart } from '../synth-checks/validated-specs';
import { formatProblem } from '../analysis/validation/problem';
import { validateNetworkPolicy } from '../analysis/validation/validate-network-policy';
import { Peer } from '../vocabulary/peer';
import { describeNamespace, misplacedWorkload, PodSelector } from '../vocabulary/pod-selector';
import { Port } from '../vocabulary/port';

/**
 * Options every policy construct takes.
 */
export interface NetworkPolicyOptions {
  /**
   * The exact `metadata.name` of the policy.
   *
   * @default - a unique, stable name cdk8s generates from the construct path (and the chart's naming)
   */
  readonly name?: string;

  /**
   * The namespace the policy lives in; it only ever selects pods of this namespace.
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;
}

/** One ingress or egress rule, before rendering. */
export interface PolicyRule {
  /** `from` / `to`; `Peer.anywhere()` among them, or undefined, means every peer. */
  readonly peers?: readonly Peer[];
  /** undefined means every port and protocol. */
  readonly ports?: readonly Port[];
}

/** A whole policy, before rendering. A direction is isolated exactly when its rule list is given. */
export interface PolicyDefinition {
  readonly pods: PodSelector;
  readonly ingress?: readonly PolicyRule[];
  readonly egress?: readonly PolicyRule[];
}

/** `AllowFrom shop/api`: how every message about a construct starts. */
export function describe(constructType: string, construct: Construct): string {
  return `${constructType} ${construct.node.path}`;
}

/**
 * Refuses an explicitly empty list that Kubernetes would read as "everything" (fail closed).
 *
 * @param reading what Kubernetes makes of the empty list, e.g. `allow from everyone`
 * @param fix what to write instead
 */
export function refuseEmpty(where: string, field: string, list: readonly unknown[] | undefined, reading: string, fix: string): void {
  if (list !== undefined && list.length === 0) {
    throw new Error(`${where}: '${field}' is empty, which Kubernetes reads as "${reading}"; ${fix}`);
  }
}

/** What makes a `ValidatedNetworkPolicy` complete: `writePolicy` wrote its spec. */
const written = new WeakSet<ValidatedNetworkPolicy>();

/**
 * A NetworkPolicy written by this library: every single-policy construct (`DefaultDeny`, `AllowFrom`,
 * the patterns, …) is one, and `TierIsolation` holds one per tier. It is a `KubeNetworkPolicy` whose
 * spec the library rendered from the construct's props and validated before the constructor
 * returned. A class outside the library that extends it writes no spec, and synth refuses it.
 *
 * The constructs are the policy object itself, not a construct around one (as cdk8s-plus' are):
 * cdk8s walks the whole construct tree once per chart it synthesizes, so in an app of many charts
 * every extra construct costs a walk per chart (docs/performance.md, "a seventh look").
 */
export abstract class ValidatedNetworkPolicy extends kplus.k8s.KubeNetworkPolicy {
  protected constructor(scope: Construct, id: string, options: NetworkPolicyOptions) {
    // Only set keys: cdk8s' generated name and the chart's namespace apply when these are absent.
    const metadata: { name?: string; namespace?: string } = {};
    if (options.name !== undefined) metadata.name = options.name;
    if (options.namespace !== undefined) metadata.namespace = options.namespace;
    super(scope, id, { metadata });
  }

  /**
   * Renders the NetworkPolicy manifest, with the spec the library rendered and validated.
   */
  public toJson(): any {
    if (!written.has(this)) {
      throw new Error(`${this.node.path}: this NetworkPolicy has no spec; only cdk8s-netpol's own constructs write a ValidatedNetworkPolicy: use one of them (DefaultDeny, AllowFrom, AllowTo, …) instead of extending it`);
    }
    // The spec is the manifest's JSON already (the builder renders and validates that JSON): no L1
    // field conversion.
    return ApiObject.prototype.toJson.call(this);
  }
}

/** The policy of a construct that writes several (`TierIsolation`), as a child of it. */
class OwnedNetworkPolicy extends ValidatedNetworkPolicy {
  public constructor(owner: Construct, id: string, options: NetworkPolicyOptions) {
    super(owner, id, options);
  }
}

/**
 * Writes the spec of `policy`, just constructed, from what `define()` returns, validated. On any error
 * (`define`'s checks of the construct's props, or the validator's) the policy leaves the tree before
 * the error is rethrown: a caller that catches it and synthesizes anyway finds no invalid object.
 *
 * @param where how messages name the construct (see `describe`)
 */
export function writePolicy(policy: ValidatedNetworkPolicy, where: string, define: () => PolicyDefinition): void {
  try {
    writeSpec(policy, where, define());
  } catch (e) {
    policy.node.scope?.node.tryRemoveChild(policy.node.id);
    throw e;
  }
}

/** A policy `id` of `owner` (a construct that writes several), rendered from `definition`, validated. */
export function addNetworkPolicy(owner: Construct, id: string, where: string, options: NetworkPolicyOptions,
  definition: PolicyDefinition): ValidatedNetworkPolicy {
  const policy = new OwnedNetworkPolicy(owner, id, options);
  writePolicy(policy, where, () => definition);
  return policy;
}

/** `spec` of a NetworkPolicy manifest, as JSON. */
type NetworkPolicySpecJson = Record<string, unknown>;

function writeSpec(policy: ValidatedNetworkPolicy, where: string, definition: PolicyDefinition): void {
  let spec: NetworkPolicySpecJson;
  try {
    spec = renderSpec(definition, policy.metadata.namespace);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
  // The spec goes into ApiObject's private field `props`, which its toJson renders (the constructor
  // could not render it: the construct's checks need its path, so they run once it exists). One
  // literal of the same fields for every policy also gives them one V8 hidden class, where the L1
  // constructor's spread gives each its own and made every read of thousands of them (toJson, the
  // lint) megamorphic.
  const l1 = policy as unknown as { props?: { readonly metadata: ApiObjectMetadata } };
  if (l1.props?.metadata === undefined) {
    throw new Error(`${where}: this version of cdk8s does not keep an ApiObject's props where cdk8s-netpol writes the spec; use cdk8s 2 as the peer dependency asks`);
  }
  l1.props = { apiVersion: policy.apiVersion, kind: policy.kind, metadata: l1.props.metadata, spec } as typeof l1.props;
  const specText = JSON.stringify(spec);
  // A spec this chart already validated: only the metadata is validated, and the policy is recorded
  // with that spec's object, which the synth-time lint reads once for all of them (validated-specs.ts).
  const known = validatedInChart(policy.chart, specText);
  const problems = validateNetworkPolicy({
    apiVersion: policy.apiVersion,
    kind: policy.kind,
    metadata: { name: policy.name, namespace: policy.metadata.namespace },
    spec: known ? undefined : spec,
  });
  if (problems.length > 0) {
    throw new Error(problems.map(p => `${where}: ${formatProblem(p)}`).join('\n'));
  }
  written.add(policy);
  rememberValidatedSpec(policy, known ?? spec, specText);
  // Mistakes only the whole chart shows (egress denied without DNS, one-sided hops) fail app.synth().
  registerChartLint(policy.chart);
}

function renderSpec(definition: PolicyDefinition, policyNamespace: string | undefined): NetworkPolicySpecJson {
  const misplaced = misplacedWorkload(definition.pods, policyNamespace);
  if (misplaced) {
    // A policy only selects pods of its own namespace: this one would isolate nothing.
    throw new Error(`'pods' is PodSelector.workload(${misplaced.path}), whose pods are in ${misplaced.home}, but the policy is in ${describeNamespace(policyNamespace)}, so it would select none of them; `
      + (misplaced.namespace ? `set the policy's namespace to '${misplaced.namespace}'` : 'give the workload a namespace'));
  }
  const ingress = definition.ingress?.map(rule => renderRule(rule, 'from', policyNamespace));
  const egress = definition.egress?.map(rule => renderRule(rule, 'to', policyNamespace));
  definition.egress?.forEach(refuseNamedPortToAnywhere);
  // Objects are built by assignment, never by spreading objects of varying shapes: past a few shapes
  // V8 gives every spread result a hidden class of its own, and each of the thousands of policies an
  // estate has would carry its own, slowing everything that reads them (synth, the lint, YAML).
  const spec: NetworkPolicySpecJson = { podSelector: definition.pods._toKube() };
  if (ingress && ingress.length > 0) spec.ingress = ingress;
  if (egress && egress.length > 0) spec.egress = egress;
  // Always explicit: Kubernetes' defaulting would add Ingress to an egress-only policy.
  const policyTypes: string[] = [];
  if (definition.ingress) policyTypes.push('Ingress');
  if (definition.egress) policyTypes.push('Egress');
  spec.policyTypes = policyTypes;
  return spec;
}

function renderRule(rule: PolicyRule, peersKey: 'from' | 'to', policyNamespace: string | undefined): Record<string, unknown> {
  const everyone = rule.peers === undefined || rule.peers.some(peer => peer._isAnywhere);
  const json: Record<string, unknown> = {};
  if (!everyone) json[peersKey] = rule.peers!.map(peer => peer._toKube({ policyNamespace })!);
  if (rule.ports && rule.ports.length > 0) json.ports = rule.ports.map(port => port._toKube());
  return json;
}

/** Egress to a named port with no destination pods is left to each network plugin (docs/semantics.md §2). */
function refuseNamedPortToAnywhere(rule: PolicyRule): void {
  const named = rule.ports?.find(port => port.portName !== undefined);
  if (named && (rule.peers === undefined || rule.peers.some(peer => peer._isAnywhere))) {
    throw new Error(`'ports' has the named port '${named.portName}' in an egress rule to Peer.anywhere(); a named port is resolved on destination pods, and without them each network plugin decides what it means; use the port number`);
  }
}
