/**
 * Every container port a workload's pods declare (named or not), read for the lint only:
 * reachability needs named ports alone (workload-reader.ts). Declaring ports is optional in
 * Kubernetes and a container may listen on ports it does not declare, so "no container serves
 * this port" can only be said when every serving container declares at least one port.
 */
import { isPortNumber } from './connection-set';
import { arrayField, field, path, stringField } from './manifest-objects';
import type { Protocol } from './model';
import { PROTOCOLS } from './model';

export interface DeclaredPort {
  readonly port: number;
  readonly protocol: Protocol;
  readonly name?: string;
}

export interface DeclaredPorts {
  readonly ports: readonly DeclaredPort[];
  /** Every container that serves (containers, and native sidecars: init containers with `restartPolicy: Always`) declares a port. */
  readonly complete: boolean;
}

/** The declared ports of a workload object of `kind` (Pod, Deployment, CronJob, …). */
export function readDeclaredPorts(object: unknown, kind: string): DeclaredPorts {
  const template = kind === 'Pod' ? object
    : kind === 'CronJob' ? path(object, 'spec', 'jobTemplate', 'spec', 'template') : path(object, 'spec', 'template');
  const podSpec = field(template, 'spec');
  const sidecars = arrayField(podSpec, 'initContainers').filter(c => field(c, 'restartPolicy') === 'Always');
  const containers = [...arrayField(podSpec, 'containers'), ...sidecars];
  const perContainer = containers.map(container => arrayField(container, 'ports').flatMap(readPort));
  return {
    ports: perContainer.flat(),
    complete: containers.length > 0 && perContainer.every(ports => ports.length > 0),
  };
}

function readPort(entry: unknown): DeclaredPort[] {
  const port = field(entry, 'containerPort');
  const protocol = field(entry, 'protocol') ?? 'TCP';
  if (!isPortNumber(port) || !PROTOCOLS.includes(protocol as Protocol)) return [];
  return [{ port, protocol: protocol as Protocol, name: stringField(entry, 'name') }];
}
