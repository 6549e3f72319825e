/**
 * `reach --namespace/--hide-dns/--collapse`: the graph filters (src/render/graph-filters.ts)
 * as options, for the formats that draw a picture. Spread into reach's parseArgs options.
 */
import { UsageError } from './command';
import { alternatives, closestNames } from '../analysis/closest-names';
import type { ClusterModel } from '../analysis/model';
import { unisolatedNamespaces } from '../analysis/unisolated-namespaces';
import type { GraphFilters } from '../render/graph-filters';

export const GRAPH_FILTER_OPTIONS = {
  'namespace': { type: 'string', multiple: true },
  'hide-dns': { type: 'boolean' },
  'collapse': { type: 'boolean' },
} as const;

/** The formats the filters apply to; `html` also starts its controls from them. */
export const PICTURE_FORMATS: readonly string[] = ['dot', 'mermaid', 'html'];

export const GRAPH_FILTER_USAGE = `Graph filters (dot, mermaid, html; html starts its controls from them):
      --namespace <ns>[,ns]  only connections with an end in these namespaces
      --hide-dns             leave out connections that allow only port 53 (UDP/TCP)
      --collapse             one node for all addresses outside the cluster, and one per
                             namespace whose workloads no policy isolates`;

export interface GraphFilterValues {
  readonly 'namespace'?: readonly string[];
  readonly 'hide-dns'?: boolean;
  readonly 'collapse'?: boolean;
  readonly 'focus'?: string;
}

/** The filters asked for; a usage error when they do not fit the format or name no namespace of the input. */
export function graphFiltersOf(values: GraphFilterValues, model: ClusterModel, format: string): GraphFilters {
  const given = (['namespace', 'hide-dns', 'collapse'] as const).filter(option => values[option] !== undefined);
  if (given.length > 0 && !PICTURE_FORMATS.includes(format)) {
    throw new UsageError(`--${given[0]} filters a picture; use it with -o ${alternatives(PICTURE_FORMATS)}`);
  }
  // The page shows every pair, allowed or not; a focused reach has only some of the flows.
  if (values.focus !== undefined && format === 'html') {
    throw new UsageError('--focus does not combine with -o html; use --namespace to narrow the page');
  }
  const known = new Set(model.workloads.map(w => w.namespace));
  const namespaces = values.namespace?.flatMap(list => list.split(',')).map(name => name.trim());
  for (const name of namespaces ?? []) {
    if (known.has(name)) continue;
    const close = closestNames(name, known);
    const hint = close.length ? `did you mean ${alternatives(close)}?` : `the input has workloads in ${alternatives([...known].sort()) || 'no namespace'}`;
    throw new UsageError(`--namespace: no workload in namespace '${name}'; ${hint}`);
  }
  return { namespaces, hideDns: values['hide-dns'], collapse: values.collapse ? { namespaces: unisolatedNamespaces(model) } : undefined };
}
