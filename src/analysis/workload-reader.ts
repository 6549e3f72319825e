/**
 * Workloads: one analysis peer per controller tree (a Deployment, its ReplicaSets and Pods
 * are one peer), described by its pod template.
 *
 * Decisions:
 * - Labels are the pod template's (`spec.template.metadata.labels`, CronJob:
 *   `spec.jobTemplate.spec.template…`), never the workload's own `metadata.labels`: policies select pods.
 * - Named ports come from `containers[].ports[]` and from `initContainers` with
 *   `restartPolicy: Always` (native sidecars, which serve for the pod's lifetime); plain init
 *   containers have finished before the pod serves, so their ports are ignored.
 * - Grouping follows controller `ownerReferences` (`controller: true`) upward while the owner
 *   is present; an owner that is absent still names the peer (kind and name from the reference),
 *   so Pods of one ReplicaSet are one peer even without the ReplicaSet, and a present
 *   ReplicaSet owned by a Deployment makes its Pods part of that Deployment.
 * - When several objects fall into one peer, the one closest to the running pods (the deepest
 *   in the owner chain, first in input order among equals) describes its pods: a Pod's actual
 *   labels win over its template.
 */
import { isPortNumber } from './connection-set';
import { arrayField, field, isKindOf, ManifestObject, nonStringLabel, ObjectMeta, path, readLabels, stringField } from './manifest-objects';
import { NamedContainerPort, Protocol, PROTOCOLS, Workload } from './model';

/** Workload kinds and the API groups they come from ('' is the core group). */
export const WORKLOAD_GROUPS: ReadonlyMap<string, readonly string[]> = new Map([
  ['Pod', ['']],
  ['ReplicationController', ['']],
  ['Deployment', ['apps', 'extensions']],
  ['ReplicaSet', ['apps', 'extensions']],
  ['StatefulSet', ['apps']],
  ['DaemonSet', ['apps', 'extensions']],
  ['Job', ['batch']],
  ['CronJob', ['batch']],
]);

/** Whether an object with this metadata (`objectMeta`) is a workload. */
export function isWorkload(meta: ObjectMeta): boolean {
  return meta.name !== undefined && isKindOf(WORKLOAD_GROUPS, meta.kind, meta.apiVersion);
}

/** A workload object with its metadata, as `buildModel` classified it. */
export interface WorkloadObject extends ManifestObject {
  readonly meta: ObjectMeta;
}

/** A workload object as read, before grouping by owner. */
interface Candidate {
  readonly workload: Workload;
  readonly owner?: { readonly kind: string; readonly name: string };
}

function podTemplate(obj: unknown, kind: string): unknown {
  if (kind === 'Pod') return obj;
  if (kind === 'CronJob') return path(obj, 'spec', 'jobTemplate', 'spec', 'template');
  return path(obj, 'spec', 'template');
}

/**
 * Why the API server would reject a workload object for its labels (a value that is not a
 * string, such as an unquoted `yes` or `1.0`), naming the field; undefined when it would not.
 * Such an object never runs, so it is no peer of the analysis.
 */
export function rejectedLabelsProblem(object: unknown, kind: string): string | undefined {
  const maps: Array<[string, unknown]> = [
    ['metadata.labels', path(object, 'metadata', 'labels')],
    [kind === 'Pod' ? 'metadata.labels' : kind === 'CronJob' ? 'spec.jobTemplate.spec.template.metadata.labels' : 'spec.template.metadata.labels',
      path(podTemplate(object, kind), 'metadata', 'labels')],
    ['spec.selector.matchLabels', path(object, 'spec', 'selector', 'matchLabels')],
  ];
  for (const [where, labels] of maps) {
    const entry = nonStringLabel(labels);
    if (entry !== undefined) return `${where} has ${entry}, which is not a string (unquoted yes, no, on, off, true and numbers are not, for kubectl)`;
  }
  return undefined;
}

function readNamedPorts(podSpec: unknown): NamedContainerPort[] {
  const sidecars = arrayField(podSpec, 'initContainers').filter(c => field(c, 'restartPolicy') === 'Always');
  const ports: NamedContainerPort[] = [];
  for (const container of [...arrayField(podSpec, 'containers'), ...sidecars]) {
    for (const p of arrayField(container, 'ports')) {
      const name = stringField(p, 'name');
      const port = field(p, 'containerPort');
      const protocol = field(p, 'protocol') ?? 'TCP';
      if (name !== undefined && isPortNumber(port) && PROTOCOLS.includes(protocol as Protocol)) {
        ports.push({ name, port, protocol: protocol as Protocol });
      }
    }
  }
  return ports;
}

/**
 * The controller owner, except a Node: static pods' mirror Pods name their Node as controller,
 * and the static pods of one node (etcd, kube-apiserver…) are separate workloads.
 */
function controllerOwner(obj: unknown): Candidate['owner'] {
  const ref = arrayField(field(obj, 'metadata'), 'ownerReferences').find(r => field(r, 'controller') === true);
  const kind = stringField(ref, 'kind');
  const name = stringField(ref, 'name');
  return kind !== undefined && kind !== 'Node' && name !== undefined ? { kind, name } : undefined;
}

function readCandidate({ object, source, meta }: WorkloadObject): Candidate {
  const template = podTemplate(object, meta.kind!);
  const podSpec = field(template, 'spec');
  return {
    workload: {
      namespace: meta.namespace,
      name: meta.name!,
      kind: meta.kind!,
      podLabels: readLabels(path(template, 'metadata', 'labels')),
      namedPorts: readNamedPorts(podSpec),
      hostNetwork: field(podSpec, 'hostNetwork') === true,
      source,
    },
    owner: controllerOwner(object),
  };
}

const keyOf = (namespace: string, kind: string, name: string) => `${namespace}/${kind}/${name}`;

/** Workload objects (already filtered with `isWorkload`) grouped into one peer per controller tree. */
export function readWorkloads(objects: readonly WorkloadObject[]): Workload[] {
  const candidates = objects.map(readCandidate);
  const byKey = new Map(candidates.map(c => [keyOf(c.workload.namespace, c.workload.kind, c.workload.name), c]));

  /** The peer a candidate belongs to: its topmost owner (present or not) and its depth below it. */
  const root = (c: Candidate): { kind: string; name: string; depth: number } => {
    if (!c.owner) return { kind: c.workload.kind, name: c.workload.name, depth: 0 };
    const seen = new Set<Candidate>();
    let current = c;
    let depth = 0;
    while (current.owner && !seen.has(current)) {
      seen.add(current);
      depth++;
      const owner = byKey.get(keyOf(c.workload.namespace, current.owner.kind, current.owner.name));
      if (!owner) return { ...current.owner, depth };
      current = owner;
    }
    return { kind: current.workload.kind, name: current.workload.name, depth };
  };

  const peers = new Map<string, { workload: Workload; depth: number }>();
  for (const c of candidates) {
    const r = root(c);
    const key = keyOf(c.workload.namespace, r.kind, r.name);
    const existing = peers.get(key);
    if (!existing || r.depth > existing.depth) {
      const rootObject = byKey.get(key);
      // A workload without an owner is its own peer: kept as read, not copied.
      const workload = rootObject === c ? c.workload
        : { ...c.workload, kind: r.kind, name: r.name, source: rootObject?.workload.source ?? c.workload.source };
      peers.set(key, { workload, depth: r.depth });
    }
  }
  return [...peers.values()].map(p => p.workload);
}
