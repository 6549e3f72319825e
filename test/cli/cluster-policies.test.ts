/**
 * The CLI over cluster policies: reach and explain (txt and json) see the tiers, warnings go to
 * stderr, and a cluster policy the analysis cannot read is refused at its line (exit 2).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expectRefusal, runCli } from '../support/cli';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cluster');
const TENANTS = path.join(FIXTURES, 'tenants.yaml');

test('reach: only what the tiers allow between workloads', async () => {
  const { code, stdout } = await runCli('reach', TENANTS);
  expect(code).toBe(0);
  expect(stdout.split('\n').filter(l => l && !l.includes('External'))).toEqual(['shop/web[Deployment] => shop/api[Deployment] : TCP 8080']);
});

test('explain -o json: each end with the layers that decided it, in order', async () => {
  const { code, stdout } = await runCli('explain', TENANTS, '--from', 'other/intruder', '--to', 'shop/web', '--port', '80', '-o', 'json');
  expect(code).toBe(1);
  const json = JSON.parse(stdout);
  expect(json).toMatchObject({ allowed: false, from: 'other/intruder[Deployment]', to: 'shop/web[Deployment]', port: '80/TCP', connections: 'No Connections' });
  expect(json.ingress.admin).toEqual([{
    policy: { kind: 'ClusterNetworkPolicy', name: 'tenants', tier: 'Admin', priority: 10 },
    rule: 'other-tenants',
    action: 'Deny',
    connections: 'All Connections',
  }]);
  expect(json.ingress.networkPolicy).toMatchObject({ reached: 'No Connections', isolated: false });
  expect(json.egress).not.toHaveProperty('admin');
});

test('explain -o with another format is a usage error', async () => {
  const { code, stderr } = await runCli('explain', TENANTS, '--from', 'shop/web', '--to', 'shop/api', '-o', 'csv');
  expect(code).toBe(2);
  expect(stderr).toMatch(/unknown output format 'csv'; use txt or json/);
});

test('a cluster policy the analysis cannot read: refused at its field, exit 2', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnp-'));
  const file = path.join(dir, 'bad.yaml');
  fs.writeFileSync(file, fs.readFileSync(TENANTS, 'utf8').replace('action: Pass', 'action: Allow'));
  try {
    const line = expectRefusal(await runCli('reach', file), file);
    // The shared validator (the CRD's rules) refuses it before the reader reads it.
    expect(line).toMatch(/bad\.yaml:\d+:\d+: document \d+: ClusterNetworkPolicy tenants would be rejected by the API server: spec\.ingress\[0\]\.action: Allow is not an action of ClusterNetworkPolicy; use Accept/);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test('what the model cannot know goes to stderr as a warning; the analysis goes on', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnp-'));
  const file = path.join(dir, 'networks.yaml');
  fs.writeFileSync(file, fs.readFileSync(path.join(FIXTURES, 'admin-networks.yaml'), 'utf8').replace('[ 0.0.0.0/0, ::/0 ]', '[ 10.0.0.0/8 ]'));
  try {
    const { code, stderr } = await runCli('reach', path.join(FIXTURES, 'conformance-base.yaml'), file);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^cdk8s-netpol: .*networks\.yaml:\d+: ClusterNetworkPolicy 'inline-cidr-as-peers-example': spec\.egress\[1\] networks 10\.0\.0\.0\/8 may also match pod IPs/m);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test('diff: adding the cluster policies removes what their tiers deny', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnp-'));
  const before = path.join(dir, 'before.yaml');
  // The same estate without its two ClusterNetworkPolicies (the last two documents).
  fs.writeFileSync(before, fs.readFileSync(TENANTS, 'utf8').split('\n---\n').filter(d => !d.includes('kind: ClusterNetworkPolicy')).join('\n---\n'));
  try {
    const { code, stdout } = await runCli('diff', before, TENANTS);
    expect(code).toBe(0);
    const removed = stdout.split('\n').filter(l => l.startsWith('diff-type: removed') && !l.includes('External'));
    expect(removed).toEqual([
      'diff-type: removed, source: other/intruder[Deployment], destination: shop/web[Deployment], dir1: All Connections, dir2: No Connections',
      'diff-type: removed, source: shop/api[Deployment], destination: other/intruder[Deployment], dir1: All Connections, dir2: No Connections',
      'diff-type: removed, source: shop/api[Deployment], destination: shop/web[Deployment], dir1: All Connections, dir2: No Connections',
      'diff-type: removed, source: shop/web[Deployment], destination: other/intruder[Deployment], dir1: All Connections, dir2: No Connections',
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});
