/**
 * Acknowledging a lint finding on purpose. The decision is kept twice: as construct metadata on
 * the scope (it shows in the construct tree, and the synth-time lint reads it), and as an
 * annotation in the manifests (`acknowledge.cdk8s-netpol.io/<rule-id>: <reason>`), so that every
 * surface that reads YAML (`cdk8s-netpol lint`, the cdk8s CLI plugin) honours it too and a
 * reviewer sees it next to the object it is about.
 */
import { ApiObject } from 'cdk8s';
import type { IConstruct } from 'constructs';
import { acknowledgementAnnotation } from '../analysis/lint';
import { findRule, RULES } from '../analysis/lint/rules';

const METADATA_TYPE = 'cdk8s-netpol:acknowledge';

interface Acknowledgement {
  readonly ruleId: string;
  readonly reason: string;
}

/** Public entry points of the synth-time network lint. */
export class NetworkLint {
  /**
   * Accept findings of one lint rule for `scope` and every construct below it, on purpose.
   * The synth-time check then no longer fails on them, and each NetworkPolicy the library writes
   * below `scope` (whenever it is defined), and each other ApiObject below `scope` already defined
   * when this is called, carries the annotation `acknowledge.cdk8s-netpol.io/<ruleId>: <reason>`,
   * which `cdk8s-netpol lint` and the cdk8s CLI plugin honour. Call it after defining the objects
   * it covers, or on the object itself.
   *
   * @param scope the construct the finding is about (e.g. a `DefaultDeny`), or a chart for all of it
   * @param ruleId the rule id, e.g. `dns-egress-missing` (see docs/rules/)
   * @param reason why it is intended; required, so the decision is explained where it is made
   */
  public static acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
    const where = `NetworkLint.acknowledge(${scope.node.path}, '${ruleId}')`;
    if (!findRule(ruleId)) {
      throw new Error(`${where}: '${ruleId}' is not a lint rule id; use one of ${RULES.map(rule => rule.id).join(', ')}`);
    }
    if (reason.trim() === '') {
      throw new Error(`${where}: give a reason, so whoever reads the code or the manifests knows why the finding is intended`);
    }
    const acknowledgement: Acknowledgement = { ruleId, reason };
    scope.node.addMetadata(METADATA_TYPE, acknowledgement);
    for (const construct of scope.node.findAll()) {
      if (ApiObject.isApiObject(construct)) construct.metadata.addAnnotation(acknowledgementAnnotation(ruleId), reason);
    }
  }

  private constructor() {}
}

/** Whether `construct` or one of its ancestors acknowledges `ruleId`. */
export function isAcknowledged(construct: IConstruct, ruleId: string): boolean {
  const key = acknowledgementAnnotation(ruleId);
  return acknowledgementAnnotations(construct).some(([annotation]) => annotation === key);
}

/**
 * The annotations of every acknowledgement on `construct` or its ancestors (including those made
 * on a chart before the construct was defined), sorted by key.
 */
export function acknowledgementAnnotations(construct: IConstruct): [string, string][] {
  const annotations = new Map<string, string>();
  for (const scope of construct.node.scopes) {
    for (const entry of scope.node.metadata) {
      if (entry.type !== METADATA_TYPE) continue;
      const { ruleId, reason } = entry.data as Acknowledgement;
      const key = acknowledgementAnnotation(ruleId);
      if (!annotations.has(key)) annotations.set(key, reason);
    }
  }
  return [...annotations].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Adds `annotations` to a rendered manifest, keeping its annotations sorted by key as cdk8s writes them. */
export function addAnnotations(manifest: { metadata?: { annotations?: Record<string, string> } }, annotations: [string, string][]): void {
  if (annotations.length === 0) return;
  const metadata = manifest.metadata ??= {};
  const merged: Record<string, string> = { ...metadata.annotations };
  for (const [key, value] of annotations) merged[key] ??= value;
  metadata.annotations = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
