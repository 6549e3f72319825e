/**
 * The one place a NetworkPolicy object is built. Every policy construct describes its policy here;
 * this renders it, checks it with the shared validator and refuses it on any problem, so no
 * construct can write a policy the API server rejects or one that fails open.
 */
import { ApiObject, IAnyProducer, JsonPatch, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { renderingKey } from './rendering-key';
import { validateInApp } from './valid-specs';
import { formatProblem } from '../analysis/validation/problem';
import { acknowledgementAnnotations, addAnnotations } from '../synth-checks/acknowledge';
import { registerChartLint } from '../synth-checks/chart-lint';
import { synthInProgress } from '../synth-checks/network-app';
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

/**
 * A NetworkPolicy written by this library: every single-policy construct (`DefaultDeny`, `AllowFrom`,
 * the patterns, …) is one, and `TierIsolation` holds one per tier. Its spec is rendered from the
 * construct's props and validated before the constructor returns, and everything it synthesizes is
 * validated again, in full: a JSON patch (`addJsonPatch`), a label or annotation added afterwards,
 * or a resolver cannot make it write a policy the API server rejects or one that fails open.
 *
 * It is an `ApiObject` of cdk8s, not one of cdk8s-plus' generated L1 classes: their static
 * `manifest()` would be inherited, and return an unvalidated spec under the library's class name.
 * A class outside the library that extends it writes no spec, and synth refuses it.
 */
export abstract class ValidatedNetworkPolicy extends ApiObject {
  /**
   * `x instanceof DefaultDeny` (or any library policy class) is true only for objects of that class.
   * ApiObject answers true for every ApiObject (its `Symbol.hasInstance` is `isApiObject`), which
   * its subclasses would inherit.
   *
   * @internal
   */
  public static [Symbol.hasInstance](o: unknown): o is ValidatedNetworkPolicy {
    return typeof o === 'object' && o !== null && states.has(o as ValidatedNetworkPolicy)
      && Function.prototype[Symbol.hasInstance].call(this, o);
  }

  protected constructor(scope: Construct, id: string, options: NetworkPolicyOptions) {
    const state = new PolicyState();
    // Only set keys: cdk8s' generated name and the chart's namespace apply when these are absent.
    const metadata: { name?: string; namespace?: string } = {};
    if (options.name !== undefined) metadata.name = options.name;
    if (options.namespace !== undefined) metadata.namespace = options.namespace;
    // The spec is checked against the construct's path, so it is written once the object exists:
    // a Lazy (cdk8s' public way to give a value later) stands in for it until then.
    super(scope, id, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec: Lazy.any(state) });
    states.set(this, state);
  }

  /**
   * Applies a set of RFC-6902 JSON-Patch operations to the manifest synthesized for this policy.
   * What the patched policy renders is validated in full when it is synthesized.
   *
   * @param ops The JSON-Patch operations to apply.
   */
  public addJsonPatch(...ops: JsonPatch[]): void {
    super.addJsonPatch(...ops);
    states.get(this)!.patches++;
  }

  /**
   * Renders the NetworkPolicy manifest (cdk8s' rendering: metadata, resolvers, JSON patches) and
   * validates all of it, as the API server and the library's fail-closed rules would.
   *
   * @throws when the policy was not written by the library, or when what it renders is invalid
   */
  public toJson(): any {
    // A copy: the caller may change it, the rendering kept for the next call must not change.
    return copyJson(validatedRendering(this).json);
  }
}

/** The spec `writePolicy` wrote (produced into the ApiObject when cdk8s renders it) and what the policy rendered last. */
class PolicyState implements IAnyProducer {
  public where = '';
  public spec?: NetworkPolicySpecJson;
  /** How many `addJsonPatch` calls: a patch changes what the policy renders. */
  public patches = 0;
  public rendering?: Rendering;

  public produce(): any {
    return this.spec;
  }
}

/** What a policy rendered, validated, and when that still holds. */
class Rendering {
  private textCache?: string;

