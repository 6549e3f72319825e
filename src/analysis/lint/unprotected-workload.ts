/**
 * Rule 10: in a namespace that has policies, a workload no policy selects is not isolated in
 * either direction (docs/semantics.md §2: unselected pods allow everything) — usually a label that
 * drifted from the selectors, or a new workload nobody wrote a policy for.
 *
 * Cluster policies decide around NetworkPolicy (docs/cluster-network-policy.md, "Evaluation"): a
 * direction in which an Admin or Baseline policy denies the workload traffic with some pod of the
 * input is guarded by that policy (a Baseline default deny is there for exactly such pods), so
 * the finding says only what is open and names the guard; guarded both ways, it is not reported.
 * Denials of addresses outside the cluster only (the cloud metadata service) guard nothing here.
 */
import { ConnectionSet } from '../connection-set';
import { memo } from '../memo';
import type { ClusterPolicy, Direction, Workload } from '../model';
import { denyingSteps, describeDecider, peerRepresentatives, tieredSide } from './cluster-tiers';
import type { LintContext } from './context';
import type { LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { listSome, workloadFinding } from './wording';

const ID = 'unprotected-workload';

/** Per direction, the cluster policies that deny the class traffic with a pod of the input; undefined when none does. */
type Guards = Readonly<Record<Direction, readonly ClusterPolicy[] | undefined>>;

export const unprotectedWorkload: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A workload that no policy selects while its namespace has policies: it accepts and sends anything (as far as no cluster policy denies it).',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => {
    const guards = new Map<number, Guards>();
    return model.workloads
      .filter(w => !w.hostNetwork && context.hasPoliciesIn(w.namespace) && !context.isSelected(w))
      .flatMap(w => {
        const c = context.classOf(w);
        const guarded = memo(guards, c, () => ({ Ingress: guardsOf(context, c, 'Ingress'), Egress: guardsOf(context, c, 'Egress') }));
        return guarded.Ingress && guarded.Egress ? [] : [finding(w, guarded)];
      });
  },
};

/**
 * The cluster policies that deny the class anything with some pod class of the input, the class's
 * own NetworkPolicy side being open: one evaluation per class of peers no cluster rule tells apart
 * (peerRepresentatives), none when no cluster policy selects the class in `direction`.
 */
function guardsOf(context: LintContext, c: number, direction: Direction): readonly ClusterPolicy[] | undefined {
  const subject = context.classes[c].subject;
  const guards = new Set<ClusterPolicy>();
  for (const other of peerRepresentatives(context)) {
    const side = tieredSide(context, direction, subject, context.classes[other].subject, OPEN);
    if (!side) return undefined;
    for (const step of denyingSteps([...side.admin.steps, ...side.baseline.steps], OPEN.conns)) guards.add(step.policy);
  }
  return guards.size > 0 ? [...guards] : undefined;
}

const OPEN = { isolated: false, conns: ConnectionSet.all() };

function finding(workload: Workload, guards: Guards) {
  const unselected = `no NetworkPolicy selects it although namespace ${workload.namespace} has policies`;
  const fix = 'add a policy that selects its pod labels (e.g. a namespace-wide default deny with podSelector: {}) or fix its labels';
  const [open, guarded] = guards.Ingress ? ['sends', 'ingress'] : guards.Egress ? ['accepts', 'egress'] : [];
  if (!open) return workloadFinding(unprotectedWorkload, workload, `${unselected}, so it accepts and sends any traffic`, fix);
  const by = (guards.Ingress ?? guards.Egress)!.map(describeDecider);
  return workloadFinding(unprotectedWorkload, workload, `${unselected}, so it ${open} any traffic (only its ${guarded} is restricted, by ${listSome(by)})`, fix);
}
