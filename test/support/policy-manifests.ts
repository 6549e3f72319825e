/**
 * Random NetworkPolicy manifests as a person might write them: valid for the API server, but
 * full of the traps of reference §2 — empty and missing lists at both levels, `ports: [{}]`,
 * a protocol alone, ranges, named ports (with ipBlocks too), AND versus OR peers, every
 * selector operator, policyTypes left to defaulting, and rules for a direction not isolated.
 */
import fc from 'fast-check';
import { ipBlockArbitrary } from './addresses';
import { labelsArbitrary, NAMESPACE_LABELS, NAMESPACE_NAME_LABEL, NAMESPACE_NAMES, POD_LABELS, PORT_NAME_POOL, PROTOCOLS } from './cluster';
import type { LabelRequirement, LabelSelector } from './label-selector';

/** Each field of `model` either present or left out. */
const someOf = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(model, { requiredKeys: [] });

function requirementArbitrary(pool: Readonly<Record<string, readonly string[]>>): fc.Arbitrary<LabelRequirement> {
  return fc.constantFrom(...Object.keys(pool)).chain(key => fc.oneof(
    fc.record({
      key: fc.constant(key),
      operator: fc.constantFrom('In' as const, 'NotIn' as const),
      values: fc.uniqueArray(fc.constantFrom(...pool[key], 'other'), { minLength: 1, maxLength: 2 }),
    }),
    fc.record({ key: fc.constant(key), operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const) }),
  ));
}

function selectorArbitrary(pool: Readonly<Record<string, readonly string[]>>): fc.Arbitrary<LabelSelector> {
  return someOf<LabelSelector>({
    matchLabels: labelsArbitrary(pool),
    matchExpressions: fc.array(requirementArbitrary(pool), { maxLength: 2 }),
  });
}

const podSelector = selectorArbitrary(POD_LABELS);
const namespaceSelector = selectorArbitrary({ ...NAMESPACE_LABELS, [NAMESPACE_NAME_LABEL]: [...NAMESPACE_NAMES] });

/** Pods (policy's namespace), namespaces, both in one peer (AND), or an ipBlock. */
const peer = fc.oneof(
  fc.record({ podSelector }),
  fc.record({ namespaceSelector }),
  fc.record({ podSelector, namespaceSelector }),
  fc.record({ ipBlock: ipBlockArbitrary }),
);

const portNumber = fc.oneof(fc.constantFrom(1, 53, 80, 443, 3868, 5353, 8080, 9090, 9153, 65535), fc.integer({ min: 1, max: 65535 }));

/** `{}` (all TCP), a protocol alone, a number, a range, or a name; the protocol set or left to default. */
const port = fc.oneof(
  someOf({ protocol: fc.constantFrom(...PROTOCOLS) }),
  someOf({ protocol: fc.constantFrom(...PROTOCOLS), port: portNumber }).filter(p => p.port !== undefined),
  fc.record({ protocol: fc.constantFrom(...PROTOCOLS), port: portNumber, span: fc.integer({ min: 0, max: 3000 }) }, { requiredKeys: ['port', 'span'] })
    .map(({ span, ...p }) => ({ ...p, endPort: Math.min(65535, p.port + span) })),
  someOf({ protocol: fc.constantFrom(...PROTOCOLS), port: fc.constantFrom(...PORT_NAME_POOL, 'absent') }).filter(p => p.port !== undefined),
);

/** Missing, empty, or a few entries: the three readings Kubernetes gives a list. */
const list = <T>(item: fc.Arbitrary<T>) => fc.oneof(fc.constant([]), fc.array(item, { minLength: 1, maxLength: 3 }));

const ingressRule = someOf({ from: list(peer), ports: list(port) });
const egressRule = someOf({ to: list(peer), ports: list(port) });

const POLICY_TYPES = [['Ingress'], ['Egress'], ['Ingress', 'Egress'], ['Egress', 'Ingress'], ['Ingress', 'Ingress'], []];

export const policyManifestsArbitrary: fc.Arbitrary<object[]> = fc.array(fc.record({
  namespace: fc.constantFrom(...NAMESPACE_NAMES),
  spec: someOf({
    podSelector,
    policyTypes: fc.constantFrom(...POLICY_TYPES),
    ingress: list(ingressRule),
    egress: list(egressRule),
  }),
}), { minLength: 1, maxLength: 4 }).map(policies => policies.map(({ namespace, spec }, i) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: `policy-${i}`, namespace },
  spec,
})));
