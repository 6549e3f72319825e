/**
 * Synth-time lint of one chart: a cdk8s validation (constructs `node.addValidation`) that
 * models what the chart writes (its ApiObjects, exactly what synth will write) and runs the
 * lint rules that can be judged on one chart alone. `app.synth()` then fails with the chart's
 * path, and each message names the construct path of the offending object.
 *
 * Rules that need the whole cluster (a policy selecting nothing, an unprotected workload,
 * namespace labels) are left to `cdk8s-netpol lint` and the cdk8s CLI plugin: in one chart,
 * the workloads and namespaces may simply be elsewhere. Cluster policies are cluster-wide, so of
 * their rules only those whose finding no object of another chart can undo run here: a rule
 * shadowed by an earlier one stays shadowed, two policies tied at one priority stay tied, a Pass
 * in the Baseline tier still reaches the default. `cluster-networks-catch-pods` (another chart may
 * hold the earlier rule that decides pod traffic) and `cluster-baseline-deny-overridden` (another
 * chart may deploy pods that NetworkPolicy leaves open) are not.
 *
 * For the same reason the cluster policies of the app's other charts are part of each chart's
 * model: they decide for this chart's pods (a platform chart's ClusterDnsEgress answers for an app
 * chart's DefaultDeny). Findings about them are left to their own chart, so each is reported once.
 */
import { ApiObject, Chart } from 'cdk8s';
import type { IConstruct, IValidation } from 'constructs';
import { isAcknowledged } from './acknowledge';
import { oncePerSynth, synthInProgress } from './network-app';
import { lint } from '../analysis/lint';
import type { Finding, LintRule } from '../analysis/lint';
import { allowAllCancelsDeny } from '../analysis/lint/allow-all-cancels-deny';
import { clusterEqualPriorityOverlap } from '../analysis/lint/cluster-equal-priority-overlap';
import { clusterPassInBaseline } from '../analysis/lint/cluster-pass-in-baseline';
import { clusterRuleShadowed } from '../analysis/lint/cluster-rule-shadowed';
import { dnsEgressMissing } from '../analysis/lint/dns-egress-missing';
import { egressToEverywhereOnIsolated } from '../analysis/lint/egress-to-everywhere-on-isolated';
import { emptyPeerList } from '../analysis/lint/empty-peer-list';
import { namespacePodSelectorSplit } from '../analysis/lint/namespace-pod-selector-split';
import { oneSidedConnection } from '../analysis/lint/one-sided-connection';
import { policyTypesMismatch } from '../analysis/lint/policy-types-mismatch';
import { servicePortNotTargetPort } from '../analysis/lint/service-port-not-target-port';
import type { ManifestDocument } from '../analysis/model';
import { buildModel } from '../analysis/model-builder';
import { PolicyReader } from '../analysis/policy-reader';
import { isReadKind } from '../analysis/read-kinds';
import { chartApiObjects } from '../chart-manifests';
import { validatedRendering, ValidatedNetworkPolicy } from '../policies/network-policy';
import { rulePageForDisplay } from '../render/rule-page';

export const CHART_RULES: readonly LintRule[] = [
  dnsEgressMissing,
  oneSidedConnection,
  namespacePodSelectorSplit,
  allowAllCancelsDeny,
  policyTypesMismatch,
  emptyPeerList,
  egressToEverywhereOnIsolated,
  servicePortNotTargetPort,
  clusterRuleShadowed,
  clusterEqualPriorityOverlap,
  clusterPassInBaseline,
];

const registered = new WeakSet<Chart>();

/**
 * Adds the network lint to `chart`, once however often it is called: every construct that
 * writes a NetworkPolicy calls it for its chart.
 */
export function registerChartLint(chart: Chart): void {
  if (registered.has(chart)) return;
  registered.add(chart);
  chart.node.addValidation(new ChartNetworkLint(chart));
}

/**
 * cdk8s validates the whole app before it writes each chart, so this runs once per chart of the app
 * in every synth (docs/performance.md says what that costs). Each run reads every object of the
 * chart as synth would write it: a result kept from an earlier run could miss a change made since.
 * What it keeps is keyed on all of that text, so it is only reused for exactly the same chart.
 */
class ChartNetworkLint implements IValidation {
  /** The chart's documents as JSON text, and what the lint found in them, from the last run. */
  private last?: { readonly texts: readonly string[]; readonly findings: readonly Finding[]; readonly errors: readonly string[] };

  private readonly app: IConstruct;

  constructor(private readonly chart: Chart) {
    this.app = chart.node.root;
  }

  /** During a synth of a `NetworkApp`, once per synth; otherwise every time cdk8s asks. */
  public validate(): string[] {
    return oncePerSynth(this.app, this, () => this.lint());
  }

