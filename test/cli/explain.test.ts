import * as path from 'node:path';
import { cli, SHOP } from './run-cli';

const POLICIES = path.join(SHOP, 'policies.yaml');

/** Line by line: exact text, or a pattern where the line quotes the analysis core's own wording. */
function expectLines(text: string, expected: ReadonlyArray<string | RegExp>): void {
  const lines = text.split('\n');
  expect(lines).toHaveLength(expected.length);
  expected.forEach((line, i) => (typeof line === 'string' ? expect(lines[i]).toBe(line) : expect(lines[i]).toMatch(line)));
}

test('allowed: exit 0, the rules that allow it on both ends', async () => {
  const { code, stdout, stderr } = await cli('explain', SHOP, '--from', 'shop/web', '--to', 'shop/api', '--port', '8080');
  expect([code, stderr]).toEqual([0, '']);
  expectLines(stdout, [
    'ALLOWED shop/web[Deployment] => shop/api[Deployment] on 8080/TCP : TCP 8080',
    `egress of shop/web[Deployment]: isolated by shop/default-deny (${POLICIES}:2), shop/web (${POLICIES}:12)`,
    '  shop/web spec.egress[0] allows TCP 8080',
    // The rest of the line is the core's description of the peer and the destination.
    /^  shop\/web spec\.egress\[1\] does not allow it \(no peer matches\): .*k8s-app=kube-dns.*app=api/,
    '  shop/default-deny has no egress rules',
    '  so egress allows: TCP 8080',
    `ingress of shop/api[Deployment]: isolated by shop/default-deny (${POLICIES}:2), shop/api (${POLICIES}:45)`,
    // The named port `http` resolves to 8080 on api's container.
    '  shop/api spec.ingress[0] allows TCP 8080',
    '  shop/default-deny has no ingress rules',
    '  so ingress allows: TCP 8080',
    '',
  ]);
});

test('denied: exit 1, and why each rule does not allow it', async () => {
  const { code, stdout } = await cli('explain', SHOP, '--from', 'shop/api', '--to', 'shop/web', '--port', '443/tcp');
  expect(code).toBe(1);
  expectLines(stdout.split('\n').slice(0, 5).join('\n'), [
    'DENIED shop/api[Deployment] => shop/web[Deployment] on 443/TCP : No Connections',
    `egress of shop/api[Deployment]: isolated by shop/default-deny (${POLICIES}:2), shop/api (${POLICIES}:45)`,
    /^  shop\/api spec\.egress\[0\] does not allow it \(no peer matches\): .*ipBlock 203\.0\.113\.0\/24.*app=web/,
    '  shop/default-deny has no egress rules',
    '  so egress allows: No Connections',
  ]);
});

test('a port that is not allowed, although something else is: denied', async () => {
  const { code, stdout } = await cli('explain', SHOP, '--from', 'shop/web', '--to', 'shop/api', '--port', '9090');
  expect(code).toBe(1);
  expect(stdout.split('\n')[0]).toBe('DENIED shop/web[Deployment] => shop/api[Deployment] on 9090/TCP : TCP 8080');
});

test('an IP address stands for the external range holding it', async () => {
  const { code, stdout } = await cli('explain', SHOP, '--from', '8.8.8.8', '--to', 'shop/web[Deployment]', '--port', '443');
  expect(code).toBe(0);
  expect(stdout.split('\n').slice(0, 2)).toEqual([
    'ALLOWED 0.0.0.0-203.0.112.255[External] => shop/web[Deployment] on 443/TCP : TCP 443',
    'egress of 0.0.0.0-203.0.112.255[External]: outside the cluster, no policy applies',
  ]);
});

test.each([
  [['--from', 'shop/web'], 'both --from and --to are required'],
  [['--from', 'shop/web', '--to', 'shop/api', '--port', 'http'], "--port: invalid port 'http': expected a port 1-65535"],
  [['--from', 'shop/nope', '--to', 'shop/api'], "--from: unknown workload 'shop/nope'"],
  [['--from', '1.1.1.1', '--to', '2001:db8::1'], '--from and --to are both outside the cluster'],
  [['--from'], "Option '--from <value>' argument missing"],
])('usage error %j: exit 2, says what is wrong', async (args, message) => {
  const { code, stdout, stderr } = await cli('explain', SHOP, ...args);
  expect([code, stdout]).toEqual([2, '']);
  expect(stderr).toContain(`cdk8s-netpol: explain: ${message}`);
  expect(stderr).toContain('Usage: cdk8s-netpol explain <files/folders...> --from ns/name --to ns/name [--port 8080/TCP]\n');
});
