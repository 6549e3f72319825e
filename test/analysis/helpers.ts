import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { rangeInterval } from '../../src/analysis/ip-ranges';
import { ClusterModel, ManifestDocument, Workload, workloadId } from '../../src/analysis/model';
import { buildModel } from '../../src/analysis/model-builder';
import { computeReachability } from '../../src/analysis/reachability';
import { Endpoint, endpointId, ipRangeId, Reachability } from '../../src/analysis/results';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'analysis');

/** Multi-document YAML text → ManifestDocument[] (empty documents skipped). */
export function parseYaml(text: string, file?: string): ManifestDocument[] {
  return parseAllDocuments(text)
    .map((doc, documentIndex) => ({ object: doc.toJS() as unknown, source: { file, documentIndex } }))
    .filter(d => d.object !== null && d.object !== undefined);
}

/** test/fixtures/analysis/<name>.yaml as documents. */
export function fixtureDocs(name: string): ManifestDocument[] {
  const file = path.join(FIXTURES, `${name}.yaml`);
  return parseYaml(fs.readFileSync(file, 'utf8'), file);
}

export function fixtureModel(name: string): ClusterModel {
  return buildModel(fixtureDocs(name));
}

export function modelOf(yamlText: string): ClusterModel {
  return buildModel(parseYaml(yamlText));
}

/** The workload with id `ns/name[Kind]` (throws when absent, so tests fail loudly). */
export function workload(model: ClusterModel, id: string): Workload {
  const found = model.workloads.find(w => workloadId(w) === id);
  if (!found) throw new Error(`no workload ${id} in ${model.workloads.map(workloadId).join(', ')}`);
  return found;
}

/** `SRC => DST` → CONNS text for every allowed flow. */
export function flowMap(reachability: Reachability): Map<string, string> {
  return new Map(reachability.flows.map(f => [`${endpointId(f.src)} => ${endpointId(f.dst)}`, f.conns.toString()]));
}

/**
 * The flows with every external range split into the ranges of the fine cut
 * (`reachability.externalRanges`) it covers, as `SRC => DST` → CONNS: what a per-pair reference on
 * the fine cut computes. Reach names coarser ranges (merged-ranges.ts); this checks each of them is
 * uniform, since a coarse range allowed more or less on one part would differ from the reference there.
 */
export function refinedFlowMap(reachability: Reachability): Map<string, string> {
  const cells = reachability.externalRanges.map(range => ({ range, interval: rangeInterval(range) }));
  const refine = (e: Endpoint): string[] => {
    if (e.kind === 'workload') return [endpointId(e)];
    const outer = rangeInterval(e.range);
    return cells.filter(c => c.interval.family === outer.family && outer.first <= c.interval.first && c.interval.last <= outer.last)
      .map(c => ipRangeId(c.range));
  };
  const map = new Map<string, string>();
  for (const f of reachability.flows) {
    for (const src of refine(f.src)) for (const dst of refine(f.dst)) map.set(`${src} => ${dst}`, f.conns.toString());
  }
  return map;
}

/** The flows of a fixture, as `SRC => DST` → CONNS. */
export function fixtureFlows(name: string): Map<string, string> {
  return flowMap(computeReachability(fixtureModel(name)));
}

/** Sources allowed to reach `dst` (any connection), sorted. */
export function sourcesOf(flows: Map<string, string>, dst: string): string[] {
  return [...flows.keys()].filter(k => k.endsWith(` => ${dst}`)).map(k => k.slice(0, k.indexOf(' => '))).sort();
}

export const ALL_V4 = '0.0.0.0-255.255.255.255[External]';
export const ALL_V6 = '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]';
