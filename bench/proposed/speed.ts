import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseSimpleYaml } from './fast-yaml';
const dir = process.argv[2];
const texts = fs.readdirSync(dir).filter(f => f.endsWith('.yaml')).map(f => fs.readFileSync(path.join(dir, f), 'utf8'));
for (let k = 0; k < 2; k++) {
  let t = performance.now(); let n = 0;
  for (const s of texts) n += parseSimpleYaml(s)!.length;
  console.log('fast', n, (performance.now() - t).toFixed(0));
  t = performance.now(); n = 0;
  for (const s of texts) n += parseAllDocuments(s).length;
  console.log('yaml', n, (performance.now() - t).toFixed(0));
}
