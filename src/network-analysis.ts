/**
 * The analyzer for code: build it from a chart, an app, plain manifest objects or files, then
 * ask what is allowed. The same answers as the `cdk8s-netpol` command, usable from every jsii
 * language (so only strings, booleans, structs and enums cross this boundary).
 */
import { App, Chart } from 'cdk8s';
import { explain as explainPair, resolveEndpoint } from './analysis/explain';
import type { ClusterModel } from './analysis/model';
import { computeReachability } from './analysis/reachability';
import type { Reachability } from './analysis/results';
import { appManifests, chartManifests } from './chart-manifests';
import { loadModel, modelOf, parsePortQuery } from './io';
import { explainToText, flowRows, focusOn, renderReach, type ReachFormatName } from './render';
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
   * @param manifests Kubernetes objects: Namespaces, workloads (Pods, Deployments…), NetworkPolicies; others are ignored
   */
  public static fromManifests(manifests: any[]): NetworkAnalysis {
    return new NetworkAnalysis(modelOf(manifests.map((object, documentIndex) => ({ object, source: { documentIndex } }))).model);
  }

  /**
   * Analyse what a chart synthesizes.
   * @param chart the chart whose objects are analysed, as synth writes them (without running the app's validations, so a chart with lint findings can still be analysed)
   */
  public static fromChart(chart: Chart): NetworkAnalysis {
    return NetworkAnalysis.fromManifests(chartManifests(chart));
  }

  /**
   * Analyse what every chart of an app synthesizes together, for apps with one chart per
   * namespace or per team.
   * @param app the app whose charts are analysed
   */
  public static fromApp(app: App): NetworkAnalysis {
    return NetworkAnalysis.fromManifests(appManifests(app));
  }

  /**
   * Analyse YAML or JSON manifest files, or folders of them (walked recursively).
   * @param paths files and folders, e.g. cdk8s' `dist` folder
   */
  public static fromFiles(paths: string[]): NetworkAnalysis {
    return new NetworkAnalysis(loadModel(paths).model);
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
    const reach = focus === undefined ? this.reach() : focusOn(this.reach(), resolveEndpoint(this.model, focus));
    return renderReach(reach, format as string as ReachFormatName);
  }

  private explanation(from: string, to: string, port?: string) {
    const query = port === undefined ? undefined : parsePortQuery(port);
    return explainPair(this.model, resolveEndpoint(this.model, from), resolveEndpoint(this.model, to), query);
  }

  private reach(): Reachability {
    this.reachability ??= computeReachability(this.model);
    return this.reachability;
  }
}
