/**
 * An Ingress, Route or HTTPRoute backend whose target port no ingress controller can reach under
 * the policies (docs/ingress-paths.md): the object promises traffic that the workload's ingress
 * policies (or the controller's egress) drop. Judged for the controllers of the lint run
 * (`LintOptions.ingressControllers`); by default np-guard's anonymous controller and every
 * profile, so a policy that admits only a known controller's namespace is not reported, and the
 * rule fires when none of them gets through. Policies see the pod's port after the Service's
 * translation (docs/semantics.md §2), so the port judged is the Service's target port.
 *
 * The paths go through the cluster policies' tiers (ingress-paths.ts); when a cluster policy's
 * Deny stops a controller (at the workload's ingress or the controller's egress), the finding
 * names it rather than the NetworkPolicies.
 */
import { ConnectionSet } from '../connection-set';
import { evaluatePair } from '../evaluation';
import { ANONYMOUS_CONTROLLER, INGRESS_CONTROLLER_PROFILES, type IngressController } from '../ingress-controller';
import { analyseIngressPaths, controllerEnd, type IngressPath } from '../ingress-paths';
import { type ClusterPolicy, type Workload, workloadId } from '../model';
import { denyingSteps, describeDecider, tieredSide } from './cluster-tiers';
import type { LintContext } from './context';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { listSome, policyRef } from './wording';

const ID = 'ingress-backend-blocked';

export const ingressBackendBlocked: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'An Ingress, Route or HTTPRoute backend whose target port no ingress controller can reach under the policies.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => {
    if (model.documents === undefined) return [];
    const controllers = context.ingressControllers ?? [ANONYMOUS_CONTROLLER, ...Object.values(INGRESS_CONTROLLER_PROFILES)];
    const paths = analyseIngressPaths(model, controllers).paths;
    const byWorkload = new Map<Workload, IngressPath[]>();
    for (const path of paths) {
      const list = byWorkload.get(path.workload);
      if (list) list.push(path);
      else byWorkload.set(path.workload, [path]);
    }
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const [workload, perController] of byWorkload) {
      for (const send of perController[0].sends) {
        if (perController.some(p => p.allowed.contains('TCP', send.port))) continue;
        const { object, backend } = send;
        const key = `${object.kind}/${object.namespace}/${object.name}/${backend.field}/${workloadId(workload)}/${send.port}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const isolating = context.isolatingPolicies(workload, 'Ingress').map(policyRef);
        const deniedBy = clusterDenials(context, controllers, workload, send.port);
        const why = blockedBecause(deniedBy, isolating, controllers);
        findings.push({
          ruleId: ID,
          severity: ingressBackendBlocked.severity,
          message: `${object.namespace}/${object.name}: ${backend.field}: ${object.kind} sends to ${workloadId(workload)} on TCP ${send.port} (Service ${backend.serviceName}), but ${why}, so the route's traffic is dropped`,
          fix: `${deniedBy.length > 0 ? `accept the ingress controller on TCP ${send.port} to ${workloadId(workload)} in the Admin tier before the rule that denies it, or ` : ''}admit the ingress controller on TCP ${send.port} in a policy selecting ${workloadId(workload)}: from its namespace and pods (e.g. namespaceSelector kubernetes.io/metadata.name: ingress-nginx); if your controller is elsewhere, lint with --ingress-controller <namespace>/<key=value,...>`,
          subject: { kind: object.kind, namespace: object.namespace, name: object.name },
          field: backend.field,
          source: object.source,
        });
      }
    }
    return findings;
  },
};

/** Who stops the controllers: a cluster policy's Deny, else the workload's ingress policies, else the controllers' own egress. */
function blockedBecause(deniedBy: readonly ClusterPolicy[], isolating: readonly string[], controllers: readonly IngressController[]): string {
  const names = listSome(controllers.map(c => `{${c.name}}`));
  if (deniedBy.length > 0) return `${listSome(deniedBy.map(describeDecider))} ${deniedBy.length === 1 ? 'denies' : 'deny'} it`;
  return isolating.length > 0 ? `its ingress policies (${listSome(isolating)}) admit none of ${names}` : `the controllers' own egress policies stop it (${names})`;
}

/** The cluster policies whose Deny stops a controller on TCP `port`: at the workload's ingress, or at the controller's egress. */
function clusterDenials(context: LintContext, controllers: readonly IngressController[], workload: Workload, port: number): ClusterPolicy[] {
  if (!context.clusterTiers) return [];
  const conns = ConnectionSet.ports('TCP', port);
  const backend = context.end(workload);
  const denials = new Set<ClusterPolicy>();
  for (const controller of controllers) {
    const source = controllerEnd(controller, context.model, context.policies);
    const pair = evaluatePair(source, backend);
    const sides = [
      tieredSide(context, 'Ingress', backend.subject, source.subject, pair.ingress),
      tieredSide(context, 'Egress', source.subject, backend.subject, pair.egress),
    ];
    for (const side of sides) {
      for (const step of side ? denyingSteps([...side.admin.steps, ...side.baseline.steps], conns) : []) denials.add(step.policy);
    }
  }
  return [...denials];
}
