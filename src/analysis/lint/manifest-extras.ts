/**
 * What some lint rules read from the documents beyond the model (`ClusterModel.documents`):
 * Services, every declared container port, and the annotations of the object a finding is
 * about. Read once per model and only when asked, so rules that need none of it cost nothing.
 * A model without documents (built by hand) has none of these: the rules that need them stay quiet.
 */
import { type DeclaredPorts, readDeclaredPorts } from '../declared-ports-reader';
import { field, ManifestObject, objectMeta, readLabels, unpackDocuments } from '../manifest-objects';
import type { ClusterModel, Labels, Workload } from '../model';
import { readServices, type Service } from '../service-reader';
import type { ObjectRef } from './finding';

export class ManifestExtras {
  /** The extras of a model, read once however many rules ask. */
  public static of(model: ClusterModel): ManifestExtras {
    let extras = EXTRAS.get(model);
    if (!extras) {
      extras = new ManifestExtras(model);
      EXTRAS.set(model, extras);
    }
    return extras;
  }

  private objectsMemo?: readonly ManifestObject[];
  private servicesMemo?: readonly Service[];
  private servicesByNamespace?: Map<string, Service[]>;
  private byRef?: Map<string, unknown>;
  private readonly declared = new Map<Workload, DeclaredPorts | undefined>();

  private constructor(private readonly model: ClusterModel) {}

  public get services(): readonly Service[] {
    return this.servicesMemo ??= readServices(this.objects);
  }

  /** The Services whose selector selects the workload's pods (same namespace, not hostNetwork: policies do not apply to those). */
  public servicesOf(workload: Workload): readonly Service[] {
    if (workload.hostNetwork) return [];
    if (!this.servicesByNamespace) {
      this.servicesByNamespace = new Map();
      for (const service of this.services) {
        if (service.selector === undefined) continue;
        const list = this.servicesByNamespace.get(service.namespace);
        if (list) list.push(service);
        else this.servicesByNamespace.set(service.namespace, [service]);
      }
    }
    return (this.servicesByNamespace.get(workload.namespace) ?? [])
      .filter(s => Object.entries(s.selector!).every(([key, value]) => Object.hasOwn(workload.podLabels, key) && workload.podLabels[key] === value));
  }

  /** The ports the workload's pods declare; undefined when the object that describes them is not in the input. */
  public declaredPorts(workload: Workload): DeclaredPorts | undefined {
    if (!this.declared.has(workload)) {
      const object = this.object({ kind: workload.kind, namespace: workload.namespace, name: workload.name });
      this.declared.set(workload, object === undefined ? undefined : readDeclaredPorts(object, workload.kind));
    }
    return this.declared.get(workload);
  }

  /** `metadata.annotations` of the object (a policy as the model keeps it, anything else as last written in the input; none when absent). */
  public annotations(ref: ObjectRef): Labels {
    return readLabels(field(field(this.object(ref), 'metadata'), 'annotations'));
  }

  private get objects(): readonly ManifestObject[] {
    return this.objectsMemo ??= unpackDocuments(this.model.documents ?? []);
  }

  private object(ref: ObjectRef): unknown {
    if (!this.byRef) {
      this.byRef = new Map();
      for (const { object } of this.objects) {
        const meta = objectMeta(object);
        if (meta.kind === undefined || meta.name === undefined) continue;
        this.byRef.set(refKey({ kind: meta.kind, namespace: meta.namespace, name: meta.name }), object);
      }
      for (const policy of this.model.policies) this.byRef.set(refKey({ kind: 'NetworkPolicy', namespace: policy.namespace, name: policy.name }), policy.raw);
      // Cluster-scoped: findings about them name no namespace (cluster-wording.ts).
      for (const policy of this.model.clusterPolicies ?? []) this.byRef.set(refKey({ kind: policy.kind, namespace: '', name: policy.name }), policy.raw);
    }
    return this.byRef.get(refKey(ref));
  }
}

const EXTRAS = new WeakMap<ClusterModel, ManifestExtras>();

function refKey(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}
