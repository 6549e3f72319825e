/** Differential check: parseSimpleYaml vs the `yaml` package on files and edge cases; and the speed of both. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseSimpleYaml } from './fast-yaml';

function slow(text: string) {
  const out: { documentIndex: number; line: number; value: unknown }[] = [];
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return out;
  docs.forEach((doc, documentIndex) => {
    if (doc.errors.length) throw new Error('error');
    if (doc.contents === null) return;
    const value = doc.toJS();
    if (value === null) return;
    const offset = doc.contents.range[0];
    const line = text.slice(0, offset).split('\n').length;
    out.push({ documentIndex, line, value });
  });
  return out;
}

function walk(dir: string, files: string[] = []): string[] {
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) walk(p, files);
    else if (/\.ya?ml$/.test(name)) files.push(p);
  }
  return files;
}

const roots = process.argv.slice(2);
let fast = 0; let fallback = 0; let bad = 0;
for (const file of roots.flatMap(r => walk(r))) {
  const text = fs.readFileSync(file, 'utf8');
  const f = parseSimpleYaml(text);
  if (!f) { fallback++; continue; }
  let s;
  try { s = slow(text); } catch { console.log('FAST ACCEPTED AN ERROR', file); bad++; continue; }
  if (JSON.stringify(f) !== JSON.stringify(s)) { console.log('DIFF', file); bad++; } else {fast++;}
}
console.log({ fast, fallback, bad });
