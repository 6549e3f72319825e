/**
 * Synth-time lint of one chart: a cdk8s validation (constructs `node.addValidation`) that
 * models what the chart writes (its ApiObjects, exactly what synth will write) and runs the
 * lint rules that can be judged on one chart alone. `app.synth()` then fails with the chart's
 * path, and each message names the construct path of the offending object.
 *
 * Rules that need the whole cluster (a policy selecting nothing, an unprotected workload,
 * namespace labels) are left to `cdk8s-netpol lint` and the cdk8s CLI plugin: in one chart,
 * the workloads and namespaces may simply be elsewhere.
 */
import { ApiObject, Chart } from 'cdk8s';
import type { IConstruct, IValidation } from 'constructs';
import { isAcknowledged } from './acknowledge';
import { oncePerSynth, renderForSynth, trackSynths } from './synth-session';
import { validatedSpec } from './validated-specs';
import { lint } from '../analysis/lint';
import type { LintRule } from '../analysis/lint';
import { allowAllCancelsDeny } from '../analysis/lint/allow-all-cancels-deny';
import { dnsEgressMissing } from '../analysis/lint/dns-egress-missing';
import { emptyPeerList } from '../analysis/lint/empty-peer-list';
import { namespacePodSelectorSplit } from '../analysis/lint/namespace-pod-selector-split';
import { oneSidedConnection } from '../analysis/lint/one-sided-connection';
import { policyTypesMismatch } from '../analysis/lint/policy-types-mismatch';
import { buildModel } from '../analysis/model-builder';
import { chartApiObjects } from '../chart-manifests';

export const CHART_RULES: readonly LintRule[] = [
  dnsEgressMissing,
  oneSidedConnection,
  namespacePodSelectorSplit,
  allowAllCancelsDeny,
  policyTypesMismatch,
  emptyPeerList,
];

const registered = new WeakSet<Chart>();

/**
 * Adds the network lint to `chart`, once however often it is called: every construct that
 * writes a NetworkPolicy calls it for its chart.
 */
export function registerChartLint(chart: Chart): void {
  if (registered.has(chart)) return;
  registered.add(chart);
  trackSynths(chart.node.root);
  chart.node.addValidation(new ChartNetworkLint(chart));
}

class ChartNetworkLint implements IValidation {
  /** The chart's root, kept: `node.root` builds the chart's scope list on every call, and validate runs charts² times. */
  private readonly app: IConstruct;

  constructor(private readonly chart: Chart) {
    this.app = chart.node.root;
  }

  /** cdk8s runs this once per chart of the app in every synth: the chart is linted once per synth (synth-session.ts). */
  public validate(): string[] {
    return oncePerSynth(this.app, this, () => this.lint());
  }

  private lint(): string[] {
    const objects = chartApiObjects(this.chart);
    // Read only: synth writes these same renderings.
    const renderings = objects.map(o => renderForSynth(this.app, o));
    const validSpecs = new WeakSet<object>();
    const documents = renderings.map((rendering, documentIndex) => {
      const spec = validatedSpec(objects[documentIndex], rendering);
      if (!spec) return { object: rendering, source: { documentIndex } };
      // The rendered spec equals the validated one: the model reads the object validated, which
      // policies with equal specs share, so it reads each distinct spec once (policy-reader.ts).
      const object = { ...rendering, spec };
      validSpecs.add(object);
      return { object, source: { documentIndex } };
    });
    const model = buildModel(documents);
    return lint(model, { rules: CHART_RULES, validSpecs }).flatMap(finding => {
      const construct = finding.source && ownerOf(objects[finding.source.documentIndex]);
      if (construct && isAcknowledged(construct, finding.ruleId)) return [];
      const where = construct ? construct.node.path : this.chart.node.path;
      return [`${where}: ${finding.ruleId}: ${finding.message}; fix: ${finding.fix}`
        + ` (see ${finding.ruleId} in docs/rules/; to accept it on purpose: NetworkLint.acknowledge(construct, '${finding.ruleId}', reason))`];
    });
  }
}

/** The construct that wrote an ApiObject: the one around it when the object is its `Resource` (the cdk8s-plus convention), else itself. */
function ownerOf(apiObject: ApiObject | undefined): IConstruct | undefined {
  const owner = apiObject?.node.scope;
  return apiObject?.node.id === 'Resource' && owner && !Chart.isChart(owner) ? owner : apiObject;
}
