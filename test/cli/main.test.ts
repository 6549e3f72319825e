import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { SHOP } from './run-cli';

const ROOT = path.join(__dirname, '..', '..');

/** The real executable, through ts-node as `npm run demo` runs it: process glue, stdout and exit code. */
function main(...argv: string[]) {
  return spawnSync(process.execPath, [require.resolve('ts-node/dist/bin-transpile.js'), path.join(ROOT, 'src', 'cli', 'main.ts'), ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

test('the executable writes to stdout and exits with the command\'s code', () => {
  const denied = main('explain', SHOP, '--from', 'shop/api', '--to', 'shop/web');
  expect([denied.status, denied.stderr]).toEqual([1, '']);
  expect(denied.stdout).toMatch(/^DENIED shop\/api\[Deployment\] => shop\/web\[Deployment\] : No Connections\n/);
  const usage = main('nope');
  expect(usage.status).toBe(2);
  expect(usage.stderr).toMatch(/^cdk8s-netpol: unknown command 'nope'/);
}, 60_000);
