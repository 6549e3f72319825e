import { cli, SHOP } from './run-cli';

/** test/fixtures/cli/shop (see reach.test.ts): kube-system has no policy, shop is default-denied. */
const arrows = (text: string) => text.split('\n').filter(line => line.includes(' -> '));

test('--hide-dns drops web\'s DNS arrow to CoreDNS, and nothing else', async () => {
  const all = arrows((await cli('reach', SHOP, '-o', 'dot')).stdout);
  const { code, stdout } = await cli('reach', SHOP, '-o', 'dot', '--hide-dns');
  expect(code).toBe(0);
  expect(all.filter(a => !arrows(stdout).includes(a))).toEqual([
    '  "shop/web[Deployment]" -> "kube-system/coredns[Deployment]" [label="TCP 53,UDP 53"]',
  ]);
});

test('--collapse draws the four external ranges as one node, and kube-system (one workload) keeps its box', async () => {
  const { code, stdout } = await cli('reach', SHOP, '-o', 'mermaid', '--collapse');
  expect(code).toBe(0);
  expect(stdout).toContain('  ext_outside_the_cluster(["outside the cluster"])\n');
  expect(stdout).toContain('kube_system_coredns_Deployment["coredns[Deployment]"]');
  expect(stdout).toContain('  shop_api_Deployment -->|"TCP 443"| ext_outside_the_cluster\n');
  expect(stdout).not.toMatch(/\[External\]|255/);
});

test('--namespace takes a list, in one option or several', async () => {
  const one = await cli('reach', SHOP, '-o', 'dot', '--namespace', 'kube-system,shop');
  const two = await cli('reach', SHOP, '-o', 'dot', '--namespace', 'kube-system', '--namespace', 'shop');
  expect(one).toEqual(two);
  const shopOnly = arrows((await cli('reach', SHOP, '-o', 'dot', '--namespace', 'shop', '--hide-dns')).stdout);
  expect(shopOnly.every(a => a.includes('"shop/'))).toBe(true);
});

test('-o html writes one page that loads nothing', async () => {
  const { code, stdout } = await cli('reach', SHOP, '-o', 'html', '--collapse', '--namespace', 'shop');
  expect(code).toBe(0);
  expect(stdout).toMatch(/^<!DOCTYPE html>\n/);
  expect(stdout).toContain('"filters":{"namespaces":["shop"],"hideDns":false,"collapse":true}');
  expect(stdout).not.toMatch(/https?:|\/\/cdn/);
});

test.each([
  [['-o', 'txt', '--hide-dns'], '--hide-dns filters a picture; use it with -o dot, mermaid or html'],
  [['--collapse'], '--collapse filters a picture; use it with -o dot, mermaid or html'],
  [['-o', 'dot', '--namespace', 'shpo'], "--namespace: no workload in namespace 'shpo'; did you mean shop?"],
  [['-o', 'dot', '--namespace', 'payments'], "--namespace: no workload in namespace 'payments'; the input has workloads in kube-system or shop"],
  [['-o', 'html', '--focus', 'shop/api'], '--focus does not combine with -o html; use --namespace to narrow the page'],
])('reach %j is a usage error: %s', async (args, message) => {
  const { code, stdout, stderr } = await cli('reach', SHOP, ...args);
  expect([code, stdout]).toEqual([2, '']);
  expect(stderr.split('\n')[0]).toBe(`cdk8s-netpol: reach: ${message}`);
});

test('the usage lists html and the filters', async () => {
  const { stdout } = await cli('reach', '--help');
  expect(stdout).toContain('--namespace <ns>[,ns]');
  expect(stdout).toContain('html is one self-contained page');
});
