import { IConstruct } from 'constructs';
import { LabelSelectorRequirement } from './label-expression';

/**
 * The metadata of a workload or of its pod template, as far as the library reads it. cdk8s'
 * `ApiObjectMetadataDefinition` is one.
 */
export interface IWorkloadMetadata {
  /**
   * The namespace the object is written to.
   *
   * @default - its chart's namespace
   */
  readonly namespace?: string;

  /** The metadata as written in a manifest; the library reads its `labels`. */
  toJson(): any;
}

/**
 * A cdk8s-plus workload (Deployment, StatefulSet, DaemonSet, Job) or Pod, of any cdk8s-plus
 * version, described by the public members the library reads.
 *
 * It is a shape, not a cdk8s-plus class: the classes of each cdk8s-plus version have private
 * members, so TypeScript treats those of two versions as unrelated types, while every version's
 * workloads have these members and so are an `IWorkload` as they are.
 */
export interface IWorkload extends IConstruct {
  /** Where the workload is written: the library reads its namespace. */
  readonly metadata: IWorkloadMetadata;

  /** The metadata of the workload's pods: the library reads their labels. */
  readonly podMetadata: IWorkloadMetadata;

  /**
   * Whether the pods use the node's network namespace.
   *
   * @default false
   */
  readonly hostNetwork?: boolean;

  /**
   * The labels the workload selects its pods by.
   *
   * @default - a Pod has no selector: its own labels select it
   */
  readonly matchLabels?: { [key: string]: string };

  /**
   * The label requirements the workload selects its pods by.
   *
   * @default - a Pod has no selector: its own labels select it
   */
  readonly matchExpressions?: LabelSelectorRequirement[];
}
