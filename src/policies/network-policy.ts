/**
 * The one place a NetworkPolicy object is built. Every policy construct describes its policy here;
 * this renders it, checks it with the shared validator and refuses it on any problem, so no
 * construct can write a policy the API server rejects or one that fails open.
 */
import { ApiObject, ApiObjectMetadata, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { registerChartLint } from '../synth-checks/chart-lint';
import { rememberValidatedSpec, validatedInChart } from '../synth-checks/validated-specs';
import { formatProblem } from '../validation/problem';
import { validateNetworkPolicy } from '../validation/validate-network-policy';
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
export interface PolicyDefinition extends NetworkPolicyOptions {
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

/**
 * The policy object every construct writes: a `KubeNetworkPolicy` whose props are already the
 * manifest's JSON (the builder renders and validates that JSON), so it renders without the L1
 * type's field conversion.
 */
class RenderedNetworkPolicy extends kplus.k8s.KubeNetworkPolicy {
  constructor(scope: Construct, id: string, metadata: ApiObjectMetadata, spec: NetworkPolicySpecJson) {
    // The L1 props type models `ports[].port` as IntOrString; this JSON holds the plain value.
    super(scope, id, { metadata, spec: spec as unknown as kplus.k8s.NetworkPolicySpec });
    // The L1 constructor spreads its GVK and props into a new object, and V8 gives each such object
    // a hidden class of its own: thousands of policies made every read of them (toJson, the lint)
    // megamorphic. The same fields in one literal share one. (`props` is ApiObject's private field;
    // were it renamed, this would only be an unused property, and the output the same.)
    (this as unknown as { props: unknown }).props = { apiVersion: this.apiVersion, kind: this.kind, metadata, spec };
  }

  public toJson(): any {
    return ApiObject.prototype.toJson.call(this);
  }
}

/** `spec` of a NetworkPolicy manifest, as JSON. */
type NetworkPolicySpecJson = Record<string, unknown>;

/**
 * Renders `definition` as a `KubeNetworkPolicy` child of `owner`, validated.
 *
 * @param where how messages name the owner (see `describe`)
 */
export function addNetworkPolicy(owner: Construct, id: string, where: string, definition: PolicyDefinition): kplus.k8s.KubeNetworkPolicy {
  const policyNamespace = definition.namespace ?? Chart.of(owner).namespace;
  let spec: NetworkPolicySpecJson;
  try {
    spec = renderSpec(definition, policyNamespace);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
  // Only set keys: cdk8s' generated name and the chart's namespace apply when these are absent.
  const metadata: { name?: string; namespace?: string } = {};
  if (definition.name !== undefined) metadata.name = definition.name;
  if (definition.namespace !== undefined) metadata.namespace = definition.namespace;
  const policy = new RenderedNetworkPolicy(owner, id, metadata, spec);
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
    // Leave no invalid object behind for a caller that catches the error and synthesizes anyway.
    owner.node.tryRemoveChild(id);
    throw new Error(problems.map(p => `${where}: ${formatProblem(p)}`).join('\n'));
  }
  rememberValidatedSpec(policy, known ?? spec, specText);
  // Mistakes only the whole chart shows (egress denied without DNS, one-sided hops) fail app.synth().
  registerChartLint(policy.chart);
  return policy;
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

/** Egress to a named port with no destination pods is left to each network plugin (reference §2). */
function refuseNamedPortToAnywhere(rule: PolicyRule): void {
  const named = rule.ports?.find(port => port.portName !== undefined);
  if (named && (rule.peers === undefined || rule.peers.some(peer => peer._isAnywhere))) {
    throw new Error(`'ports' has the named port '${named.portName}' in an egress rule to Peer.anywhere(); a named port is resolved on destination pods, and without them each network plugin decides what it means; use the port number`);
  }
}
