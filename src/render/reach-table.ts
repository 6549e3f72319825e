/**
 * The tabular reach formats: one row per allowed pair, `src`, `dst`, `conn`. `txt` follows
 * np-guard's netpol-analyzer (`SRC => DST : CONNS`) so its users can switch and diff.
 */
import { toCsv } from './csv';
import { flowRows, type FlowRow } from './flow-rows';
import { toMarkdownTable } from './markdown-table';
import type { Reachability } from '../analysis/results';

const HEADER = ['src', 'dst', 'conn'];

const cells = (r: FlowRow): string[] => [r.src, r.dst, r.conn];

export function reachToTxt(reach: Reachability): string {
  return flowRows(reach).map(r => `${r.src} => ${r.dst} : ${r.conn}\n`).join('');
}

export function reachToJson(reach: Reachability): string {
  return JSON.stringify(flowRows(reach), undefined, 2) + '\n';
}

export function reachToCsv(reach: Reachability): string {
  return toCsv(HEADER, flowRows(reach).map(cells));
}

export function reachToMarkdown(reach: Reachability): string {
  return toMarkdownTable(HEADER, flowRows(reach).map(cells));
}
