import * as path from 'node:path';
import { Chart, Testing } from 'cdk8s';
import { deployment, shopChart } from './shop-chart';
import { NetworkAnalysis, ReachFormat } from '../../src';
import { InputError } from '../../src/io';

const SHOP = path.join(__dirname, '..', 'fixtures', 'cli', 'shop');

/**
 * By hand: shop is ingress-isolated; api takes TCP 8080 from web only; web takes nothing.
 * No egress isolation, so web and api reach everything else (both external ranges).
 */
const SHOP_FLOWS = [
  { src: 'shop/api[Deployment]', dst: '0.0.0.0-255.255.255.255[External]', conn: 'All Connections' },
  { src: 'shop/api[Deployment]', dst: '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]', conn: 'All Connections' },
  { src: 'shop/web[Deployment]', dst: '0.0.0.0-255.255.255.255[External]', conn: 'All Connections' },
  { src: 'shop/web[Deployment]', dst: '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]', conn: 'All Connections' },
  { src: 'shop/web[Deployment]', dst: 'shop/api[Deployment]', conn: 'TCP 8080' },
];

test('fromChart: the flows of what the chart synthesizes', () => {
  expect(NetworkAnalysis.fromChart(shopChart()).flows()).toEqual(SHOP_FLOWS);
});

test('fromManifests reads the same objects, and fromApp joins the charts of an app', () => {
  expect(NetworkAnalysis.fromManifests(shopChart().toJson()).flows()).toEqual(SHOP_FLOWS);
  const app = Testing.app();
  shopChart(app);
  deployment(new Chart(app, 'more'), 'admin');
  expect(NetworkAnalysis.fromApp(app).isAllowed('shop/admin', 'shop/api')).toBe(false);
  expect(NetworkAnalysis.fromApp(app).isAllowed('shop/admin', 'shop/web')).toBe(false);
  expect(NetworkAnalysis.fromApp(app).isAllowed('shop/web', 'shop/admin')).toBe(false);
});

test('isAllowed: by port and protocol, or anything at all without a port', () => {
  const analysis = NetworkAnalysis.fromChart(shopChart());
  expect(analysis.isAllowed('shop/web', 'shop/api', '8080')).toBe(true);
  expect(analysis.isAllowed('shop/web', 'shop/api[Deployment]', '8080/TCP')).toBe(true);
  expect(analysis.isAllowed('shop/web', 'shop/api', '8080/UDP')).toBe(false);
  expect(analysis.isAllowed('shop/web', 'shop/api')).toBe(true);
  expect(analysis.isAllowed('shop/api', 'shop/web')).toBe(false);
  expect(analysis.isAllowed('shop/api', '1.1.1.1', '443')).toBe(true);
});

test('explain: the same text as the command', () => {
  expect(NetworkAnalysis.fromChart(shopChart()).explain('shop/api', 'shop/web', '80').split('\n').slice(0, 2)).toEqual([
    'DENIED shop/api[Deployment] => shop/web[Deployment] on 80/TCP : No Connections',
    'egress of shop/api[Deployment]: not isolated (no policy selects it for Egress), so all connections',
  ]);
});

test('render: every reach format, optionally focused', () => {
  const analysis = NetworkAnalysis.fromFiles([SHOP]);
  expect(analysis.flows()).toHaveLength(12);
  expect(analysis.render(ReachFormat.TXT, 'shop/api')).toBe([
    'shop/api[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
    'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
    '',
  ].join('\n'));
  expect(analysis.render(ReachFormat.CSV).split('\n')[0]).toBe('src,dst,conn');
  expect(analysis.render(ReachFormat.MARKDOWN).split('\n')[0]).toBe('| src | dst | conn |');
  expect(JSON.parse(analysis.render(ReachFormat.JSON))).toEqual(analysis.flows());
  expect(analysis.render(ReachFormat.DOT)).toMatch(/^digraph reachability \{\n/);
  expect(analysis.render(ReachFormat.MERMAID)).toMatch(/^flowchart LR\n/);
});

test('a NetworkPolicy the API server would reject is refused, naming the object and field', () => {
  const chart = shopChart();
  const manifests = [...chart.toJson(), { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'bad' }, spec: { podSelector: {}, policyTypes: ['Inbound'] } }];
  expect(() => NetworkAnalysis.fromManifests(manifests)).toThrow(InputError);
  expect(() => NetworkAnalysis.fromManifests(manifests))
    .toThrow(/^document 4: NetworkPolicy default\/bad would be rejected by the API server: spec\.policyTypes\[0\]: Inbound /);
});

test('unknown workloads and bad ports are errors that say what was expected', () => {
  const analysis = NetworkAnalysis.fromChart(shopChart());
  expect(() => analysis.isAllowed('shop/wbe', 'shop/api')).toThrow(/unknown workload 'shop\/wbe'; did you mean .*shop\/web\[Deployment\]/);
  expect(() => analysis.isAllowed('shop/web', 'shop/api', 'http')).toThrow("invalid port 'http'");
});
