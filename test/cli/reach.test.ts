import { cli, SHOP } from './run-cli';

const V6 = '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]';

/**
 * Derived by hand from test/fixtures/cli/shop: shop is default-denied both ways; web takes 443
 * from anyone and may send to api on 8080 and to kube-dns on 53; api takes http (8080) from web
 * and may send 443 to 203.0.113.0/24; kube-system has no policy, so coredns is open both ways.
 * That egress ipBlock cuts the IPv4 destinations in three ranges; no ingress rule has an ipBlock,
 * so IPv4 sources stay whole (np-guard's rule, docs/reach-output.md); IPv6 stays whole.
 */
const SHOP_REACH = [
  '0.0.0.0-255.255.255.255[External] => kube-system/coredns[Deployment] : All Connections',
  '0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : TCP 443',
  `${V6} => kube-system/coredns[Deployment] : All Connections`,
  `${V6} => shop/web[Deployment] : TCP 443`,
  'kube-system/coredns[Deployment] => 0.0.0.0-203.0.112.255[External] : All Connections',
  'kube-system/coredns[Deployment] => 203.0.113.0-203.0.113.255[External] : All Connections',
  'kube-system/coredns[Deployment] => 203.0.114.0-255.255.255.255[External] : All Connections',
  `kube-system/coredns[Deployment] => ${V6} : All Connections`,
  'kube-system/coredns[Deployment] => shop/web[Deployment] : TCP 443',
  'shop/api[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
  'shop/web[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
  'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
];

test('txt by default: every allowed pair, sorted', async () => {
  expect(await cli('reach', SHOP)).toEqual({ code: 0, stdout: SHOP_REACH.map(l => l + '\n').join(''), stderr: '' });
});

test('--focus keeps the flows touching one workload', async () => {
  const { code, stdout } = await cli('reach', SHOP, '--focus', 'shop/api');
  expect(code).toBe(0);
  expect(stdout).toBe([
    'shop/api[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
    'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
    '',
  ].join('\n'));
});

test('--focus on an address keeps the ranges holding it on either side, which are cut differently', async () => {
  const byAddress = await cli('reach', SHOP, '--focus', '203.0.113.7');
  expect(byAddress.stdout).toBe([
    '0.0.0.0-255.255.255.255[External] => kube-system/coredns[Deployment] : All Connections',
    '0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : TCP 443',
    'kube-system/coredns[Deployment] => 203.0.113.0-203.0.113.255[External] : All Connections',
    'shop/api[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
    '',
  ].join('\n'));
  // A range as printed is accepted too, though it is no range of the finer cut explain uses.
  const byRange = await cli('reach', SHOP, '--focus', '0.0.0.0-255.255.255.255[External]');
  expect(byRange.code).toBe(0);
  expect(byRange.stdout.split('\n')).toHaveLength(1 + 2 + 3 + 1);
  expect(byRange.stdout).not.toContain('shop/api[Deployment] => shop');
});

test('json, csv and md carry the same rows', async () => {
  const json = await cli('reach', SHOP, '-o', 'json');
  expect(JSON.parse(json.stdout)).toHaveLength(SHOP_REACH.length);
  expect(JSON.parse(json.stdout)[10]).toEqual({ src: 'shop/web[Deployment]', dst: 'kube-system/coredns[Deployment]', conn: 'TCP 53,UDP 53' });
  const csv = (await cli('reach', SHOP, '--output', 'csv')).stdout.split('\n');
  expect([csv[0], csv[11]]).toEqual(['src,dst,conn', 'shop/web[Deployment],kube-system/coredns[Deployment],"TCP 53,UDP 53"']);
  const md = (await cli('reach', SHOP, '-o', 'md')).stdout.split('\n');
  expect([md[0], md[1], md[13]]).toEqual(['| src | dst | conn |', '|-----|-----|------|', '| shop/web[Deployment] | shop/api[Deployment] | TCP 8080 |']);
});

test('dot and mermaid draw the focused flows', async () => {
  const dot = await cli('reach', SHOP, '-o', 'dot', '--focus', 'shop/api');
  expect(dot.stdout).toContain('  "shop/web[Deployment]" -> "shop/api[Deployment]" [label="TCP 8080"]\n');
  const mermaid = await cli('reach', SHOP, '-o', 'mermaid', '--focus', 'shop/api');
  expect(mermaid.stdout).toBe([
    'flowchart LR',
    '  subgraph ns_shop["shop"]',
    '    shop_api_Deployment["api[Deployment]"]',
    '    shop_web_Deployment["web[Deployment]"]',
    '  end',
    '  ext_203_0_113_0_203_0_113_255(["203.0.113.0-203.0.113.255"])',
    '  shop_api_Deployment -->|"TCP 443"| ext_203_0_113_0_203_0_113_255',
    '  shop_web_Deployment -->|"TCP 8080"| shop_api_Deployment',
    '',
  ].join('\n'));
});

test('an unknown --focus is a usage error naming the candidates', async () => {
  const { code, stdout, stderr } = await cli('reach', SHOP, '--focus', 'shop/apo');
  expect([code, stdout]).toEqual([2, '']);
  expect(stderr).toMatch(/^cdk8s-netpol: reach: --focus: unknown workload 'shop\/apo'; did you mean shop\/api\[Deployment\]/);
});

test('an unknown format is a usage error listing the formats', async () => {
  const { code, stderr } = await cli('reach', SHOP, '-o', 'yaml');
  expect(code).toBe(2);
  expect(stderr).toBe([
    "cdk8s-netpol: reach: unknown output format 'yaml'; use one of txt, json, csv, md, dot, mermaid, html",
    '',
    'Usage: cdk8s-netpol reach <files/folders...> [-o txt|json|csv|md|dot|mermaid|html] [--focus ns/name]',
    "Run 'cdk8s-netpol reach --help' for details.",
    '',
  ].join('\n'));
});
