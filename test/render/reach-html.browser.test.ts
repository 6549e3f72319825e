/**
 * `reach -o html` in a real browser: the Online Boutique page opened from file:// in headless
 * Chromium (Debian's `chromium`; .ci/run installs it). Skipped, saying so, when Chromium is not
 * installed; under CI=true its absence is a failure. A screenshot goes to test-reports/.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { onlineBoutique } from './online-boutique';
import { explain } from '../../src/analysis/explain';
import { explainPairs } from '../../src/analysis/pair-explanations';
import { endpointId } from '../../src/analysis/results';
import { unisolatedNamespaces } from '../../src/analysis/unisolated-namespaces';
import { explainToText } from '../../src/render';
import { filterConnections, pictureConnections, type GraphFilters } from '../../src/render/graph-filters';
import { reachGraph } from '../../src/render/reach-graph';
import { reachToHtml } from '../../src/render/reach-html';

/** `$CHROMIUM_PATH` when set (so the skip can be tried on a machine that has Chromium), else Debian's. */
const CHROMIUM = (process.env.CHROMIUM_PATH !== undefined ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'])
  .find(candidate => fs.existsSync(candidate));
const SCREENSHOT = path.join(__dirname, '../../test-reports/reach-html-online-boutique.png');

if (CHROMIUM === undefined && process.env.CI === 'true') {
  test('Chromium is installed (CI runs the browser test)', () => {
    throw new Error('no chromium at /usr/bin/chromium or $CHROMIUM_PATH: .ci/run installs it with apt-get install -y chromium');
  });
}

const SKIPPED = 'chromium is not installed; apt-get install chromium, or set CHROMIUM_PATH';
// jest names a skipped suite only with --verbose: say it where every run shows it.
if (CHROMIUM === undefined && process.env.CI !== 'true') console.warn(`reach -o html browser test SKIPPED: ${SKIPPED}`);
const suite = CHROMIUM === undefined ? describe.skip : describe;

suite(`reach -o html in headless Chromium${CHROMIUM === undefined ? ` (SKIPPED: ${SKIPPED})` : ''}`, () => {
  jest.setTimeout(60_000);
  const { model, reach } = onlineBoutique();
  const collapse = { namespaces: unisolatedNamespaces(model) };
  let dir: string;
  let url: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-html-'));
    const file = path.join(dir, 'reach.html');
    fs.writeFileSync(file, reachToHtml(reach, explainPairs(model, reach), collapse.namespaces));
    url = `file://${file}`;
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.setRequestInterception(true);
    page.on('request', request => {
      requests.push(request.url());
      // The page itself is the only thing it may load; anything else is refused, and counted.
      void (request.url() === url ? request.continue() : request.abort());
    });
    page.on('console', message => { if (message.type() === 'error' || message.type() === 'warn') problems.push(message.text()); });
    page.on('pageerror', error => problems.push(String(error)));
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const visible = async () => ({
    nodes: await page.$$eval('#graph-svg g.node', nodes => nodes.length),
    edges: await page.$$eval('#graph-svg path.edge', edges => edges.length),
  });
  const expected = (filters: GraphFilters) => {
    const graph = reachGraph(reach, filters);
    return { nodes: graph.externals.length + graph.groups.reduce((n, g) => n + g.nodes.length, 0), edges: graph.edges.length };
  };

  test('loads with no error and requests nothing but itself', () => {
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
  });

  test('the matrix has a cell for every allowed flow, with its ports, and no other allowed cell', async () => {
    const cells = await page.$$eval('#matrix td[data-conns]', tds => tds.map(td => `${td.dataset.src} => ${td.dataset.dst} : ${td.dataset.conns}`));
    expect(cells.sort()).toEqual(reach.flows.map(f => `${endpointId(f.src)} => ${endpointId(f.dst)} : ${f.conns}`).sort());
    const rows = await page.$$eval('#matrix tbody tr', trs => trs.length);
    expect(rows).toBe(model.workloads.length + reach.externalRanges.length);
  });

  test.each([
    ['boutique/frontend', 'boutique/cartservice'],
    ['boutique/cartservice', 'boutique/frontend'],
    ['monitoring/prometheus-k8s', 'boutique/redis-cart'],
  ])('clicking the cell %s => %s shows its explanation, naming the policies that decide it', async (from, to) => {
    const src = model.workloads.find(w => `${w.namespace}/${w.name}` === from)!;
    const dst = model.workloads.find(w => `${w.namespace}/${w.name}` === to)!;
    const explanation = explain(model, { kind: 'workload', workload: src }, { kind: 'workload', workload: dst });
    const deciding = [...explanation.egress.selectingPolicies, ...explanation.ingress.selectingPolicies].map(p => `${p.namespace}/${p.name}`);
    expect(deciding.length).toBeGreaterThan(0);
    await page.click(`#matrix td[data-src="${endpointId(explanation.src)}"][data-dst="${endpointId(explanation.dst)}"]`);
    const shown = await page.$eval('#explanation', pre => pre.textContent);
    expect(shown).toBe(explainToText(explanation));
    for (const policy of deciding) expect(shown).toContain(policy);
  });

  test('clicking an arrow shows the explanation of the pair it stands for', async () => {
    // Halfway along the curve, where the mouse meets the stroke (the middle of its box may be empty).
    const arrow = '#graph-svg path.edge[data-src="boutique/loadgenerator[Deployment]"][data-dst="boutique/frontend[Deployment]"]';
    await page.$eval(arrow, edge => edge.scrollIntoView({ block: 'center', inline: 'center' }));
    const at = await page.$eval(arrow, (edge: any) => {
      const point = edge.getPointAtLength(edge.getTotalLength() / 2).matrixTransform(edge.getScreenCTM());
      return { x: point.x, y: point.y };
    });
    await page.mouse.click(at.x, at.y);
    expect(await page.$eval('#explanation', pre => pre.textContent)).toMatch(/^ALLOWED boutique\/loadgenerator\[Deployment\] => boutique\/frontend\[Deployment\] : TCP 8080\n.*boutique\/boutique-frontend/s);
  });

  test('each filter changes the graph to what reach -o dot draws with the same options', async () => {
    expect(await visible()).toEqual(expected({}));
    await page.click('#hide-dns');
    expect(await visible()).toEqual(expected({ hideDns: true }));
    await page.click('#collapse');
    expect(await visible()).toEqual(expected({ hideDns: true, collapse }));
    await page.select('#namespace', 'boutique');
    const filtered = await visible();
    expect(filtered).toEqual(expected({ hideDns: true, collapse, namespaces: ['boutique'] }));
    expect(filtered.edges).toBeLessThan(expected({}).edges);
    // The matrix keeps the namespace's workloads and every endpoint a kept arrow touches.
    const kept = filterConnections(pictureConnections(reach, collapse), { hideDns: true, namespaces: ['boutique'] });
    const rows = new Set([
      ...model.workloads.filter(w => w.namespace === 'boutique').map(workload => endpointId({ kind: 'workload', workload })),
      ...kept.flatMap(c => c.flows.flatMap(f => [endpointId(f.src), endpointId(f.dst)])),
    ]);
    expect(await page.$$eval('#matrix tbody th', ths => ths.map(th => th.textContent))).toEqual(expect.arrayContaining([...rows]));
    expect(await page.$$eval('#matrix tbody th', ths => ths.length)).toBe(rows.size);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT as `${string}.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  test('a pair beyond the limit of explained pairs shows the explain command for it', async () => {
    const file = path.join(dir, 'unexplained.html');
    fs.writeFileSync(file, reachToHtml(reach, explainPairs(model, reach, 0), collapse.namespaces));
    const other = await browser.newPage();
    await other.setViewport({ width: 1400, height: 900 });
    await other.goto(`file://${file}`, { waitUntil: 'load' });
    await other.click('#matrix td[data-src="boutique/frontend[Deployment]"][data-dst="0.0.0.0-255.255.255.255[External]"]');
    expect(await other.$eval('#explanation', pre => pre.textContent)).toBe([
      'boutique/frontend[Deployment] => 0.0.0.0-255.255.255.255[External]: not explained in this page; run',
      "  cdk8s-netpol explain <manifests> --from 'boutique/frontend[Deployment]' --to '0.0.0.0'",
      '',
    ].join('\n'));
    await other.close();
  });

  test('an arrow a collapse merged explains each pair it stands for', async () => {
    await page.select('#namespace');
    const arrow = '#graph-svg path.edge[data-src="ingress-nginx/ingress-nginx-controller[Deployment]"][data-dst="outside the cluster"]';
    await page.$eval(arrow, (edge: any) => edge.dispatchEvent(new edge.ownerDocument.defaultView.MouseEvent('click', { bubbles: true })));
    const shown = await page.$eval('#explanation', pre => pre.textContent!);
    const pairs = reach.flows.filter(f => endpointId(f.src) === 'ingress-nginx/ingress-nginx-controller[Deployment]' && f.dst.kind === 'external');
    expect(pairs).toHaveLength(reach.externalRanges.length);
    expect(shown).toBe(pairs.map(f => explainToText(explain(model, f.src, f.dst))).join('\n'));
  });
});
