/**
 * `reach --exposure` in np-guard netpol-analyzer's txt, json, csv and md formats
 * (`pkg/netpol/connlist/conns_formatter_{txt,json,csv,md}.go`): the connection list first, then the
 * exposure section as np-guard writes it, address ranges aside (docs/exposure.md): tab-separated
 * txt columns padded to the longest workload, `null` for an empty json list, ingress tables with
 * the workload first.
 */
import { toCsv } from './csv';
import { exposureRows, type ExposureRow, type ExposureRows, type ExposureRowsOptions } from './exposure-rows';
import { flowRows } from './flow-rows';
import { toMarkdownTable } from './markdown-table';
import { reachToTxt } from './reach-table';
import type { Exposure } from '../analysis/exposure';
import type { Reachability } from '../analysis/results';

const RENDERERS = {
  txt: exposureToTxt,
  json: exposureToJson,
  csv: exposureToCsv,
  md: exposureToMarkdown,
} satisfies Record<string, (reach: Reachability, rows: ExposureRows) => string>;

export type ExposureFormatName = keyof typeof RENDERERS;

export const EXPOSURE_FORMAT_NAMES = Object.keys(RENDERERS) as readonly ExposureFormatName[];

export function isExposureFormatName(name: string): name is ExposureFormatName {
  return Object.prototype.hasOwnProperty.call(RENDERERS, name);
}

/** The connection list of `reach`, then the exposure of `exposure` (its address lines taken from `reach`). */
export function renderExposure(reach: Reachability, exposure: Exposure, format: ExposureFormatName, options: ExposureRowsOptions = {}): string {
  return RENDERERS[format](reach, exposureRows(exposure, reach, options));
}

function exposureToTxt(reach: Reachability, rows: ExposureRows): string {
  const list = reachToTxt(reach);
  const width = Math.max(0, ...rows.workloads.map(w => w.length));
  const line = (r: ExposureRow, ingress: boolean) => {
    const [self, arrow, peer] = ingress ? [r.dst, '<=', r.src] : [r.src, '=>', r.dst];
    return `${self.padEnd(width)} \t${arrow} \t${peer} : ${r.conn}${r.explanation ? ` \t(${r.explanation})` : ''}`;
  };
  const section = (header: string, lines: readonly string[]) => (lines.length ? header + lines.join('\n') + '\n' : '');
  return (list ? list + '\n' : '')
    + 'Exposure Analysis Result:\n'
    + section('Egress Exposure:\n', rows.egress.map(r => line(r, false)))
    + section(`${rows.egress.length ? '\n' : ''}Ingress Exposure:\n`, rows.ingress.map(r => line(r, true)))
    + section('\nWorkloads not protected by network policies:\n', rows.unprotected);
}

function exposureToJson(reach: Reachability, rows: ExposureRows): string {
  // np-guard marshals an empty exposure list as null (a nil Go slice), and the connection list as [].
  const list = (r: readonly ExposureRow[]) => (r.length ? r : null);
  return JSON.stringify({
    connlist_results: flowRows(reach),
    exposure_results: { egress_exposure: list(rows.egress), ingress_exposure: list(rows.ingress) },
  }, undefined, 2) + '\n';
}

function exposureToCsv(reach: Reachability, rows: ExposureRows): string {
  const explain = [...rows.egress, ...rows.ingress].some(r => r.explanation !== undefined) ? ['explanation'] : [];
  const cells = (first: string, second: string, r: ExposureRow) => [first, second, r.conn, ...(r.explanation !== undefined ? [r.explanation] : [])];
  // A title row fills the three columns, as np-guard's csv writer does.
  const section = (title: string, header: string[], body: string[][]) => (body.length ? [[title, '', ''], [...header, ...explain], ...body] : []);
  return toCsv(['src', 'dst', 'conn'], [
    ...flowRows(reach).map(r => [r.src, r.dst, r.conn]),
    ['Exposure Analysis Result:', '', ''],
    ...section('Egress Exposure:', ['src', 'dst', 'conn'], rows.egress.map(r => cells(r.src, r.dst, r))),
    ...section('Ingress Exposure:', ['dst', 'src', 'conn'], rows.ingress.map(r => cells(r.dst, r.src, r))),
  ]);
}

function exposureToMarkdown(reach: Reachability, rows: ExposureRows): string {
  const explain = [...rows.egress, ...rows.ingress].some(r => r.explanation !== undefined) ? ['explanation'] : [];
  const cells = (first: string, second: string, r: ExposureRow) => [first, second, r.conn, ...(r.explanation !== undefined ? [r.explanation] : [])];
  const table = (header: string[], body: string[][]) => (body.length ? toMarkdownTable([...header, ...explain], body) : '');
  const egress = table(['src', 'dst', 'conn'], rows.egress.map(r => cells(r.src, r.dst, r)));
  const ingress = table(['dst', 'src', 'conn'], rows.ingress.map(r => cells(r.dst, r.src, r)));
  return toMarkdownTable(['src', 'dst', 'conn'], flowRows(reach).map(r => [r.src, r.dst, r.conn]))
    + '## Exposure Analysis Result:\n'
    + (egress ? `### Egress Exposure:\n${egress}` : '') + '\n'
    + (ingress ? `### Ingress Exposure:\n${ingress}` : '');
}
