/**
 * The analyzer for code: build it from a chart, an app, plain manifest objects or files, then
 * ask what is allowed. The same answers as the `cdk8s-netpol` command, usable from every jsii
 * language (so only strings, booleans, structs and enums cross this boundary).
 */
import { App, Chart } from 'cdk8s';
import { explain as explainPair, resolveEndpoint } from './analysis/explain';
import { computeExposure } from './analysis/exposure';
import { type HostNetworkMode, withHostNetworkMode } from './analysis/host-network-mode';
import { parseIngressController } from './analysis/ingress-controller';
import { analyseIngressPaths, ingressFlows, withIngressFlows } from './analysis/ingress-paths';
import type { ClusterModel } from './analysis/model';
import { computeReachability } from './analysis/reachability';
import { endpointId, type Reachability } from './analysis/results';
import { appManifests, chartManifests } from './chart-manifests';
import { withClusterContext } from './context';
import { loadManifests, modelOf, parsePortQuery } from './io';
import { HostNetwork, type NetworkAnalysisOptions } from './network-analysis-options';
import { EXPOSURE_FORMAT_NAMES, explainToText, flowRows, focusOn, focusRanges, isExposureFormatName, renderExposure, renderReach, type ReachFormatName } from './render';
import { htmlPage } from './render/reach-html';

/** Output formats of `NetworkAnalysis.render`, the same as `cdk8s-netpol reach -o`. */
export enum ReachFormat {
  /** np-guard netpol-analyzer's text: one `SRC => DST : CONNS` line per allowed pair, sorted. */
  TXT = 'txt',
  /** An array of `{src, dst, conn}` objects with the same strings as TXT. */
  JSON = 'json',
  /** RFC 4180 CSV with the header `src,dst,conn`. */
  CSV = 'csv',
  /** A Markdown table with the columns src, dst and conn. */
  MARKDOWN = 'md',
  /** A Graphviz digraph: namespaces as clusters, allowed connections as labelled edges. */
  DOT = 'dot',
  /** A Mermaid flowchart (renders in GitHub): namespaces as subgraphs, allowed connections as labelled edges. */
  MERMAID = 'mermaid',
  /** One self-contained HTML page: graph, matrix, filters, and the explanation of any pair on click (docs/reach-html.md). Not focused. */
  HTML = 'html',
}

/** One allowed connection: an ordered pair and everything allowed between them. */
export interface Flow {
  /** The source: a workload as `ns/name[Kind]`, or an external range as `a.b.c.d-e.f.g.h[External]`. */
  readonly src: string;
  /** The destination, named like `src`. */
  readonly dst: string;
  /** What is allowed: `All Connections`, or protocols and ports such as `TCP 80,UDP 53`. */
  readonly conn: string;
}

/**
 * What a set of Kubernetes manifests allows, with NetworkPolicy semantics exactly as Kubernetes
 * defines them (both ends must allow; policies add up; unselected pods are open).
 *
 * Endpoints are named `ns/name` (or `ns/name[Kind]` when two kinds share a name), or by an IP
 * address outside the cluster. Ports are written `8080`, `8080/TCP` or `53/UDP` (TCP when the
 * protocol is left out). A NetworkPolicy the API server would reject is refused with an error
 * naming it, its field and the problem.
 */
export class NetworkAnalysis {
  /**
   * Analyse plain manifest objects, as `chart.toJson()` returns or a YAML parser reads them.
   * Lists (`kind: List`, `NetworkPolicyList`…) and nested arrays are unpacked.
   * @param manifests Kubernetes objects: Namespaces, workloads (Pods, Deployments…), NetworkPolicies, ClusterNetworkPolicies (and v1alpha1 AdminNetworkPolicies); others are ignored
   * @param options how the manifests are read
   */
  public static fromManifests(manifests: any[], options: NetworkAnalysisOptions = {}): NetworkAnalysis {
    const docs = manifests.map((object, documentIndex) => ({ object, source: { documentIndex } }));
    return NetworkAnalysis.of(modelOf(withClusterContext(docs, options.context ?? [])).model, options);
  }

  /**
   * Analyse what a chart synthesizes.
   * @param chart the chart whose objects are analysed, as synth writes them (without running the app's validations, so a chart with lint findings can still be analysed)
   * @param options how the manifests are read
   */
  public static fromChart(chart: Chart, options: NetworkAnalysisOptions = {}): NetworkAnalysis {
    return NetworkAnalysis.fromManifests(chartManifests(chart), options);
  }

  /**
   * Analyse what every chart of an app synthesizes together, for apps with one chart per
   * namespace or per team.
   * @param app the app whose charts are analysed
   * @param options how the manifests are read
   */
  public static fromApp(app: App, options: NetworkAnalysisOptions = {}): NetworkAnalysis {
    return NetworkAnalysis.fromManifests(appManifests(app), options);
  }

