/** The reach pipeline with the proposed fast YAML reader and reachability, phase by phase. */
import * as fs from 'node:fs';
import { parseSimpleYaml } from './fast-yaml';
import { computeReachability } from './reachability';
import { buildModel } from '../../src/analysis/model-builder';
import { checkNetworkPolicies } from '../../src/io';
import { listManifestFiles } from '../../src/io/read-files';
import { renderReach } from '../../src/render';

const t0 = performance.now();
const docs = listManifestFiles([process.argv[2]]).flatMap(file =>
  parseSimpleYaml(fs.readFileSync(file, 'utf8'))!.map(d => ({ object: d.value, source: { file, documentIndex: d.documentIndex, line: d.line } })));
const t1 = performance.now();
checkNetworkPolicies(docs);
const t2 = performance.now();
const model = buildModel(docs);
const t3 = performance.now();
const reach = computeReachability(model);
const t4 = performance.now();
const text = renderReach(reach, 'txt');
const t5 = performance.now();
console.log({ parse: t1 - t0, check: t2 - t1, model: t3 - t2, reach: t4 - t3, render: t5 - t4, total: t5 - t0, flows: reach.flows.length, bytes: text.length, rssMiB: process.resourceUsage().maxRSS / 1024 });
