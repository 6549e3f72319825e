/**
 * The real executable, as a user runs it: bad input ends the process with exit 2 and one line on
 * stderr; no stack trace, no hang, no crash of node itself.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { useTempDir } from '../support/temp-dir';

const temp = useTempDir();
const ROOT = path.join(__dirname, '..', '..');

function runMain(...argv: string[]) {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/main.ts', ...argv], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test.each([
  ['malformed YAML', 'bad.yaml', 'kind: Pod\nmetadata: {name: [unclosed\n', /bad\.yaml:3:1: document 0: syntax error: /],
  ['bytes that are not UTF-8', 'latin1.yaml', Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]), /latin1\.yaml:1:4: is not UTF-8 text/],
  ['an API-invalid policy', 'policy.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  ingress: {}\n', /policy\.yaml:5:12: .* spec\.ingress: \{\} must be a list/],
])('%s: exit 2, one line, no stack trace', (_, name, content, reason) => {
  const file = temp.file(name, content);
  const { code, stdout, stderr } = runMain('reach', file);
  expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  expect(stderr).not.toMatch(/\n\s+at |internal error/);
  expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(reason)]);
  expect(stderr.startsWith(`cdk8s-netpol: ${file}:`)).toBe(true);
}, 60_000);