  /**
   * @param key see rendering-key.ts; undefined when it holds only for the synth it was rendered in
   * @param json read only: shared with the synth-time lint
   * @param synth the NetworkApp synth it was last rendered or confirmed in (network-app.ts)
   */
  public constructor(public readonly key: string | undefined, public readonly json: object, public synth: object | undefined) {}

  /** As JSON text: only the lint of a chart in cdk8s' `App`, which compares one run's reading with the last, asks. */
  public get text(): string {
    return this.textCache ??= JSON.stringify(this.json);
  }
}

/** A copy of rendered JSON (objects, arrays and primitives only), as `JSON.parse(JSON.stringify(value))` would make it, at less cost. */
function copyJson(value: unknown): any {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson);
  // Plain assignment: a validated policy has no `__proto__` key (its fields are the schema's, its label and annotation keys qualified names).
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = copyJson((value as Record<string, unknown>)[key]);
  return copy;
}

/** Each policy's state (module state, so that no public member can write a spec). */
const states = new WeakMap<ValidatedNetworkPolicy, PolicyState>();

/**
 * What `policy` renders, validated, as JSON text and as an object that callers only read. Reused
 * while its rendering key holds (rendering-key.ts): the synth-time lint reads every policy once
 * per chart of the app in each synth.
 */
export function validatedRendering(policy: ValidatedNetworkPolicy): { readonly text: string; readonly json: object } {
  const state = states.get(policy)!;
  if (state.spec === undefined) {
    throw new Error(`${policy.node.path}: this NetworkPolicy has no spec; only cdk8s-netpol's own constructs write a ValidatedNetworkPolicy: use one of them (DefaultDeny, AllowFrom, AllowTo, …) instead of extending it`);
  }
  // During a synth of a NetworkApp no code of the user's runs: what was rendered in it stands.
  const synth = synthInProgress(policy);
  const kept = state.rendering;
  if (kept && synth !== undefined && kept.synth === synth) return kept;
  const acknowledgements = acknowledgementAnnotations(policy);
  // A first rendering during a NetworkApp synth needs no key: it stands for the rest of the synth,
  // and the next synth, finding it unkeyed, renders and keys it then. One-off synths skip the cost.
  const key = kept || synth === undefined ? renderingKey(policy, state.patches, JSON.stringify(acknowledgements)) : undefined;
  if (key !== undefined && kept?.key === key) {
    kept.synth = synth;
    return kept;
  }
  // ApiObject's own rendering (the class this one extends), which toJson above replaces.
  const json = ApiObject.prototype.toJson.call(policy);
  addAnnotations(json, acknowledgements);
  const problems = validateInApp(policy, json);
  if (problems.length > 0) {
    throw new Error(problems.map(p => `${state.where}: ${formatProblem(p)}`
      + ' (this is what synth would write: a JSON patch, a label or annotation added after construction, or a resolver changed it)').join('\n'));
  }
  const rendering = new Rendering(key, json, synth);
  if (key !== undefined || synth !== undefined) state.rendering = rendering;
  return rendering;
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

/**
 * Writes the spec of `policy` again, from `definition`, validated as the first time: for a construct
 * that adds rules to its policies as it is told more (`ConnectionGraph`). On error the policy keeps
 * the spec it had. What it rendered before is dropped, so its next rendering is of the new spec.
 */
export function rewritePolicy(policy: ValidatedNetworkPolicy, where: string, definition: PolicyDefinition): void {
  writeSpec(policy, where, definition);
  states.get(policy)!.rendering = undefined;
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
  const manifest = { apiVersion: policy.apiVersion, kind: policy.kind, metadata: { name: policy.name, namespace: policy.metadata.namespace }, spec };
  const problems = validateInApp(policy, manifest);
  if (problems.length > 0) {
    throw new Error(problems.map(p => `${where}: ${formatProblem(p)}`).join('\n'));
  }
  const state = states.get(policy)!;
  state.where = where;
  state.spec = manifest.spec as NetworkPolicySpecJson;
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
