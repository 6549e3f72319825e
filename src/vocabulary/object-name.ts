import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * How a cdk8s-plus object (workload, Service) names a graph member: its `metadata.name` when the
 * user gave one, else its construct id. A name cdk8s generated ends in a hash of the construct
 * path, which is stable but not readable.
 */
export function readableName(object: IConstruct, metadata: { toJson(): any }): string {
  const name: unknown = metadata.toJson()?.name;
  if (typeof name !== 'string') return object.node.id;
  try {
    return name === Chart.of(object).generateObjectName(ApiObject.of(object)) ? object.node.id : name;
  } catch {
    return object.node.id; // Not an object cdk8s names (no ApiObject under it): its id is all there is.
  }
}
