/**
 * Rule peers (docs/migrate.md#the-mapping): `namespaces` and `pods` both ways, `networks`,
 * `nodes` and `domainNames` in egress; v1alpha2 writes each under the same name.
 */
import { copy, listAt, onlyKey, prefixed } from './fields';
import { DROPPED_RELATIONS, labelSelector, namespacedPods } from './migrate-selectors';
import { MigrationError } from './migration-error';

const INGRESS_PEERS = ['namespaces', 'pods'] as const;
const EGRESS_PEERS = ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'] as const;
const NOT_MIGRATED: Readonly<Record<string, string>> = {
  ...DROPPED_RELATIONS,
  namespacedPods: 'a peer of AdminNetworkPolicy before network-policy-api v0.1.0; write `pods`',
};

/** The peers v1alpha2 allows without a named port: no container ports behind them. */
export const PEERS_WITHOUT_PORTS: readonly string[] = ['nodes', 'networks', 'domainNames'];

/**
 * `from` or `to`, copied entry by entry. v1alpha2 allows 25 peers per rule where v0.1.x
 * allowed 100: a longer list is refused, since splitting the rule is the author's choice.
 */
export function peers(value: unknown, field: string, direction: 'ingress' | 'egress'): object[] {
  const list = listAt(value, field, 25, 'v1alpha2 allows at most 25 peers in a rule; split the rule into several with the same action, in this place');
  const known = direction === 'ingress' ? INGRESS_PEERS : EGRESS_PEERS;
  return list.map((entry, i) => {
    const at = `${field}[${i}]`;
    const written = entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? entry as Record<string, unknown> : undefined;
    if (written === undefined) throw new MigrationError(at, 'expected a peer (an object with one field)');
    const key = onlyKey(written, at, known, NOT_MIGRATED);
    return { [key]: peerValue(key, written[key], prefixed(at, key)) };
  });
}

function peerValue(key: string, value: unknown, field: string): unknown {
  switch (key) {
    case 'namespaces':
    case 'nodes':
      return labelSelector(value, field);
    case 'pods':
      return namespacedPods(value, field);
    default: // networks, domainNames: lists of strings, the same in both versions
      return copy(listAt(value, field, 25, `v1alpha2 allows at most 25 ${key} in a peer; split the peer into several`)
        .map((item, i) => stringAt(item, `${field}[${i}]`)));
  }
}

function stringAt(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new MigrationError(field, 'expected a non-empty string');
  return value;
}
