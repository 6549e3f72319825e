/**
 * Flat F(w, p): one namespace, `w` workloads (Deployments) with random labels from a small
 * vocabulary and random named container ports, and `p` random NetworkPolicies mixing every
 * feature the analyzer handles: `{}` / matchLabels / matchExpressions selectors, AND and OR peers,
 * namespace selectors, ipBlocks with `except`, missing `from`/`to` and `ports`, numeric ports,
 * ranges (`endPort`), named ports and protocol-only ports, and every `policyTypes` form.
 *
 * Deterministic: the same (w, p, seed) always gives the same manifests (seeded PRNG, no clock).
 * Every policy is one the API server accepts, so `loadManifests` reads the YAML.
 */

/* eslint-disable no-bitwise -- a PRNG is bit arithmetic */

/** mulberry32: a small, fast, seeded 32-bit PRNG. */
export class Random {
  private state: number;

  public constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  public next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  public int(n: number): number {
    return Math.floor(this.next() * n);
  }

  public chance(p: number): boolean {
    return this.next() < p;
  }

  public pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** `k` distinct items (k is capped at the list's length), in the list's order. */
  public some<T>(items: readonly T[], k: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, items.length)) chosen.add(this.int(items.length));
    return [...chosen].sort((a, b) => a - b).map(i => items[i]);
  }
}

export const FLAT_NAMESPACE = 'flat';

/** Label keys and their values; `p` is how often a workload carries the key. */
type Vocabulary = readonly { key: string; values: readonly string[]; p: number }[];

/**
 * The label vocabulary for `w` workloads. `app` has 30 values, and one per 40 workloads past 1,200,
 * so that a selector matches about as many workloads at every size (and the share of pairs allowed
 * stays alike) instead of growing with `w`.
 */
function vocabulary(w: number): Vocabulary {
  return [
    { key: 'app', values: Array.from({ length: Math.max(30, Math.ceil(w / 40)) }, (_, i) => `app${i}`), p: 1 },
    { key: 'tier', values: ['web', 'api', 'db', 'cache'], p: 0.9 },
    { key: 'env', values: ['prod', 'dev'], p: 0.5 },
    { key: 'team', values: ['red', 'blue', 'green'], p: 0.2 },
  ];
}

type PortProtocol = 'TCP' | 'UDP' | 'SCTP';

/** Named container ports by tier (so workloads of a kind share them), and the extras any workload may add. */
const TIER_PORTS: Readonly<Record<string, readonly { name: string; port: number; protocol: PortProtocol }[]>> = {
  web: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  api: [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'grpc', port: 9090, protocol: 'TCP' }],
  db: [{ name: 'sql', port: 5432, protocol: 'TCP' }],
  cache: [{ name: 'cache', port: 6379, protocol: 'TCP' }, { name: 'gossip', port: 7946, protocol: 'UDP' }],
  none: [{ name: 'diameter', port: 3868, protocol: 'SCTP' }],
};
const PORT_NAMES = ['http', 'grpc', 'sql', 'cache', 'gossip', 'diameter', 'metrics', 'dns'];

const IP_BLOCKS: readonly { cidr: string; except?: string[] }[] = [
  { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.3.0/24'] },
  { cidr: '192.168.0.0/16' },
  { cidr: '172.16.0.0/12', except: ['172.16.5.0/24'] },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '192.168.0.0/16'] },
  { cidr: '203.0.113.0/24' },
  { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] },
  { cidr: '::/0' },
];

const NAMESPACE_LABELS = { env: 'prod', team: 'platform' };

type Json = Record<string, unknown>;

function workload(r: Random, i: number, vocab: Vocabulary): Json {
  const labels: Record<string, string> = {};
  for (const { key, values, p } of vocab) if (r.chance(p)) labels[key] = r.pick(values);
  const ports = TIER_PORTS[labels.tier ?? 'none'].map(np => ({
    containerPort: r.chance(0.1) ? np.port + 1 : np.port, // a few workloads map the name elsewhere
    name: np.name,
    protocol: np.protocol,
  }));
  if (r.chance(0.2)) ports.push({ containerPort: 9100, name: 'metrics', protocol: 'TCP' });
  if (r.chance(0.02)) ports.push({ containerPort: 53, name: 'dns', protocol: 'UDP' });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `w-${String(i).padStart(5, '0')}`, namespace: FLAT_NAMESPACE },
    spec: {
      selector: { matchLabels: { ...labels } }, // a copy: a shared object would become a YAML anchor
      template: {
        metadata: { labels },
        spec: {
          ...r.chance(0.01) ? { hostNetwork: true } : {},
          containers: [{ name: 'main', image: 'registry.example/app:1', ports }],
        },
      },
    },
  };
}

