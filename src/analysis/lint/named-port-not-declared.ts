/**
 * Rule 4: a named port resolves on the destination pod, by name AND protocol (docs/semantics.md §2,
 * "Named ports"); when no destination declares it, the port part of the rule matches nothing.
 * Destinations are the selected pods for ingress and the pods the peers match for egress; a
 * rule whose destinations are not in the input is not judged. A named port in a rule with an
 * ipBlock peer (no pod there to declare it) is reported in the shared validator's words.
 */
import { portsConns } from '../evaluation';
import type { Direction, Policy, PortSpec, RuleSpec, Workload } from '../model';
import { workloadId } from '../model';
import type { LintContext } from './context';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { listSome, policyFinding, problemFinding, rulesField } from './wording';

const ID = 'named-port-not-declared';
const NAMED_PORT_FIELD = /\.ports\[\d+\]\.port$/;

export const namedPortNotDeclared: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A named port that no destination pod declares with that protocol.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => model.policies.flatMap(policy => [
    ...policy.ingress.flatMap((rule, i) => checkRule(context, policy, 'Ingress', rule, i)),
    ...policy.egress.flatMap((rule, i) => checkRule(context, policy, 'Egress', rule, i)),
    ...context.specProblems(policy)
      .filter(problem => problem.severity === 'trap' && NAMED_PORT_FIELD.test(problem.field))
      .map(problem => problemFinding(namedPortNotDeclared, policy, problem)),
  ]),
};

function checkRule(context: LintContext, policy: Policy, direction: Direction, rule: RuleSpec, ruleIndex: number): Finding[] {
  const named = (rule.ports ?? []).map((port, portIndex) => ({ port, portIndex })).filter(({ port }) => typeof port.port === 'string');
  if (named.length === 0) return [];
  const destinations = destinationsOf(context, policy, direction, rule);
  if (destinations.length === 0) return [];
  return named
    .filter(({ port }) => destinations.every(w => portsConns([port], context.subject(w)).unresolved.length > 0))
    .map(({ port, portIndex }) => policyFinding(namedPortNotDeclared, policy, `${rulesField(direction)}[${ruleIndex}].ports[${portIndex}].port`,
      `'${port.port}' (${port.protocol}) is not a container port of any destination (${listSome(destinations.map(workloadId))})${otherProtocolNote(destinations, port)}, so it matches nothing`,
      `use a port name the destination's containers declare with protocol ${port.protocol}, or the port number`));
}

function destinationsOf(context: LintContext, policy: Policy, direction: Direction, rule: RuleSpec): readonly Workload[] {
  if (direction === 'Ingress') return context.selectedWorkloads(policy);
  if (rule.peers === undefined) return context.model.workloads.filter(w => !w.hostNetwork);
  return context.workloadsOf(context.peerClasses(policy, rule.peers));
}

/** The classic slip: `port: dns` with the default TCP protocol, where `dns` is UDP. */
function otherProtocolNote(destinations: readonly Workload[], port: PortSpec): string {
  const other = destinations.flatMap(w => w.namedPorts).find(p => p.name === port.port);
  return other ? `; it is declared as ${other.protocol}` : '';
}
