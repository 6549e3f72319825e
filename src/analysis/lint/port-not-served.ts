/**
 * A rule port that no container of the destination pods declares: the rule allows traffic to a
 * port nothing listens on, and the traffic meant for the real port stays denied (a port mixed up
 * with another workload's, a stale port after a change). Declaring ports is optional and a
 * container may listen on ports it does not declare, so a rule is only judged when every
 * container of every destination workload declares at least one port; destinations are as for
 * `ruleDestinations` (the input holds every pod the rule can reach). A port that is a Service's
 * `port` translated to another `targetPort` is `service-port-not-target-port`'s finding.
 */
import type { PortSpec, Workload } from '../model';
import { workloadId } from '../model';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { forEachIsolatedRule } from './isolated-rules';
import { ManifestExtras } from './manifest-extras';
import { ruleDestinations } from './rule-destinations';
import { translatedByService } from './service-port-not-target-port';
import { listSome, policyFinding, rulesField } from './wording';

const ID = 'port-not-served';

export const portNotServed: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A numeric port that no container of the destination pods declares, when all of their containers declare their ports.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => {
    if (model.documents === undefined) return [];
    const extras = ManifestExtras.of(model);
    const findings: Finding[] = [];
    for (const policy of model.policies) {
      forEachIsolatedRule(policy, (direction, rule, ruleIndex) => {
        const numbered = (rule.ports ?? []).map((port, portIndex) => ({ port, portIndex })).filter(({ port }) => typeof port.port === 'number');
        if (numbered.length === 0) return;
        const destinations = ruleDestinations(context, policy, direction, rule);
        const declared = destinations.map(w => extras.declaredPorts(w));
        if (destinations.length === 0 || declared.some(d => d === undefined || !d.complete)) return;
        for (const { port, portIndex } of numbered) {
          if (served(declared.flatMap(d => d!.ports), port) || translatedByService(context, policy, direction, rule, port)) continue;
          findings.push(policyFinding(portNotServed, policy, `${rulesField(direction)}[${ruleIndex}].ports[${portIndex}].port`,
            `${port.protocol} ${portText(port)} is not a container port of ${describeDestinations(destinations, declared.flatMap(d => d!.ports))}, so the rule allows a port nothing declares, and none of the ports the pods serve`,
            'use a port the destination\'s containers declare (containerPort), or declare it on the container that listens on it'));
        }
      });
    }
    return findings;
  },
};

function served(ports: ReadonlyArray<{ port: number; protocol: string }>, spec: PortSpec): boolean {
  const first = spec.port as number;
  const last = spec.endPort ?? first;
  return ports.some(p => p.protocol === spec.protocol && first <= p.port && p.port <= last);
}

function portText(spec: PortSpec): string {
  return spec.endPort === undefined ? String(spec.port) : `${spec.port}-${spec.endPort}`;
}

/** `shop/api[Deployment] (it declares TCP 9000)`: the destinations and what they do serve. */
function describeDestinations(destinations: readonly Workload[], ports: ReadonlyArray<{ port: number; protocol: string }>): string {
  const declared = [...new Set(ports.map(p => `${p.protocol} ${p.port}`))].sort();
  return `${listSome(destinations.map(workloadId))} (${destinations.length === 1 ? 'it declares' : 'they declare'} ${listSome(declared)})`;
}
