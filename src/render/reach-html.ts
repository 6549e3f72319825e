/**
 * `reach -o html`: one self-contained page (docs/reach-html.md) with a connectivity matrix,
 * a graph the page lays out itself, the graph filters as controls and, for any cell or arrow,
 * the `explain` text of the pair. Everything is inline: the styles, the script
 * (reach-html-script.ts) and the data as JSON; the page loads nothing, not even from its own
 * folder, so it can be mailed, attached to a CI run or opened offline.
 *
 * `htmlPage` asks the analysis for what only the model knows (the explanations, the namespaces
 * no policy isolates); the rest only turns computed results into the page's data: the flows, both pictures
 * (plain and collapsed, from graph-filters.ts; the browser applies the namespace and DNS
 * filters, which only keep or drop whole connections) and one explanation per pair of groups,
 * with the two ends' ids left as holes for the page to fill in (pair-explanations.ts). The
 * explanations repeat the same lines over and over, so each is a list of numbers into one
 * table of distinct pieces of text (for Online Boutique: 16 KB of text instead of 320 KB).
 */
import { explainToText } from './explain-text';
import { isDnsOnly, pictureConnections, type GraphFilters, type PictureConnection } from './graph-filters';
import { REACH_HTML_SCRIPT } from './reach-html-script';
import { REACH_HTML_STYLE } from './reach-html-style';
import type { ClusterModel } from '../analysis/model';
import { explainPairs, type PairExplanations } from '../analysis/pair-explanations';
import { endpointId, type Endpoint, type Reachability } from '../analysis/results';
import { unisolatedNamespaces } from '../analysis/unisolated-namespaces';

/**
 * An explanation with the source's and the destination's ids cut out: strings, and `0` where
 * the source's id goes, `1` where the destination's.
 */
export type ExplanationTemplate = readonly (string | 0 | 1)[];

/** The page's data, as the script reads it. */
export interface ReachPageData {
  readonly endpoints: readonly {
    readonly id: string;
    readonly label: string;
    readonly namespace: string | null;
    readonly group: number;
    /** How `explain --from/--to` names it: the id, or an external range's first address. */
    readonly ref: string;
  }[];
  /** Allowed pairs, as indexes into `endpoints`, with what is allowed and whether that is only DNS. */
  readonly flows: readonly (readonly [number, number, string, boolean])[];
  readonly pictures: { readonly plain: PageConnection[]; readonly collapsed: PageConnection[] };
  /** The distinct pieces of text the explanations are made of. */
  readonly texts: readonly string[];
  /** By `srcGroup,dstGroup`: `0` for the source's id, `1` for the destination's, `n` for `texts[n - 2]`. */
  readonly explanations: { readonly [groups: string]: readonly number[] };
  readonly filters: { readonly namespaces: readonly string[]; readonly hideDns: boolean; readonly collapse: boolean };
}

interface PageConnection {
  readonly src: PageNode;
  readonly dst: PageNode;
  readonly label: string;
  readonly dns: boolean;
  /** The pairs it stands for, as indexes into `endpoints`. */
  readonly pairs: readonly (readonly [number, number])[];
}

interface PageNode {
  readonly id: string;
  readonly label: string;
  readonly namespace: string | null;
}

/**
 * The page; `unisolated` are the namespaces the collapse control merges (unisolated-namespaces.ts),
 * `filters` the controls' initial state.
 */