  private lint(): string[] {
    // Objects of kinds the analysis does not read change no finding: they are not rendered.
    const objects = chartApiObjects(this.chart).filter(object => isReadKind(object.kind));
    const errors: string[] = [];
    // The library's policies validate what they render: those that pass need no second validation
    // in the lint, and one that a JSON patch or a later label broke is reported here, with every
    // other error of the app, instead of stopping the synth at the first.
    const validSpecs = new WeakSet<object>();
    const documents: ManifestDocument[] = [];
    // A NetworkApp lints each chart once per synth: there is no later run in it to compare texts with.
    const remember = synthInProgress(this.chart) === undefined;
    const texts: string[] = [];
    objects.forEach((object, documentIndex) => {
      const policy = object instanceof ValidatedNetworkPolicy ? object : undefined;
      if (!policy) {
        const json = object.toJson();
        documents.push({ object: json, source: { documentIndex } });
        if (remember) texts.push(JSON.stringify(json));
        return;
      }
      try {
        const rendering = validatedRendering(policy);
        validSpecs.add(rendering.json);
        documents.push({ object: rendering.json, source: { documentIndex } });
        if (remember) texts.push(rendering.text);
      } catch (e) {
        errors.push(...(e as Error).message.split('\n'));
        if (remember) texts.push('');
      }
    });
    // Cluster policies are cluster-wide: those the app's other charts write decide for this chart's pods too.
    appClusterPolicies(this.app).filter(object => Chart.of(object) !== this.chart).forEach((object, i) => {
      const json = renderedElsewhere(object);
      if (json === undefined) return;
      documents.push({ object: json, source: { documentIndex: objects.length + i } });
      if (remember) texts.push(JSON.stringify(json));
    });
    errors.push(...duplicatePolicies(objects, documents));
    const findings = remember && this.last && sameTexts(this.last.texts, texts) && sameTexts(this.last.errors, errors)
      ? this.last.findings
      : lint(buildModel(documents, policyReaderOf(this.app)), { rules: CHART_RULES, validSpecs });
    this.last = remember ? { texts, findings, errors: [...errors] } : undefined;
    for (const finding of findings) {
      // A finding about another chart's cluster policy is that chart's to report.
      if (finding.source && finding.source.documentIndex >= objects.length) continue;
      const construct = finding.source && ownerOf(objects[finding.source.documentIndex]);
      if (finding.acknowledged !== undefined || (construct && isAcknowledged(construct, finding.ruleId))) continue;
      const where = construct ? construct.node.path : this.chart.node.path;
      errors.push(`${where}: ${finding.ruleId}: ${finding.message}; fix: ${finding.fix}`
        + ` (see ${rulePageForDisplay(finding.ruleId)}; to accept it on purpose: NetworkLint.acknowledge(construct, '${finding.ruleId}', reason))`);
    }
    return errors;
  }
}

const policyReaders = new WeakMap<IConstruct, PolicyReader>();

/**
 * One policy reader for every chart lint of an app: the library's policies share one validated spec
 * object per distinct spec across the app (valid-specs.ts), so a pattern repeated in every chart is
 * read once; every other object the lint reads is a fresh rendering, which no earlier reading matches.
 */
function policyReaderOf(app: IConstruct): PolicyReader {
  let reader = policyReaders.get(app);
  if (!reader) policyReaders.set(app, reader = new PolicyReader());
  return reader;
}

/**
 * The cluster policies the library's constructs wrote in each app, registered as they are made
 * (`registerClusterPolicy`): a chart's check reads them without walking the app's whole tree,
 * which in an app of many charts would be done once per chart (cdk8s validates every chart).
 */
const clusterPoliciesByApp = new WeakMap<IConstruct, Set<ApiObject>>();

/**
 * Adds a cluster policy construct to its app's registry and the network lint to its chart. A
 * ClusterNetworkPolicy written as a plain `ApiObject` is checked with its own chart only; the
 * other charts' checks do not see it (`cdk8s-netpol lint` on the synthesized output does).
 */
export function registerClusterPolicy(policy: ApiObject): void {
  const root = policy.node.root;
  let policies = clusterPoliciesByApp.get(root);
  if (!policies) clusterPoliciesByApp.set(root, policies = new Set());
  policies.add(policy);
  registerChartLint(policy.chart);
}

function appClusterPolicies(app: IConstruct): ApiObject[] {
  return [...clusterPoliciesByApp.get(app) ?? []];
}

/** Another chart's object as synth writes it; undefined when it does not render (its own chart's lint reports why). */
function renderedElsewhere(object: ApiObject): unknown {
  try {
    return object.toJson();
  } catch {
    return undefined;
  }
}

/**
 * Two objects of the chart that write the same NetworkPolicy (namespace and name): `kubectl apply`
 * keeps the last, so the other policy is silently lost, and with it what it isolated or allowed.
 */
function duplicatePolicies(objects: readonly ApiObject[], documents: readonly ManifestDocument[]): string[] {
  const writers = new Map<string, ApiObject>();
  const errors: string[] = [];
  for (const { object, source } of documents) {
    const manifest = object as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    if (manifest.kind !== 'NetworkPolicy') continue;
    const id = `${manifest.metadata?.namespace ?? '(the kubectl context\'s namespace)'}/${manifest.metadata?.name}`;
    const writer = objects[source.documentIndex];
    const earlier = writers.get(id);
    if (earlier) {
      errors.push(`${writer.node.path}: writes NetworkPolicy ${id}, which ${earlier.node.path} writes too; kubectl apply keeps only the last of them, so the other one's policy is lost; give one of them another name`);
    } else {
      writers.set(id, writer);
    }
  }
  return errors;
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, i) => text === b[i]);
}

/** The construct that wrote an ApiObject: the one around it when the object is its `Resource` (the cdk8s-plus convention), else itself. */
function ownerOf(apiObject: ApiObject | undefined): IConstruct | undefined {
  const owner = apiObject?.node.scope;
  return apiObject?.node.id === 'Resource' && owner && !Chart.isChart(owner) ? owner : apiObject;
}
