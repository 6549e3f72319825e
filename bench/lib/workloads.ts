/**
 * Writes the generated workloads as YAML files under bench/out/ (gitignored), once: a folder is
 * reused when its `.complete` marker (hidden, so the loader skips it) names the same generator version.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, YamlOutputType } from 'cdk8s';
import { stringify } from 'yaml';
import { buildEstate, PLAIN_ESTATE } from '../generators/estate';
import { flatManifests } from '../generators/flat';

/** Bump when a generator changes what it writes. */
const GENERATOR_VERSION = '2';

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'bench'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export const OUT_DIR = path.join(repoRoot(), 'bench', 'out');

function ensure(dir: string, write: (dir: string) => void): string {
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === GENERATOR_VERSION) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  write(dir);
  fs.writeFileSync(marker, GENERATOR_VERSION);
  return dir;
}

/**
 * E(n) as `cdk8s synth` writes it: one YAML file per chart (the platform, then one per namespace).
 * Synthesized from plain ApiObjects, which a test proves equal to the constructs' output.
 */
export function estateDir(n: number): string {
  return ensure(path.join(OUT_DIR, `estate-${n}`), dir => {
    const app = new App({ outdir: dir, yamlOutputType: YamlOutputType.FILE_PER_CHART });
    buildEstate(app, n, PLAIN_ESTATE);
    app.synth();
  });
}

/** F(w, p) with `seed` as one multi-document YAML file. */
export function flatDir(w: number, p: number, seed = 1): string {
  return ensure(path.join(OUT_DIR, `flat-${w}-${p}-s${seed}`), dir => {
    const text = flatManifests(w, p, seed).map(doc => stringify(doc)).join('---\n');
    fs.writeFileSync(path.join(dir, 'flat.yaml'), text);
  });
}
