/**
 * NetworkPolicy sees a connection after the Service has translated it: the pod's address and the
 * pod's port (docs/semantics.md §2, "Ports are pod (container) ports after Service DNAT"). A rule
 * written with the Service's `port` where its `targetPort` differs (Service 80 → pod 8080)
 * matches none of the Service's traffic. Reported when the rule's destinations are pods a
 * Service of the input selects, the port is that Service's `port` for the protocol, its
 * `targetPort` (a number, or a container port name resolved on the pod) is another port the rule
 * does not also allow, and the pods do not declare the Service's port as a container port
 * themselves (which would make the rule a deliberate one for direct pod traffic).
 */
import { portsConns } from '../evaluation';
import type { Direction, Policy, PortSpec, RuleSpec, Workload } from '../model';
import { workloadId } from '../model';
import type { ServicePort, Service } from '../service-reader';
import type { LintContext } from './context';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { forEachIsolatedRule } from './isolated-rules';
import { ManifestExtras } from './manifest-extras';
import { ruleDestinations } from './rule-destinations';
import { policyFinding, rulesField } from './wording';

const ID = 'service-port-not-target-port';

export const servicePortNotTargetPort: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A policy port that is a Service\'s `port` but not its `targetPort` for the selected pods: policies see the pod\'s port, so the rule misses the Service\'s traffic.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => {
    // The model keeps the kind of every object it does not use: without a Service, nothing to read.
    if (model.documents === undefined || !model.ignored.some(o => o.kind === 'Service')) return [];
    const extras = ManifestExtras.of(model);
    const findings: Finding[] = [];
    for (const policy of model.policies) {
      forEachIsolatedRule(policy, (direction, rule, ruleIndex) => {
        (rule.ports ?? []).forEach((port, portIndex) => {
          const miss = serviceMiss(context, extras, policy, direction, rule, port);
          if (!miss) return;
          const field = `${rulesField(direction)}[${ruleIndex}].ports[${portIndex}].port`;
          findings.push(policyFinding(servicePortNotTargetPort, policy, field,
            `${port.protocol} ${port.port} is the port of Service ${miss.service.namespace}/${miss.service.name}, which sends it to port ${miss.target} of ${workloadId(miss.workload)} `
              + `(targetPort ${miss.servicePort.targetPort}); policies see the pod's port, so this rule does not match the Service's traffic`,
            `use the pod's port: port ${miss.target}${typeof miss.servicePort.targetPort === 'string' ? ` (or its name '${miss.servicePort.targetPort}')` : ''}, the Service's targetPort`));
        });
      });
    }
    return findings;
  },
};

/** A Service translating the rule's port to another port of a destination, which the rule does not allow. */
interface ServiceMiss {
  readonly service: Service;
  readonly servicePort: ServicePort;
  readonly workload: Workload;
  readonly target: number;
}

function serviceMiss(context: LintContext, extras: ManifestExtras, policy: Policy, direction: Direction, rule: RuleSpec,
  port: PortSpec): ServiceMiss | undefined {
  if (typeof port.port !== 'number' || port.endPort !== undefined) return undefined;
  for (const workload of ruleDestinations(context, policy, direction, rule)) {
    for (const service of extras.servicesOf(workload)) {
      for (const servicePort of service.ports) {
        if (servicePort.port !== port.port || servicePort.protocol !== port.protocol) continue;
        const target = resolveTarget(servicePort, workload);
        if (target === undefined || target === port.port) continue;
        if (portsConns(rule.ports, context.subject(workload)).conns.contains(port.protocol, target)) continue;
        if (extras.declaredPorts(workload)?.ports.some(p => p.port === port.port && p.protocol === port.protocol)) continue;
        return { service, servicePort, workload, target };
      }
    }
  }
  return undefined;
}

/** The pod port a Service port sends to: its number, or the container port of that name and protocol. */
function resolveTarget(servicePort: ServicePort, workload: Workload): number | undefined {
  if (typeof servicePort.targetPort === 'number') return servicePort.targetPort;
  return workload.namedPorts.find(p => p.name === servicePort.targetPort && p.protocol === servicePort.protocol)?.port;
}

/** Whether a Service of the input translates `port` of the rule to another port of one of its destinations (see `serviceMiss`). */
export function translatedByService(context: LintContext, policy: Policy, direction: Direction, rule: RuleSpec, port: PortSpec): boolean {
  return serviceMiss(context, ManifestExtras.of(context.model), policy, direction, rule, port) !== undefined;
}
