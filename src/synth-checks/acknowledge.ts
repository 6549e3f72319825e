/**
 * Acknowledging a lint finding on purpose: construct metadata on the construct (or any
 * ancestor: a chart acknowledges for everything in it), so the decision lives next to the code
 * it is about, shows in the construct tree, and needs no extra state.
 */
import type { IConstruct } from 'constructs';

const METADATA_TYPE = 'cdk8s-netpol:acknowledge';

interface Acknowledgement {
  readonly ruleId: string;
  readonly reason: string;
}

/** Public entry points of the synth-time network lint. */
export class NetworkLint {
  /**
   * Accept findings of one lint rule for `scope` and every construct below it, on purpose.
   * The synth-time check then no longer fails on them.
   *
   * @param scope the construct the finding is about (e.g. a `DefaultDeny`), or a chart for all of it
   * @param ruleId the rule id, e.g. `dns-egress-missing` (see docs/rules/)
   * @param reason why it is intended; required, so the decision is explained where it is made
   */
  public static acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
    if (reason.trim() === '') {
      throw new Error(`NetworkLint.acknowledge(${scope.node.path}, '${ruleId}'): give a reason, so whoever reads the code knows why the finding is intended`);
    }
    const acknowledgement: Acknowledgement = { ruleId, reason };
    scope.node.addMetadata(METADATA_TYPE, acknowledgement);
  }

  private constructor() {}
}

/** Whether `construct` or one of its ancestors acknowledges `ruleId`. */
export function isAcknowledged(construct: IConstruct, ruleId: string): boolean {
  return construct.node.scopes.some(scope => scope.node.metadata
    .some(entry => entry.type === METADATA_TYPE && (entry.data as Acknowledgement).ruleId === ruleId));
}
