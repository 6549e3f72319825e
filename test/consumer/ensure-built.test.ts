/**
 * scripts/ensure-built.js, npm's prepack: `npm pack` never packs a package without its built
 * library, or with one older than the sources. Run in a small project without build tools, so a
 * build it asks for shows as its refusal to pack.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'ensure-built.js');
const INPUTS = ['src/index.ts', 'src/policies/deny.ts', 'package.json', 'README.md'];
const OUTPUTS = ['lib/index.js', 'lib/index.d.ts', '.jsii'];
const BUILT = new Date('2026-01-02T00:00:00Z');
const BEFORE = new Date('2026-01-01T00:00:00Z');
const AFTER = new Date('2026-01-03T00:00:00Z');

/** A project whose sources were written before its last build. */
function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-built-'));
  for (const [files, time] of [[INPUTS, BEFORE], [OUTPUTS, BUILT]] as const) {
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), '');
      fs.utimesSync(path.join(dir, file), time, time);
    }
  }
  return dir;
}

function prepack(dir: string) {
  const result = spawnSync(process.execPath, [SCRIPT], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

let dir: string;
beforeEach(() => { dir = project(); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('packs as it is when the build is newer than every source', () => {
  expect(prepack(dir)).toEqual({ status: 0, stderr: '' });
});

test.each(OUTPUTS)('builds first when %s is missing', (output) => {
  fs.rmSync(path.join(dir, output));
  const { status, stderr } = prepack(dir);
  expect(status).toBe(1);
  expect(stderr).toContain(`must be built before it is packed (${output} missing)`);
  expect(stderr).toContain('run npm ci, then pack again');
});

test.each(INPUTS)('builds first when %s changed since the build', (input) => {
  fs.utimesSync(path.join(dir, input), AFTER, AFTER);
  const { status, stderr } = prepack(dir);
  expect(status).toBe(1);
  expect(stderr).toContain(`(${input} changed since the last build)`);
});

test('a file that is not TypeScript source is not an input', () => {
  fs.writeFileSync(path.join(dir, 'src', 'notes.md'), '');
  fs.utimesSync(path.join(dir, 'src', 'notes.md'), AFTER, AFTER);
  expect(prepack(dir).status).toBe(0);
});
