#!/usr/bin/env node
// npm's prepack: runs the jsii compile when lib/ or the .jsii assembly is missing, or older than
// what it is built from, so that `npm pack` (and jsii-pacmak, which calls it) never packs a
// package without its library or with an outdated one.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

/** Every file under `dir` whose name ends in `.ts`. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// The assembly embeds package.json's metadata and the README, so they are inputs too.
const inputs = [...sources('src'), 'package.json', 'README.md'];
const outputs = ['lib/index.js', 'lib/index.d.ts', '.jsii'];

const missing = outputs.filter((file) => !existsSync(file));
const built = missing.length === 0 ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : 0;
const newer = inputs.filter((file) => statSync(file).mtimeMs > built);

if (missing.length > 0 || newer.length > 0) {
  const why = missing.length > 0 ? `${missing.join(', ')} missing` : `${newer[0]} changed since the last build`;
  if (!existsSync('node_modules/.bin/jsii')) {
    console.error(`ensure-built: the library must be built before it is packed (${why}), and its build tools are not installed: run npm ci, then pack again`);
    process.exit(1);
  }
  console.error(`ensure-built: ${why}; compiling with jsii ...`);
  // Its output goes to stderr: jsii-pacmak reads the tarball's name from npm pack's stdout.
  execSync('npx projen compile', { stdio: ['ignore', 2, 2] });
}
