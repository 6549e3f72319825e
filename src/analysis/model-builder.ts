/**
 * Manifests → `ClusterModel`. See workload-reader.ts and policy-reader.ts for the decisions
 * on workloads and policies.
 *
 * Namespaces: every namespace carries `kubernetes.io/metadata.name: <name>` (the control
 * plane sets it and it cannot be changed); a namespace that appears only as the namespace of
 * a workload or policy gets just that label; an object without a namespace is in `default`.
 * Everything that is neither a Namespace, a workload, a NetworkPolicy nor a cluster policy
 * (cluster-policy-reader.ts) is `ignored`.
 *
 * Objects are read as the API server would hold them after `kubectl apply` of the whole input:
 * - an object with only `metadata.generateName` is named from that prefix (`web-<generated>`,
 *   then `web-<generated-2>`… for more objects of one prefix: each is an object of its own);
 * - the same kind, namespace and name written twice: the last one stands (apply updates the
 *   object), with a warning naming both places;
 * - an API version the server no longer serves (served-versions.ts): left out, with a warning;
 * - a workload with a label value that is not a string (kubectl reads an unquoted `yes` as a
 *   boolean): the server rejects it, so it is left out, with a warning; a null value is `""`.
 */
import { isClusterPolicy, readClusterPolicy } from './cluster-policy-reader';
import { clusterPolicyWarnings } from './cluster-policy-warnings';
import { field, GENERATED_NAME, isKindOf, ManifestObject, ObjectMeta, objectMeta, placeOf, readLabels, unpackDocuments } from './manifest-objects';
import { ClusterModel, ClusterPolicy, IgnoredObject, ManifestDocument, Namespace, Policy } from './model';
import { isNetworkPolicy, PolicyReader } from './policy-reader';
import { unservedVersionProblem } from './served-versions';
import { isWorkload, readWorkloads, rejectedLabelsProblem, WorkloadObject } from './workload-reader';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export const NAMESPACE_GROUPS: ReadonlyMap<string, readonly string[]> = new Map([['Namespace', ['']]]);

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

/**
 * The model of `docs`. `policyReader` may be shared by models of objects that do not change once read
 * (the synth-time lint reads every chart of an app, whose policies share their validated specs):
 * a spec read for one model is then not read again for the next.
 */
export function buildModel(docs: readonly ManifestDocument[], policyReader = new PolicyReader()): ClusterModel {
  // One pass, each object's metadata read once: at synth time this runs on every object of a chart.
  const ignored: IgnoredObject[] = [];
  const warnings: string[] = [];
  const applied = new AppliedObjects(warnings);
  for (const o of unpackDocuments(docs)) {
    const meta = objectMeta(o.object);
    if (!isWorkload(meta) && !isNetworkPolicy(meta) && !isNamespace(meta) && !isClusterPolicy(meta)) {
      ignored.push(toIgnored(o, meta));
      continue;
    }
    const unserved = unservedVersionProblem(meta);
    if (unserved !== undefined) {
      warnings.push(`${placeOf(o.source)}: ${unserved}`);
      continue;
    }
    const badLabels = isWorkload(meta) ? rejectedLabelsProblem(o.object, meta.kind!) : undefined;
    if (badLabels !== undefined) {
      warnings.push(`${placeOf(o.source)}: ${meta.kind} ${meta.namespace}/${meta.name} is not applied: the API server rejects it, as ${badLabels}; `
        + 'left out of the analysis; quote the value');
      continue;
    }
    applied.apply({ object: o.object, source: o.source, meta });
  }

  const workloadObjects: WorkloadObject[] = [];
  const policies: Policy[] = [];
  const namespaces = new Map<string, Namespace>();
  const clusterPolicies: ClusterPolicy[] = [];
  for (const o of applied.objects()) {
    const meta = o.meta;
    if (isWorkload(meta)) {
      workloadObjects.push(o);
    } else if (isNetworkPolicy(meta)) {
      policies.push(policyReader.read(o, meta));
    } else if (isClusterPolicy(meta)) {
      clusterPolicies.push(readClusterPolicy(o, meta));
    } else {
      const name = meta.name!;
      namespaces.set(name, { name, labels: namespaceLabels(name, field(field(o.object, 'metadata'), 'labels')), source: o.source });
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
    ...(clusterPolicies.length === 0 ? {} : { clusterPolicies }),
    ignored,
    warnings: [...warnings, ...clusterPolicyWarnings(clusterPolicies, namespaces, workloads)],
    documents: docs,
  };
}

/** An object of a kind the model reads, with its metadata. */
type ReadObject = WorkloadObject;

/** The objects the input leaves in the cluster, by kind, namespace and name, in input order. */
class AppliedObjects {
  private readonly byKey = new Map<string, ReadObject>();
  /** How many objects of each kind, namespace and generateName prefix were named so far. */
  private readonly generatedCount = new Map<string, number>();

  public constructor(private readonly warnings: string[]) {}

  public apply(o: ReadObject): void {
    const named = o.meta.generated ? this.nameGenerated(o) : o;
    const { kind, namespace, name } = named.meta;
    // Namespaces and cluster policies are not namespaced: their own `metadata.namespace`, if any, is no part of them.
    const clusterScoped = kind === 'Namespace' || isClusterPolicy(named.meta);
    const key = `${kind}/${clusterScoped ? '' : namespace}/${name}`;
    const earlier = this.byKey.get(key);
    if (earlier !== undefined) {
      const id = clusterScoped ? name : `${namespace}/${name}`;
      this.warnings.push(`${placeOf(o.source)}: ${kind} ${id} is also written at ${placeOf(earlier.source)}; `
        + 'this later one stands, as kubectl apply leaves it, and the earlier one is not analysed');
    }
    // Set on an existing key keeps its place: the object stays where it was first written.
    this.byKey.set(key, named);
  }

  public objects(): IterableIterator<ReadObject> {
    return this.byKey.values();
  }

  /** `web-<generated>` for the first object of a prefix, `web-<generated-2>` for the second… */
  private nameGenerated(o: ReadObject): ReadObject {
    const key = `${o.meta.kind}/${o.meta.namespace}/${o.meta.name}`;
    const count = (this.generatedCount.get(key) ?? 0) + 1;
    this.generatedCount.set(key, count);
    if (count === 1) return o;
    const name = `${o.meta.name!.slice(0, -GENERATED_NAME.length)}${GENERATED_NAME.slice(0, -1)}-${count}>`;
    return { ...o, meta: { ...o.meta, name } };
  }
}

/** Plain code-unit order: stable across locales, like np-guard's sorted output. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
