/**
 * The cluster validator reads user files: whatever value sits at whatever field of a policy, it
 * reports problems (each naming a field of the object, worded as every problem is) and never throws.
 */
import fc from 'fast-check';
import { formatProblem } from '../../src/analysis/validation/problem';
import { validateClusterScopedPolicy } from '../../src/analysis/validation/validate-cluster-network-policy';
import { propertySettings } from '../support/property-settings';

const NUM_RUNS = 500;

/** A valid policy of each kind, to plant values in. */
const BASES: Array<Record<string, any>> = [
  {
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name: 'g' },
    spec: {
      tier: 'Admin',
      priority: 1,
      subject: { pods: { namespaceSelector: {}, podSelector: {} } },
      ingress: [{ action: 'Deny', from: [{ namespaces: {} }], protocols: [{ tcp: { destinationPort: { range: { start: 1, end: 2 } } } }] }],
      egress: [{ action: 'Accept', to: [{ networks: ['10.0.0.0/8'] }, { domainNames: ['a.example'] }], protocols: [{ udp: { destinationPort: { number: 53 } } }] }],
    },
  },
  {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'AdminNetworkPolicy',
    metadata: { name: 'g' },
    spec: { priority: 1, subject: { namespaces: {} }, egress: [{ action: 'Allow', to: [{ pods: { namespaceSelector: {}, podSelector: {} } }], ports: [{ portRange: { start: 1, end: 2 } }] }] },
  },
];

/** Every path to a value inside `value`, the root included. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, Array.isArray(value) ? Number(k) : k]))];
}

function plant(base: Record<string, any>, at: Array<string | number>, value: unknown): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(base);
  let node: any = copy;
  for (const key of at.slice(0, -1)) node = node[key];
  node[at[at.length - 1]] = value;
  return copy;
}

const planted = fc.constantFrom(...BASES).chain(base =>
  fc.tuple(fc.constant(base), fc.constantFrom(...paths(base)), fc.anything({ withNullPrototype: true, withObjectString: true })));

test('any value at any field: problems, never an exception', () => {
  fc.assert(fc.property(planted, ([base, at, value]) => {
    const problems = validateClusterScopedPolicy(plant(base, at, value));
    for (const problem of problems) {
      expect(typeof formatProblem(problem)).toBe('string');
      expect(problem.field).not.toBe('');
    }
  }), propertySettings(NUM_RUNS));
});

test('the bases are valid', () => {
  expect(BASES.map(validateClusterScopedPolicy)).toEqual([[], []]);
});
