/** The proposed computeReachability gives the same txt as the current one, and how fast. */
import { App } from 'cdk8s';
import { computeReachability as proposed } from './reachability';
import { buildModel } from '../../src/analysis/model-builder';
import { computeReachability as current } from '../../src/analysis/reachability';
import { renderReach } from '../../src/render';
import { buildEstatePlain } from '../generators/estate';
import { flatManifests } from '../generators/flat';

function check(name: string, objects: unknown[], skipCurrent = false) {
  const model = buildModel(objects.map((object, documentIndex) => ({ object, source: { documentIndex } })));
  let t = performance.now();
  const b = renderReach(proposed(model), 'txt');
  const tb = performance.now() - t;
  if (skipCurrent) { console.log(name, 'proposed', tb.toFixed(0), 'ms', b.split('\n').length, 'lines'); return; }
  t = performance.now();
  const a = renderReach(current(model), 'txt');
  const ta = performance.now() - t;
  console.log(name, a === b ? 'SAME' : 'DIFFERENT', 'current', ta.toFixed(0), 'proposed', tb.toFixed(0), 'ms', a.split('\n').length, 'lines');
}
const estate = (n: number) => { const app = new App(); buildEstatePlain(app, n); return app.charts.flatMap(c => c.toJson()); };
for (const seed of [1, 2, 3, 4]) check(`F(300,80,s${seed})`, flatManifests(300, 80, seed));
check('F(600,200)', flatManifests(600, 200, 5));
check('E(30)', estate(30));
check('E(300)', estate(300), true);
check('E(1000)', estate(1000), true);
if (process.argv[2]) check('F(5000,1000)', flatManifests(5000, 1000, 1), true);
