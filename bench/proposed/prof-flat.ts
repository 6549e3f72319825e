import { computeReachability } from './reachability';
import { buildModel } from '../../src/analysis/model-builder';
import { flatManifests } from '../generators/flat';
const [w, p] = [Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 200)];
const model = buildModel(flatManifests(w, p, 1).map((object, documentIndex) => ({ object, source: { documentIndex } })));
const t = performance.now();
const r = computeReachability(model);
console.log(w, p, 'flows', r.flows.length, (performance.now() - t).toFixed(0), 'ms');
