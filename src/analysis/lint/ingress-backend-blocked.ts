/**
 * An Ingress, Route or HTTPRoute backend whose target port no ingress controller can reach under
 * the policies (docs/ingress-paths.md): the object promises traffic that the workload's ingress
 * policies (or the controller's egress) drop. Judged for the controllers of the lint run
 * (`LintOptions.ingressControllers`); by default np-guard's anonymous controller and every
 * profile, so a policy that admits only a known controller's namespace is not reported, and the
 * rule fires when none of them gets through. Policies see the pod's port after the Service's
 * translation (docs/semantics.md §2), so the port judged is the Service's target port.
 */
import { ANONYMOUS_CONTROLLER, INGRESS_CONTROLLER_PROFILES } from '../ingress-controller';
import { analyseIngressPaths, type IngressPath } from '../ingress-paths';
import { type Workload, workloadId } from '../model';
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
        const why = isolating.length > 0 ? `its ingress policies (${listSome(isolating)}) admit none of ${listSome(controllers.map(c => `{${c.name}}`))}`
          : `the controllers' own egress policies stop it (${listSome(controllers.map(c => `{${c.name}}`))})`;
        findings.push({
          ruleId: ID,
          severity: ingressBackendBlocked.severity,
          message: `${object.namespace}/${object.name}: ${backend.field}: ${object.kind} sends to ${workloadId(workload)} on TCP ${send.port} (Service ${backend.serviceName}), but ${why}, so the route's traffic is dropped`,
          fix: `admit the ingress controller on TCP ${send.port} in a policy selecting ${workloadId(workload)}: from its namespace and pods (e.g. namespaceSelector kubernetes.io/metadata.name: ingress-nginx); if your controller is elsewhere, lint with --ingress-controller <namespace>/<key=value,...>`,
          subject: { kind: object.kind, namespace: object.namespace, name: object.name },
          field: backend.field,
          source: object.source,
        });
      }
    }
    return findings;
  },
};
