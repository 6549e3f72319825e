/**
 * One v1alpha1 AdminNetworkPolicy or BaselineAdminNetworkPolicy → one v1alpha2
 * ClusterNetworkPolicy (docs/migrate.md). Pure: an object in, an object out, or a
 * MigrationError naming the field that v1alpha2 cannot say the same way.
 */
import { copy, describe, integerAt, listAt, objectAt, onlyKeys, prefixed } from './fields';
import { PEERS_WITHOUT_PORTS, peers } from './migrate-peers';
import { protocols } from './migrate-ports';
import { subject } from './migrate-selectors';
import { MigrationError } from './migration-error';
import { field as fieldOf, isPlainObject, type PlainObject } from '../analysis/manifest-objects';

export const V1ALPHA1 = 'policy.networking.k8s.io/v1alpha1';
export const V1ALPHA2 = 'policy.networking.k8s.io/v1alpha2';

/** The name of the ClusterNetworkPolicy the BaselineAdminNetworkPolicy `default` becomes (docs/migrate.md#the-baseline). */
export const BASELINE_NAME = 'baseline-default';
/** Its priority: last in the Baseline tier, as the singleton was the last word before the default. */
export const BASELINE_PRIORITY = 1000;

export type V1alpha1Kind = 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';

/** The v1alpha1 kind of an object the migration rewrites, or undefined for any other object. */
export function v1alpha1Kind(object: unknown): V1alpha1Kind | undefined {
  if (fieldOf(object, 'apiVersion') !== V1ALPHA1) return undefined;
  const kind = fieldOf(object, 'kind');
  return kind === 'AdminNetworkPolicy' || kind === 'BaselineAdminNetworkPolicy' ? kind : undefined;
}

/** What a v1alpha1 action becomes: `Allow` is v1alpha2's `Accept`; BANP never had `Pass`. */
const ACTIONS: Readonly<Record<V1alpha1Kind, Readonly<Record<string, string>>>> = {
  AdminNetworkPolicy: { Allow: 'Accept', Deny: 'Deny', Pass: 'Pass' },
  BaselineAdminNetworkPolicy: { Allow: 'Accept', Deny: 'Deny' },
};

/** Metadata the server writes about the old object; the new object gets its own. */
const SERVER_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink'];
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export function migrateClusterPolicy(object: PlainObject, kind: V1alpha1Kind): PlainObject {
  onlyKeys(object, '', ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  const spec = objectAt(object.spec, 'spec', 'a spec');
  const baseline = kind === 'BaselineAdminNetworkPolicy';
  onlyKeys(spec, 'spec', baseline ? ['subject', 'ingress', 'egress'] : ['priority', 'subject', 'ingress', 'egress']);
  const name = nameOf(object, kind);
  const ingress = rules(spec.ingress, 'spec.ingress', kind, 'ingress');
  const egress = rules(spec.egress, 'spec.egress', kind, 'egress');
  return {
    apiVersion: V1ALPHA2,
    kind: 'ClusterNetworkPolicy',
    metadata: metadata(object.metadata, baseline ? BASELINE_NAME : name),
    spec: {
      tier: baseline ? 'Baseline' : 'Admin',
      priority: baseline ? BASELINE_PRIORITY : integerAt(spec.priority, 'spec.priority', 0, 1000),
      subject: subject(spec.subject, 'spec.subject'),
      ...(ingress && { ingress }),
      ...(egress && { egress }),
    },
  };
}

function nameOf(object: PlainObject, kind: V1alpha1Kind): string {
  const name = fieldOf(object.metadata, 'name');
  if (typeof name !== 'string' || name === '') throw new MigrationError('metadata.name', `expected the ${kind}'s name, found ${describe(name)}`);
  // The singleton: the v1alpha1 CRD accepts no other name, so another one was never applied.
  if (kind === 'BaselineAdminNetworkPolicy' && name !== 'default') {
    throw new MigrationError('metadata.name', `a BaselineAdminNetworkPolicy must be named "default" (the API server rejects "${name}"), so this object never took effect; name it "default" or remove it`);
  }
  return name;
}

/** The old object's name, labels and annotations; what the server wrote about the old object is left out. */
function metadata(value: unknown, name: string): PlainObject {
  const written = isPlainObject(value) ? copy(value) as Record<string, unknown> : {};
  for (const key of SERVER_METADATA) delete written[key];
  delete written.namespace; // both kinds are cluster-scoped
  const annotations = written.annotations;
  if (isPlainObject(annotations) && Object.hasOwn(annotations, LAST_APPLIED)) {
    const { [LAST_APPLIED]: _old, ...rest } = annotations;
    if (Object.keys(rest).length === 0) delete written.annotations;
    else written.annotations = rest;
  }
  return { ...written, name };
}

function rules(value: unknown, field: string, kind: V1alpha1Kind, direction: 'ingress' | 'egress'): object[] | undefined {
  // No rules and an empty list say the same in both versions: nothing in this direction.
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return undefined;
  // v0.1.x allowed 100 rules; splitting a policy moves rules across priorities, the author's call.
  const list = listAt(value, field, 25, `v1alpha2 allows at most 25 ${direction} rules in a policy; move the rules after the 25th into a second policy at the next priority`);
  return list.map((entry, i) => rule(entry, `${field}[${i}]`, kind, direction));
}

function rule(value: unknown, field: string, kind: V1alpha1Kind, direction: 'ingress' | 'egress'): object {
  const written = objectAt(value, field, 'a rule');
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  onlyKeys(written, field, ['name', 'action', peersKey, 'ports']);
  const action = actionOf(written.action, prefixed(field, 'action'), kind);
  const to = peers(written[peersKey], prefixed(field, peersKey), direction);
  const ports = protocols(written.ports, prefixed(field, 'ports'));
  refuseNamedPortWithoutPods(to, ports, field);
  if (action !== 'Accept' && to.some(peer => 'domainNames' in peer)) {
    throw new MigrationError(prefixed(field, 'action'), `domainNames peers are for Allow rules only (v1alpha1 and v1alpha2 alike), found ${String(written.action)}`);
  }
  const name = written.name;
  if (name !== undefined && typeof name !== 'string') throw new MigrationError(prefixed(field, 'name'), `expected a string, found ${describe(name)}`);
  return {
    ...(name !== undefined && name !== '' && { name }),
    action,
    [peersKey]: to,
    ...(ports && { protocols: ports }),
  };
}

function actionOf(value: unknown, field: string, kind: V1alpha1Kind): string {
  const actions = ACTIONS[kind];
  if (typeof value === 'string' && Object.hasOwn(actions, value)) return actions[value];
  throw new MigrationError(field, `expected ${Object.keys(actions).join(', ')} in a ${kind}, found ${describe(value)}`);
}

/** v1alpha2 rejects a named port next to a peer without container ports (its CEL rule on egress rules). */
function refuseNamedPortWithoutPods(to: readonly object[], ports: readonly object[] | undefined, field: string): void {
  const named = ports?.findIndex(port => 'destinationNamedPort' in port) ?? -1;
  const portless = to.find(peer => PEERS_WITHOUT_PORTS.some(key => key in peer));
  if (named < 0 || portless === undefined) return;
  throw new MigrationError(`${field}.ports[${named}].namedPort`, `v1alpha2 rejects a named port in a rule with a ${Object.keys(portless)[0]} peer (those have no container ports); move the ${Object.keys(portless)[0]} peers into a rule of their own, right after this one, with numbered ports`);
}
