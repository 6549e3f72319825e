/**
 * Exposure as rows of text, shared by the txt, json and md formats, in np-guard
 * netpol-analyzer's words (`pkg/netpol/connlist/conns_formatter.go`): the representative peer as
 * `[namespace with {k=v}]/[pod with {k=v}]`, `[all namespaces]`, `[all pods]`, or a namespace
 * by name; the entire cluster as `entire-cluster`. Connections with addresses outside the
 * cluster are repeated from the connection list for every exposed workload, as np-guard does.
 */
import type { Exposure, ExposureLine, ExposurePeer } from '../analysis/exposure';
import { type LabelSelectorSpec, workloadId } from '../analysis/model';
import type { RepresentativePeer, RuleRef } from '../analysis/representative-peer';
import { endpointId, type Reachability } from '../analysis/results';

/** One exposure line: `src` and `dst` as in the connection list (the workload is `dst` for ingress). */
export interface ExposureRow {
  readonly src: string;
  readonly dst: string;
  readonly conn: string;
  /** The rules behind the line, with `--explain-exposure`. */
  readonly explanation?: string;
}

export interface ExposureRows {
  /** Sorted by the workload (src), then the peer. */
  readonly egress: readonly ExposureRow[];
  /** Sorted by the workload (dst), then the peer. */
  readonly ingress: readonly ExposureRow[];
  /** `ns/name[Kind] is not protected on Egress`, sorted. */
  readonly unprotected: readonly string[];
  /** The workloads listed (np-guard's exposed peers), for the txt column width. */
  readonly workloads: readonly string[];
}

export interface ExposureRowsOptions {
  /** Only lines of this workload (`reach --focus`); every workload when undefined. @default undefined */
  readonly focus?: string;
  /** Say which rules cause each line. @default false */
  readonly explain?: boolean;
}

export function exposureRows(exposure: Exposure, reach: Reachability, options: ExposureRowsOptions = {}): ExposureRows {
  const shown = (id: string) => options.focus === undefined || options.focus === id;
  const lines = exposure.lines.filter(l => shown(workloadId(l.workload)));
  const workloads = [...new Set(lines.map(l => workloadId(l.workload)))];
  const listed = new Set(workloads);
  const row = (line: ExposureLine): ExposureRow => {
    const [self, peer] = [workloadId(line.workload), peerText(line.peer)];
    const [src, dst] = line.direction === 'Egress' ? [self, peer] : [peer, self];
    return { src, dst, conn: line.conns.toString(), ...(options.explain ? { explanation: explanation(line) } : {}) };
  };
  const egress = lines.filter(l => l.direction === 'Egress').map(row);
  const ingress = lines.filter(l => l.direction === 'Ingress').map(row);
  for (const flow of reach.flows) {
    const [src, dst, conn] = [endpointId(flow.src), endpointId(flow.dst), flow.conns.toString()];
    const addressLine = options.explain ? { explanation: 'as in the connection list' } : {};
    if (flow.dst.kind === 'external' && listed.has(src)) egress.push({ src, dst, conn, ...addressLine });
    if (flow.src.kind === 'external' && listed.has(dst)) ingress.push({ src, dst, conn, ...addressLine });
  }
  return {
    egress: egress.sort((a, b) => compareBy(a.src, b.src) || compareBy(a.dst, b.dst)),
    ingress: ingress.sort((a, b) => compareBy(a.dst, b.dst) || compareBy(a.src, b.src)),
    unprotected: exposure.unprotected.filter(u => shown(workloadId(u.workload)))
      .map(u => `${workloadId(u.workload)} is not protected on ${u.direction}`).sort(compareBy),
    workloads,
  };
}

/** np-guard's name for the far end of a line. */
export function peerText(peer: ExposurePeer): string {
  return peer.kind === 'entire-cluster' ? 'entire-cluster' : `${namespaceText(peer.peer)}/${podText(peer.peer.podSelector)}`;
}

function namespaceText(rep: RepresentativePeer): string {
  // Set exactly when the selector is `kubernetes.io/metadata.name: <name>` alone.
  if (rep.namespace !== undefined) return rep.namespace;
  return isEmpty(rep.namespaceSelector) ? '[all namespaces]' : `[namespace with {${selectorText(rep.namespaceSelector)}}]`;
}

function podText(selector: LabelSelectorSpec): string {
  return isEmpty(selector) ? '[all pods]' : `[pod with {${selectorText(selector)}}]`;
}

const isEmpty = (s: LabelSelectorSpec) => Object.keys(s.matchLabels ?? {}).length === 0 && !s.matchExpressions?.length;

/**
 * `k=v,k2=v2` (Kubernetes' `labels.SelectorFromSet`, sorted by key), then each expression as Go
 * prints a `LabelSelectorRequirement` (`{Key:k,Operator:In,Values:[a b],}`), sorted.
 */
function selectorText(selector: LabelSelectorSpec): string {
  const labels = Object.keys(selector.matchLabels ?? {}).sort(compareBy).map(k => `${k}=${selector.matchLabels![k]}`);
  const expressions = (selector.matchExpressions ?? [])
    .map(r => `{Key:${r.key},Operator:${r.operator},Values:[${(r.values ?? []).join(' ')}],}`).sort(compareBy);
  return [...(labels.length ? [labels.join(',')] : []), ...(expressions.length ? [expressions.join(',')] : [])].join(',');
}

function explanation(line: ExposureLine): string {
  if (line.causes.length === 0) return `no NetworkPolicy selects it for ${line.direction}`;
  return line.causes.map(ruleText).join('; ');
}

function ruleText(rule: RuleRef): string {
  return `NetworkPolicy ${rule.policy.namespace}/${rule.policy.name} ${rule.direction.toLowerCase()} rule #${rule.ruleIndex + 1}`;
}

/** Byte order, as Go compares strings. */
function compareBy(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
