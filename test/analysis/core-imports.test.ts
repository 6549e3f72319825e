/**
 * The analysis core (src/analysis/**, the validator included) is pure: it imports nothing
 * outside src/analysis but npm libraries that do no I/O, so it runs the same in the CLI, at
 * synth time, in jest matchers and from other jsii languages (docs/architecture.md).
 */
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const CORE = path.join(ROOT, 'src', 'analysis');

/** npm packages the core may use: pure computation, no I/O. */
const PURE_LIBRARIES = new Set(['ipaddr.js']);

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier of static imports, re-exports, dynamic imports and require calls. */
function importsOf(text: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap(pattern => [...text.matchAll(pattern)].map(m => m[1]));
}

/** Why `specifier`, imported by `file`, is not allowed in the core; undefined when it is. */
function forbidden(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) {
    const target = path.resolve(path.dirname(file), specifier);
    return target === CORE || target.startsWith(CORE + path.sep) ? undefined : `${path.relative(ROOT, target)} is outside src/analysis`;
  }
  const name = specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
  if (specifier.startsWith('node:') || builtinModules.includes(name.split('/')[0])) return `${specifier} is a Node built-in module (I/O belongs in src/io)`;
  const packageName = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  return PURE_LIBRARIES.has(packageName) ? undefined : `${packageName} is not a library the core may use (allowed: ${[...PURE_LIBRARIES].join(', ')})`;
}

test('the core has source files to check', () => {
  expect(sourceFiles(CORE).length).toBeGreaterThan(30);
  expect(sourceFiles(CORE).some(f => f.includes(`${path.sep}validation${path.sep}`))).toBe(true);
});

test('no file of src/analysis imports outside it, a Node built-in, cdk8s or constructs', () => {
  const violations = sourceFiles(CORE).flatMap(file => importsOf(fs.readFileSync(file, 'utf8'))
    .flatMap(specifier => {
      const why = forbidden(file, specifier);
      return why === undefined ? [] : [`${path.relative(ROOT, file)} imports '${specifier}': ${why}`];
    }));
  expect(violations).toEqual([]);
});

describe('the check itself', () => {
  const file = path.join(CORE, 'lint', 'rule.ts');

  test.each([
    ['../../io', 'src/io is outside src/analysis'],
    ['../../network-analysis', 'src/network-analysis is outside src/analysis'],
    ['../../render/sarif', 'src/render/sarif is outside src/analysis'],
    ['fs', 'fs is a Node built-in module (I/O belongs in src/io)'],
    ['node:child_process', 'node:child_process is a Node built-in module (I/O belongs in src/io)'],
    ['fs/promises', 'fs/promises is a Node built-in module (I/O belongs in src/io)'],
    ['cdk8s', 'cdk8s is not a library the core may use (allowed: ipaddr.js)'],
    ['constructs', 'constructs is not a library the core may use (allowed: ipaddr.js)'],
    ['@scope/pkg/deep', '@scope/pkg is not a library the core may use (allowed: ipaddr.js)'],
  ])('refuses %s', (specifier, why) => {
    expect(forbidden(file, specifier)).toBe(why);
  });

  test.each(['./finding', '../model', '../validation/problem', 'ipaddr.js'])('allows %s', specifier => {
    expect(forbidden(file, specifier)).toBeUndefined();
  });

  test('finds every form of import', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      'import {\n  c,\n  d,\n} from "c";',
      "import 'side-effect';",
      "export * from './e';",
      "export { f } from './f';",
      "const g = require('g');",
      "const h = await import('h');",
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(['../b', './a', './e', './f', 'c', 'g', 'h', 'side-effect']);
  });
});
