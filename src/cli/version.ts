import * as fs from 'node:fs';
import * as path from 'node:path';

/** The package's version, from the package.json two folders up from both src/cli (ts-node) and lib/cli (installed). */
export function packageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return String(manifest.version);
}
