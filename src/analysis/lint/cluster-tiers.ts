/**
 * The cluster policy tiers as the NetworkPolicy lint rules ask about them: what one end allows
 * toward another through Admin → NetworkPolicy → Baseline → default, and which cluster policy
 * decided. Only the one evaluation answers (cluster-evaluation.ts): these helpers pick out of
 * its verdict what a finding has to say.
 */
import { clusterPeerMatches, type TieredSide, type TierStep } from '../cluster-evaluation';
import { describeClusterPolicy } from '../cluster-policy-warnings';
import type { ConnectionSet } from '../connection-set';
import type { Subject } from '../evaluation';
import { keyPart } from '../memo';
import type { ClusterPolicy, Direction } from '../model';
import type { LintContext } from './context';

/** One end's verdict toward `peer` through every tier (`ClusterContext.tiered`); undefined without cluster policies. */
export function tieredSide(
  context: LintContext, direction: Direction, end: Subject, peer: Subject, np: { isolated: boolean; conns: ConnectionSet },
): TieredSide | undefined {
  return context.clusterTiers?.tiered(direction, end, peer, np);
}

/** The rules of a tier (`side.admin.steps`, `side.baseline.steps`) that denied some of `conns`, in evaluation order. */
export function denyingSteps(steps: readonly TierStep[], conns: ConnectionSet): TierStep[] {
  return steps.filter(step => step.action === 'Deny' && !step.conns.intersect(conns).isEmpty());
}

/** `ClusterNetworkPolicy 'tenants' (Admin tier)`: how findings name a cluster policy that decided. */
export function describeDecider(policy: ClusterPolicy): string {
  return `${describeClusterPolicy(policy)} (${policy.tier} tier)`;
}

const representatives = new WeakMap<LintContext, readonly number[]>();

/**
 * One workload class (its index) for each set of classes that no cluster policy rule tells apart as
 * the other end: the same peers match them, and their named ports are alike where a rule names a
 * port. A rule asking "what do the tiers say toward any pod of the input" evaluates these only.
 */
export function peerRepresentatives(context: LintContext): readonly number[] {
  let found = representatives.get(context);
  if (!found) {
    const rules = (context.model.clusterPolicies ?? []).flatMap(p => [...p.ingress, ...p.egress]);
    const named = rules.some(rule => rule.ports?.some(port => port.namedPort !== undefined));
    const seen = new Set<string>();
    found = context.classes.flatMap(({ subject }, c) => {
      let key = '';
      for (const rule of rules) {
        for (const peer of rule.peers) key += clusterPeerMatches(peer, rule.action, subject) ? '1' : '0';
      }
      if (named) key += subject.namedPorts.map(p => keyPart(`${p.name}/${p.protocol}/${p.port}`)).join('');
      if (seen.has(key)) return [];
      seen.add(key);
      return [c];
    });
    representatives.set(context, found);
  }
  return found;
}
