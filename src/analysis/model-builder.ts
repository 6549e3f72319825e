/**
 * Manifests → `ClusterModel`. See workload-reader.ts and policy-reader.ts for the decisions
 * on workloads and policies.
 *
 * Namespaces: every namespace carries `kubernetes.io/metadata.name: <name>` (the control
 * plane sets it and it cannot be changed); a namespace that appears only as the namespace of
 * a workload or policy gets just that label; an object without a namespace is in `default`.
 * Everything that is neither a Namespace, a workload nor a NetworkPolicy is `ignored`.
 */
import { field, isKindOf, ManifestObject, ObjectMeta, objectMeta, readLabels, unpackDocuments } from './manifest-objects';
import { ClusterModel, IgnoredObject, ManifestDocument, Namespace, Policy } from './model';
import { isNetworkPolicy, PolicyReader } from './policy-reader';
import { isWorkload, readWorkloads, WorkloadObject } from './workload-reader';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

const NAMESPACE_GROUPS: ReadonlyMap<string, readonly string[]> = new Map([['Namespace', ['']]]);

function isNamespace(meta: ObjectMeta): boolean {
  return meta.name !== undefined && isKindOf(NAMESPACE_GROUPS, meta.kind, meta.apiVersion);
}

/** A namespace's labels: the given ones plus the name label, which always wins. */
export function namespaceLabels(name: string, labels: unknown = undefined) {
  return Object.assign(readLabels(labels), { [NAMESPACE_NAME_LABEL]: name });
}

function toIgnored({ source }: ManifestObject, meta: ObjectMeta): IgnoredObject {
  return { apiVersion: meta.apiVersion, kind: meta.kind, name: meta.name, source };
}

export function buildModel(docs: readonly ManifestDocument[]): ClusterModel {
  // One pass, each object's metadata read once: at synth time this runs on every object of a chart.
  const workloadObjects: WorkloadObject[] = [];
  const policies: Policy[] = [];
  const ignored: IgnoredObject[] = [];
  const namespaces = new Map<string, Namespace>();
  const policyReader = new PolicyReader();
  for (const o of unpackDocuments(docs)) {
    const meta = objectMeta(o.object);
    if (isWorkload(meta)) {
      workloadObjects.push({ object: o.object, source: o.source, meta });
    } else if (isNetworkPolicy(meta)) {
      policies.push(policyReader.read(o, meta));
    } else if (isNamespace(meta)) {
      const name = meta.name!;
      namespaces.set(name, { name, labels: namespaceLabels(name, field(field(o.object, 'metadata'), 'labels')), source: o.source });
    } else {
      ignored.push(toIgnored(o, meta));
    }
  }
  const workloads = readWorkloads(workloadObjects);
  const addNamespace = ({ namespace }: { namespace: string }) => {
    if (!namespaces.has(namespace)) namespaces.set(namespace, { name: namespace, labels: namespaceLabels(namespace) });
  };
  workloads.forEach(addNamespace);
  policies.forEach(addNamespace);

  return {
    namespaces: [...namespaces.values()].sort((a, b) => compare(a.name, b.name)),
    workloads: workloads.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name) || compare(a.kind, b.kind)),
    policies,
    ignored,
    warnings: [],
    documents: docs,
  };
}

/** Plain code-unit order: stable across locales, like np-guard's sorted output. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