  /**
   * Analyse YAML or JSON manifest files, or folders of them (walked recursively).
   * @param paths files and folders, e.g. cdk8s' `dist` folder
   * @param options how the manifests are read
   */
  public static fromFiles(paths: string[], options: NetworkAnalysisOptions = {}): NetworkAnalysis {
    return NetworkAnalysis.of(modelOf(withClusterContext(loadManifests(paths), options.context ?? [])).model, options);
  }

  private static of(model: ClusterModel, options: NetworkAnalysisOptions): NetworkAnalysis {
    return new NetworkAnalysis(withHostNetworkMode(model, (options.hostNetwork ?? HostNetwork.NODE) as string as HostNetworkMode));
  }

  private reachability?: Reachability;

  private constructor(private readonly model: ClusterModel) {}

  /** Every allowed connection, sorted by source then destination. */
  public flows(): Flow[] {
    return flowRows(this.reach());
  }

  /**
   * Whether traffic from `from` to `to` is allowed.
   * @param from source: `ns/name`, `ns/name[Kind]`, or an IP address outside the cluster
   * @param to destination, in the same forms
   * @param port the port asked about, e.g. `8080` or `53/UDP`; without it, true when anything at all is allowed
   */
  public isAllowed(from: string, to: string, port?: string): boolean {
    return this.explanation(from, to, port).allowed;
  }

  /**
   * Why traffic from `from` to `to` is allowed or denied, as text: the verdict, then for the
   * source's egress and the destination's ingress the policies and rules that decide it.
   * @param from source: `ns/name`, `ns/name[Kind]`, or an IP address outside the cluster
   * @param to destination, in the same forms
   * @param port the port asked about, e.g. `8080` or `53/UDP`; without it, any port
   */
  public explain(from: string, to: string, port?: string): string {
    return explainToText(this.explanation(from, to, port));
  }

  /**
   * Every allowed connection in one of the `cdk8s-netpol reach` formats.
   * @param format the output format
   * @param focus only connections into or out of this workload (`ns/name`) or address; without it, every connection (HTML: never focused)
   */
  public render(format: ReachFormat, focus?: string): string {
    if (format === ReachFormat.HTML) {
      if (focus !== undefined) throw new Error(`the html page shows every pair; it takes no focus (got '${focus}')`);
      return htmlPage(this.model, this.reach());
    }
    const reach = focus === undefined ? this.reach() : focusOn(this.reach(), resolveEndpoint(this.model, focus, focusRanges(this.reach())));
    return renderReach(reach, format as string as ReachFormatName);
  }

  /**
   * What an ingress controller may open to the workloads that Ingress, Route and HTTPRoute
   * objects send to: one flow per backend workload, `src` `{controller}`, `conn` the target
   * ports the policies admit (docs/ingress-paths.md in the repository).
   * @param controller `ingress-nginx`, `openshift`, `traefik`, or `<namespace>/<key=value,...>` (its pods' labels); without it np-guard's `{ingress-controller}`, an unlabelled pod in a namespace no policy names
   */
  public ingressFlows(controller?: string): Flow[] {
    const controllers = controller === undefined ? undefined : [parseIngressController(controller)];
    return flowRows({ flows: [], externalRanges: [], ingressFlows: ingressFlows(analyseIngressPaths(this.model, controllers)) });
  }

  /**
   * Every allowed connection, then np-guard's exposure analysis (docs/exposure.md): to which pods
   * that may not be in the input each workload is open, and which workloads no policy protects,
   * as `cdk8s-netpol reach --exposure` prints it.
   * @param format TXT, JSON, CSV or MARKDOWN, np-guard's exposure formats (DOT and MERMAID are refused)
   * @param focus only connections and exposure of this workload (`ns/name`) or address; without it, every workload
   */
  public renderExposure(format: ReachFormat, focus?: string): string {
    if (!isExposureFormatName(format)) {
      throw new Error(`renderExposure: exposure prints as ${EXPOSURE_FORMAT_NAMES.join(', ')}, not '${format}'; use ReachFormat.TXT, JSON, CSV or MARKDOWN`);
    }
    const endpoint = focus === undefined ? undefined : resolveEndpoint(this.model, focus, focusRanges(this.reach()));
    const reach = endpoint === undefined ? this.reach() : focusOn(this.reach(), endpoint);
    return renderExposure(reach, computeExposure(this.model), format, { focus: endpoint && endpointId(endpoint) });
  }

  private explanation(from: string, to: string, port?: string) {
    const query = port === undefined ? undefined : parsePortQuery(port);
    return explainPair(this.model, resolveEndpoint(this.model, from), resolveEndpoint(this.model, to), query);
  }

  private reach(): Reachability {
    this.reachability ??= withIngressFlows(computeReachability(this.model), analyseIngressPaths(this.model));
    return this.reachability;
  }
}