export function reachToHtml(reach: Reachability, explained: PairExplanations, unisolated: readonly string[], filters: GraphFilters = {}): string {
  const data = pageData(reach, explained, unisolated, filters);
  // In a script element only `</script` (and `<!--`) could end the JSON early: no `<` at all is left in it.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>cdk8s-netpol reach</title>',
    `<style>${REACH_HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    '<header><h1>What the manifests allow</h1><p id="summary"></p></header>',
    '<form id="filters">',
    '<label>Namespaces <select id="namespace" multiple></select></label>',
    '<label><input type="checkbox" id="hide-dns"> hide DNS</label>',
    '<label><input type="checkbox" id="collapse"> collapse</label>',
    '</form>',
    '<main>',
    '<section><h2>Graph</h2><div id="graph"><svg id="graph-svg" role="img" aria-label="allowed connections"></svg></div></section>',
    '<section><h2>Explanation</h2><pre id="explanation">Click a cell of the matrix or an arrow of the graph.</pre></section>',
    '<section><h2>Connectivity matrix</h2><p class="hint">Rows send, columns receive. Empty: denied.</p><div id="matrix-box"><table id="matrix"></table></div></section>',
    '</main>',
    `<script type="application/json" id="data">${json}</script>`,
    `<script>${REACH_HTML_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The page of a model whose reachability is `reach`, explanations and collapsible namespaces included. */
export function htmlPage(model: ClusterModel, reach: Reachability, filters: GraphFilters = {}): string {
  return reachToHtml(reach, explainPairs(model, reach), unisolatedNamespaces(model), filters);
}

export function pageData(reach: Reachability, explained: PairExplanations, unisolated: readonly string[], filters: GraphFilters): ReachPageData {
  const index = new Map(explained.endpoints.map((e, i) => [endpointId(e), i]));
  const at = (e: Endpoint) => index.get(endpointId(e))!;
  const picture = (connections: PictureConnection[]) => connections.map(c => ({
    src: { id: c.src.id, label: c.src.label, namespace: c.src.namespace ?? null },
    dst: { id: c.dst.id, label: c.dst.label, namespace: c.dst.namespace ?? null },
    label: c.conns.toString(),
    dns: c.dnsOnly,
    pairs: c.flows.map(f => [at(f.src), at(f.dst)] as const),
  }));
  const texts = new Map<string, number>();
  const textNumber = (text: string) => {
    if (!texts.has(text)) texts.set(text, texts.size + 2);
    return texts.get(text)!;
  };
  const explanations: { [groups: string]: number[] } = {};
  for (const { srcGroup, dstGroup, explanation } of explained.pairs) {
    const parts = template(explainToText(explanation), endpointId(explanation.src), endpointId(explanation.dst));
    // Cut at line ends too: whole lines are what repeat from one explanation to the next.
    explanations[`${srcGroup},${dstGroup}`] = parts.flatMap(p => typeof p === 'number' ? [p] : p.split(/(?<=\n)/).map(textNumber));
  }
  return {
    endpoints: explained.endpoints.map((e, i) => ({
      id: endpointId(e),
      label: e.kind === 'workload' ? `${e.workload.name}[${e.workload.kind}]` : `${e.range.start}-${e.range.end}`,
      namespace: e.kind === 'workload' ? e.workload.namespace : null,
      group: explained.groupOf[i],
      ref: e.kind === 'workload' ? endpointId(e) : e.range.start,
    })),
    flows: reach.flows.map(f => [at(f.src), at(f.dst), f.conns.toString(), isDnsOnly(f.conns)] as const),
    pictures: { plain: picture(pictureConnections(reach, undefined)), collapsed: picture(pictureConnections(reach, { namespaces: unisolated })) },
    texts: [...texts.keys()],
    explanations,
    filters: { namespaces: filters.namespaces ?? [], hideDns: filters.hideDns ?? false, collapse: filters.collapse !== undefined },
  };
}

/**
 * `text` with every occurrence of the two ids cut out. One pass, trying the longer id first at
 * each position, so an id that is part of the other (`a/b[Pod]` in `xa/b[Pod]`) is never cut
 * from inside it.
 */
export function template(text: string, srcId: string, dstId: string): ExplanationTemplate {
  const ids = [srcId, dstId].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(ids.map(id => id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'g');
  const parts: (string | 0 | 1)[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(match[0] === srcId ? 0 : 1);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
