/**
 * `reach --ingress-controller`: which controller the ingress paths start from
 * (docs/ingress-paths.md). Defined here and spread into the command's options, so the command
 * gains it with one line.
 */
import { type CliIo, UsageError } from './command';
import { type IngressController, parseIngressController } from '../analysis/ingress-controller';
import { analyseIngressPaths, withIngressFlows } from '../analysis/ingress-paths';
import { placeOf } from '../analysis/manifest-objects';
import { type ClusterModel, workloadId } from '../analysis/model';
import type { Reachability } from '../analysis/results';

export const INGRESS_CONTROLLER_OPTIONS = {
  'ingress-controller': { type: 'string', multiple: true },
} as const;

export const INGRESS_CONTROLLER_USAGE = `      --ingress-controller <c>  where Ingress/Route/HTTPRoute traffic comes from: ingress-nginx,
                         openshift, traefik, or <namespace>/<key=value,...> (its pods' labels);
                         repeat for several. Default: np-guard's {ingress-controller}, an
                         unlabelled pod in a namespace no policy names`;

/** The controllers given with `--ingress-controller`; undefined when none was (each command has its default). */
export function ingressControllersOf(values: { 'ingress-controller'?: string[] }): IngressController[] | undefined {
  const given = values['ingress-controller'] ?? [];
  if (given.length === 0) return undefined;
  return given.map(text => {
    try {
      return parseIngressController(text);
    } catch (e) {
      throw new UsageError(`--ingress-controller: ${(e as Error).message}`, { cause: e });
    }
  });
}

/**
 * `reach` with the ingress paths of the input added (when it has Ingress, Route or HTTPRoute
 * objects); what cannot be resolved goes to stderr, one line each.
 */
export function withIngressPaths(reach: Reachability, model: ClusterModel, values: { 'ingress-controller'?: string[] }, io: CliIo): Reachability {
  const analysis = analyseIngressPaths(model, ingressControllersOf(values));
  for (const warning of analysis.warnings) io.stderr(`cdk8s-netpol: ${warning}\n`);
  // As np-guard warns of a backend the policies block: the route promises what no line shows.
  for (const path of analysis.paths) {
    const blocked = path.wanted.subtract(path.allowed);
    if (blocked.isEmpty()) continue;
    const { object } = path.sends[0];
    io.stderr(`cdk8s-netpol: ${placeOf(object.source)}: ${object.kind} ${object.namespace}/${object.name} sends to ${workloadId(path.workload)}, `
      + `but the policies block {${path.controller.name}} on ${blocked} (see lint rule ingress-backend-blocked)\n`);
  }
  return withIngressFlows(reach, analysis);
}
