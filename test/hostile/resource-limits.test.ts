/**
 * Input too big to analyse safely, or shaped to make a walker run forever: a clear refusal, or
 * an answer, in bounded time and memory.
 */
import * as fs from 'node:fs';
import { expectRefusal, runCli } from '../support/cli';
import { DEPLOYMENT, networkPolicy } from '../support/manifests';
import { useTempDir } from '../support/temp-dir';

const temp = useTempDir();

test('a 50 MB file is refused by its size, before it is read whole, saying how to split it', async () => {
  const file = temp.file('huge.yaml');
  const chunk = Buffer.from(`${DEPLOYMENT}---\n`.repeat(4096));
  const fd = fs.openSync(file, 'w');
  for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  const heapBefore = process.memoryUsage().heapUsed;
  const line = expectRefusal(await runCli('reach', file), file);
  expect(line).toBe(`cdk8s-netpol: ${file}: is larger than 8 MiB, the limit for one input file; split it into several files (for example one per namespace) and pass them, or their folder`);
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
});

test('an endless device (/dev/zero) is read only up to the limit', async () => {
  expect(expectRefusal(await runCli('reach', '/dev/zero'), '/dev/zero')).toMatch(/is larger than 8 MiB/);
});

test('a folder with thousands of files (workloads, policies, other objects) is analysed', async () => {
  for (let i = 0; i < 3000; i++) {
    temp.file(`many/${String(i).padStart(4, '0')}.yaml`, manyFilesObject(i));
  }
  const result = await runCli('reach', temp.file('many'));
  expect(result).toMatchObject({ code: 0, stderr: '' });
  // Together the policies allow web to web on ports 1-1000 but for the hundreds + 1, whose files are workloads.
  expect(result.stdout).toMatch(/^shop\/web-0\[Deployment\] => shop\/web-100\[Deployment\] : TCP 2-100,102-200,.*,902-1000$/m);
}, 60_000);

/**
 * One of every hundred files a workload, a third NetworkPolicies, the rest ConfigMaps: the
 * analysis grows with the workloads' pairs, and 3000 unisolated workloads would mean 9 million
 * allowed pairs to print.
 */
function manyFilesObject(i: number): string {
  if (i % 100 === 0) return DEPLOYMENT.replace('name: web\n  namespace', `name: web-${i}\n  namespace`);
  if (i % 3 === 1) {
    return networkPolicy(`  podSelector:\n    matchLabels: {app: web}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {app: web}\n    ports:\n    - port: ${(i % 1000) + 1}\n`)
      .replace('name: web\n', `name: allow-${i}\n`);
  }
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\n  namespace: shop\ndata:\n  key: value\n`;
}

test('symlink loops in a folder end: each folder and file is visited once', async () => {
  temp.file('tree/web.yaml', DEPLOYMENT);
  fs.symlinkSync(temp.file('tree'), temp.file('tree/loop'));
  fs.symlinkSync(temp.file('tree/sub'), temp.file('tree/sub-link'));
  fs.mkdirSync(temp.file('tree/sub'));
  fs.symlinkSync(temp.file('tree'), temp.file('tree/sub/back-to-top'));
  fs.symlinkSync(temp.file('tree/self.yaml'), temp.file('tree/self.yaml'));
  const result = await runCli('reach', temp.file('tree'));
  expect(result).toMatchObject({ code: 0, stderr: '' });
  expect(result.stdout).toContain('shop/web[Deployment] => ');
});

test('a symlink loop named on the command line is refused with the path', async () => {
  const loop = temp.file('loop.yaml');
  fs.symlinkSync(loop, loop);
  expect(expectRefusal(await runCli('reach', loop), loop)).toBe(`cdk8s-netpol: ${loop}: cannot read: too many symbolic links encountered`);
});

test('a mapping with 200,000 keys is read in linear time, and a repeated key is still refused where it is', async () => {
  const keys = Array.from({ length: 200_000 }, (_, i) => `  k${i}: v\n`).join('');
  const configMap = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\ndata:\n${keys}`;
  expect(await runCli('reach', temp.file('wide.yaml', `${DEPLOYMENT}---\n${configMap}`))).toMatchObject({ code: 0, stderr: '' });
  const repeated = temp.file('repeated.yaml', `${configMap}  k7: again\n`);
  expect(expectRefusal(await runCli('reach', repeated), repeated)).toMatch(/repeated\.yaml:200006:3: document 0: syntax error: Map keys must be unique$/);
}, 60_000);

test('a file of millions of empty documents is refused by their number, before parsing', async () => {
  const file = temp.file('separators.yaml', '---\n'.repeat(2_000_000));
  expect(expectRefusal(await runCli('reach', file), file)).toMatch(/: has more than 20000 YAML documents \('---'\), the limit for one file; split it/);
});

test.each([
  ['YAML', 'deep.yaml', `kind: ConfigMap\ndata: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
  ['JSON', 'deep.json', `{"kind": "ConfigMap", "data": ${'{"a": '.repeat(100_000)}1${'}'.repeat(100_000)}}`],
])('%s nested 100,000 deep: refused at a position, not a stack overflow', async (_, name, text) => {
  const file = temp.file(name, text);
  expect(expectRefusal(await runCli('reach', file), file)).toMatch(/:\d+:\d+: document 0: syntax error: /);
});
