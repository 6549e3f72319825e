import { reach } from './fixtures';
import { REACH_FORMAT_NAMES, renderReach } from '../../src/render';

test('format names, in the order usage lists them', () => {
  expect(REACH_FORMAT_NAMES).toEqual(['txt', 'json', 'csv', 'md', 'dot', 'mermaid']);
});

test('txt: np-guard lines, SRC => DST : CONNS', () => {
  expect(renderReach(reach, 'txt')).toBe([
    '0.0.0.0-9.255.255.255[External] => shop/web[Deployment] : TCP 443',
    'shop/api[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
    'shop/web[Deployment] => shop/api[Deployment] : TCP 8080-8090',
    'shop/web[Deployment] => kube-system/coredns[Deployment] : All Connections',
    '',
  ].join('\n'));
});

test('txt and the tables print nothing but a header when nothing is allowed', () => {
  const empty = { flows: [], externalRanges: [] };
  expect(renderReach(empty, 'txt')).toBe('');
  expect(renderReach(empty, 'json')).toBe('[]\n');
  expect(renderReach(empty, 'csv')).toBe('src,dst,conn\n');
});

test('json: an array of {src, dst, conn} with the txt strings', () => {
  expect(JSON.parse(renderReach(reach, 'json'))).toEqual([
    { src: '0.0.0.0-9.255.255.255[External]', dst: 'shop/web[Deployment]', conn: 'TCP 443' },
    { src: 'shop/api[Deployment]', dst: 'kube-system/coredns[Deployment]', conn: 'TCP 53,UDP 53' },
    { src: 'shop/web[Deployment]', dst: 'shop/api[Deployment]', conn: 'TCP 8080-8090' },
    { src: 'shop/web[Deployment]', dst: 'kube-system/coredns[Deployment]', conn: 'All Connections' },
  ]);
});

test('csv: header src,dst,conn; cells with commas quoted', () => {
  expect(renderReach(reach, 'csv')).toBe([
    'src,dst,conn',
    '0.0.0.0-9.255.255.255[External],shop/web[Deployment],TCP 443',
    'shop/api[Deployment],kube-system/coredns[Deployment],"TCP 53,UDP 53"',
    'shop/web[Deployment],shop/api[Deployment],TCP 8080-8090',
    'shop/web[Deployment],kube-system/coredns[Deployment],All Connections',
    '',
  ].join('\n'));
});

test('md: a table src | dst | conn', () => {
  expect(renderReach(reach, 'md')).toBe([
    '| src | dst | conn |',
    '|-----|-----|------|',
    '| 0.0.0.0-9.255.255.255[External] | shop/web[Deployment] | TCP 443 |',
    '| shop/api[Deployment] | kube-system/coredns[Deployment] | TCP 53,UDP 53 |',
    '| shop/web[Deployment] | shop/api[Deployment] | TCP 8080-8090 |',
    '| shop/web[Deployment] | kube-system/coredns[Deployment] | All Connections |',
    '',
  ].join('\n'));
});

test('dot: namespaces as clusters (sorted), externals outside, flows as labelled edges', () => {
  expect(renderReach(reach, 'dot')).toBe([
    'digraph reachability {',
    '  rankdir=LR',
    '  node [shape=box]',
    '  subgraph "cluster_kube-system" {',
    '    label="kube-system"',
    '    "kube-system/coredns[Deployment]" [label="coredns[Deployment]"]',
    '  }',
    '  subgraph "cluster_shop" {',
    '    label="shop"',
    '    "shop/api[Deployment]" [label="api[Deployment]"]',
    '    "shop/web[Deployment]" [label="web[Deployment]"]',
    '  }',
    '  "0.0.0.0-9.255.255.255[External]" [label="0.0.0.0-9.255.255.255" shape=ellipse]',
    '  "0.0.0.0-9.255.255.255[External]" -> "shop/web[Deployment]" [label="TCP 443"]',
    '  "shop/api[Deployment]" -> "kube-system/coredns[Deployment]" [label="TCP 53,UDP 53"]',
    '  "shop/web[Deployment]" -> "shop/api[Deployment]" [label="TCP 8080-8090"]',
    '  "shop/web[Deployment]" -> "kube-system/coredns[Deployment]" [label="All Connections"]',
    '}',
    '',
  ].join('\n'));
});

test('mermaid: subgraph per namespace, word ids derived from the endpoint ids, quoted labels', () => {
  expect(renderReach(reach, 'mermaid')).toBe([
    'flowchart LR',
    '  subgraph ns_kube_system["kube-system"]',
    '    kube_system_coredns_Deployment["coredns[Deployment]"]',
    '  end',
    '  subgraph ns_shop["shop"]',
    '    shop_api_Deployment["api[Deployment]"]',
    '    shop_web_Deployment["web[Deployment]"]',
    '  end',
    '  ext_0_0_0_0_9_255_255_255(["0.0.0.0-9.255.255.255"])',
    '  ext_0_0_0_0_9_255_255_255 -->|"TCP 443"| shop_web_Deployment',
    '  shop_api_Deployment -->|"TCP 53,UDP 53"| kube_system_coredns_Deployment',
    '  shop_web_Deployment -->|"TCP 8080-8090"| shop_api_Deployment',
    '  shop_web_Deployment -->|"All Connections"| kube_system_coredns_Deployment',
    '',
  ].join('\n'));
});