/** A label selector: `{}`, or `app` by matchLabels or `In`, narrowed now and then by another key. */
function selector(r: Random, emptyChance: number, vocab: Vocabulary): Json {
  if (r.chance(emptyChance)) return {};
  const [app, ...others] = vocab;
  const out: Json = {};
  const expressions: Json[] = [];
  if (r.chance(0.75)) {
    out.matchLabels = { app: r.pick(app.values) };
  } else {
    expressions.push({ key: 'app', operator: 'In', values: r.some(app.values, 1 + r.int(3)) });
  }
  if (r.chance(0.5)) {
    const other = r.pick(others);
    const operator = r.pick(['Equals', 'Equals', 'In', 'NotIn', 'Exists', 'DoesNotExist'] as const);
    if (operator === 'Equals') out.matchLabels = { ...out.matchLabels as object, [other.key]: r.pick(other.values) };
    else if (operator === 'In' || operator === 'NotIn') expressions.push({ key: other.key, operator, values: r.some(other.values, 1 + r.int(2)) });
    else expressions.push({ key: other.key, operator });
  }
  if (expressions.length > 0) out.matchExpressions = expressions;
  return out;
}

function namespaceSelector(r: Random): Json {
  const roll = r.next();
  if (roll < 0.4) return {};
  if (roll < 0.7) return { matchLabels: { 'kubernetes.io/metadata.name': r.chance(0.8) ? FLAT_NAMESPACE : 'elsewhere' } };
  return { matchLabels: { env: r.pick(['prod', 'dev']) } };
}

function peer(r: Random, vocab: Vocabulary): Json {
  const roll = r.next();
  if (roll < 0.55) return { podSelector: selector(r, 0.005, vocab) };
  if (roll < 0.56) return { namespaceSelector: namespaceSelector(r) };
  if (roll < 0.8) return { namespaceSelector: namespaceSelector(r), podSelector: selector(r, 0.005, vocab) };
  const block = r.pick(IP_BLOCKS);
  return { ipBlock: block.except ? { cidr: block.cidr, except: r.some(block.except, 1 + r.int(block.except.length)) } : { cidr: block.cidr } };
}

const NAME_PROTOCOL: Readonly<Record<string, PortProtocol>> = { gossip: 'UDP', dns: 'UDP', diameter: 'SCTP' };

function port(r: Random, namedAllowed: boolean): Json {
  const protocol = r.pick(['TCP', 'TCP', 'UDP', 'SCTP'] as const);
  const roll = r.next();
  if (roll < 0.35) return { port: r.pick([53, 80, 443, 3868, 5432, 6379, 8080, 9090, 9100]), protocol };
  if (roll < 0.55) {
    const start = r.pick([1000, 5000, 8000, 9000, 30000]);
    return { port: start, endPort: start + r.pick([0, 10, 99, 1000]), protocol };
  }
  if (roll < 0.9 && namedAllowed) {
    const name = r.pick(PORT_NAMES);
    const own = NAME_PROTOCOL[name] ?? 'TCP';
    // Mostly the port's own protocol (TCP left to defaulting half the time); sometimes another, which then does not resolve.
    const chosen = r.chance(0.85) ? own : r.pick(['TCP', 'UDP', 'SCTP'] as const);
    return chosen === 'TCP' && r.chance(0.5) ? { port: name } : { port: name, protocol: chosen };
  }
  return r.chance(0.5) ? { protocol } : {};
}

function rule(r: Random, peersKey: 'from' | 'to', vocab: Vocabulary): Json {
  const out: Json = {};
  if (!r.chance(0.02)) out[peersKey] = Array.from({ length: 1 + r.int(2) }, () => peer(r, vocab));
  const peers = (out[peersKey] ?? []) as Json[];
  // A named port with an ipBlock peer, or toward any destination, is left to each CNI: not generated.
  const namedAllowed = peers.length > 0 && peers.every(p => !p.ipBlock);
  if (!r.chance(0.15)) out.ports = Array.from({ length: 1 + r.int(3) }, () => port(r, namedAllowed));
  return out;
}

function policy(r: Random, i: number, vocab: Vocabulary): Json {
  const types = r.pick([['Ingress'], ['Egress'], ['Ingress', 'Egress'], ['Ingress', 'Egress'], undefined]);
  const hasIngress = types === undefined || types.includes('Ingress');
  const hasEgress = types === undefined ? r.chance(0.5) : types.includes('Egress');
  const spec: Json = { podSelector: selector(r, 0.01, vocab) };
  const rules = (key: 'from' | 'to') => Array.from({ length: r.int(3) }, () => rule(r, key, vocab));
  if (hasIngress) {
    const ingress = rules('from');
    if (ingress.length > 0) spec.ingress = ingress;
  }
  if (hasEgress) {
    const egress = rules('to');
    // Without policyTypes, egress only isolates when it has rules (defaulting): keep it non-empty then.
    if (egress.length > 0 || types === undefined) spec.egress = egress.length > 0 ? egress : [rule(r, 'to', vocab)];
  }
  if (types !== undefined) spec.policyTypes = types;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `np-${String(i).padStart(5, '0')}`, namespace: FLAT_NAMESPACE },
    spec,
  };
}

/** F(w, p) as plain manifest objects: the Namespace, `w` Deployments, `p` NetworkPolicies. */
export function flatManifests(w: number, p: number, seed = 1): Json[] {
  const r = new Random(seed);
  const vocab = vocabulary(w);
  const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: FLAT_NAMESPACE, labels: NAMESPACE_LABELS } };
  const workloads = Array.from({ length: w }, (_, i) => workload(r, i, vocab));
  const policies = Array.from({ length: p }, (_, i) => policy(r, i, vocab));
  return [namespace, ...workloads, ...policies];
}
