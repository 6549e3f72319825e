#!/usr/bin/env node
// Runs `npm ci` when node_modules is missing or older than package-lock.json, so that the
// README's two commands (`npm run demo`, `npm test`) work on a fresh clone.
const { execSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');

const installed = 'node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.error('ensure-deps: installing dependencies with npm ci ...');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
