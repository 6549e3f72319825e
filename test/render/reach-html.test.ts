import * as path from 'node:path';
import { onlineBoutique } from './online-boutique';
import { NetworkAnalysis, ReachFormat } from '../../src';
import { explain } from '../../src/analysis/explain';
import { explainPairs } from '../../src/analysis/pair-explanations';
import { computeReachability } from '../../src/analysis/reachability';
import { endpointId } from '../../src/analysis/results';
import { unisolatedNamespaces } from '../../src/analysis/unisolated-namespaces';
import { modelOf } from '../../src/io';
import { explainToText } from '../../src/render';
import { pageData, reachToHtml, template, type ReachPageData } from '../../src/render/reach-html';

/** What the page's script does to show a pair's explanation. */
function shownExplanation(data: ReachPageData, s: number, d: number): string | undefined {
  const src = data.endpoints[s];
  const dst = data.endpoints[d];
  return data.explanations[`${src.group},${dst.group}`]?.map(p => p === 0 ? src.id : p === 1 ? dst.id : data.texts[p - 2]).join('');
}

const deployment = (namespace: string, name: string, app: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: { template: { metadata: { labels: { app } }, spec: { containers: [{ name, image: 'x', ports: [{ name: 'http', containerPort: 8080 }] }] } } },
});

/**
 * Two workloads with one label set (one class) in `shop`, a third, and `xshop/web` whose id
 * ends with `shop/web[Deployment]`'s: the ids a template must cut out exactly.
 */
const { model: classes } = modelOf([
  deployment('shop', 'web', 'web'),
  deployment('shop', 'web-canary', 'web'),
  deployment('shop', 'api', 'api'),
  deployment('xshop', 'web', 'web'),
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'api', namespace: 'shop' },
    spec: {
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'http' }] }],
      egress: [{ to: [{ ipBlock: { cidr: '203.0.113.0/24' } }] }],
      policyTypes: ['Ingress', 'Egress'],
    },
  },
].map((object, documentIndex) => ({ object, source: { documentIndex, file: 'shop</script>.yaml' } })));

describe('explanations per pair of groups', () => {
  const reach = computeReachability(classes);
  const explained = explainPairs(classes, reach);
  const data = pageData(reach, explained, [], {});

  test('one explanation per pair of groups, not per pair of endpoints', () => {
    expect(explained.endpoints.map(endpointId)).toEqual([
      'shop/api[Deployment]', 'shop/web-canary[Deployment]', 'shop/web[Deployment]', 'xshop/web[Deployment]',
      '0.0.0.0-203.0.112.255[External]', '203.0.113.0-203.0.113.255[External]', '203.0.114.0-255.255.255.255[External]',
      '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]',
    ]);
    const groups = new Set(explained.groupOf).size;
    expect(groups).toBe(7);
    // 7 x 7 group pairs, less the 4 x 4 between external ranges, less the two one-member classes' own pair.
    expect(explained.pairs).toHaveLength(7 * 7 - 4 * 4 - 2);
    expect(explained.unexplained).toBe(0);
  });

  test('beyond the limit, the pairs of groups with an allowed flow are explained first', () => {
    const allowed = new Set(reach.flows.map(f => `${endpointId(f.src)} => ${endpointId(f.dst)}`));
    const limited = explainPairs(classes, reach, 5);
    expect(limited.pairs).toHaveLength(5);
    expect(limited.unexplained).toBe(explained.pairs.length - 5);
    expect(limited.pairs.every(p => allowed.has(`${endpointId(p.explanation.src)} => ${endpointId(p.explanation.dst)}`))).toBe(true);
    expect(explainPairs(classes, reach, 0)).toMatchObject({ pairs: [], unexplained: explained.pairs.length });
  });

  test('the page shows for every pair, allowed or denied, exactly what explain says for it', () => {
    const endpoints = explained.endpoints;
    let compared = 0;
    endpoints.forEach((src, s) => endpoints.forEach((dst, d) => {
      if (s === d || (src.kind === 'external' && dst.kind === 'external')) return;
      expect(shownExplanation(data, s, d)).toBe(explainToText(explain(classes, src, dst)));
      compared++;
    }));
    expect(compared).toBe(8 * 7 - 4 * 3);
    expect(shownExplanation(data, 2, 1)).toMatch(/^ALLOWED shop\/web\[Deployment\] => shop\/web-canary\[Deployment\]/);
    expect(shownExplanation(data, 2, 0)).toMatch(/^ALLOWED shop\/web\[Deployment\] => shop\/api\[Deployment\] : TCP 8080\n/);
    expect(shownExplanation(data, 3, 0)).toMatch(/^DENIED xshop\/web\[Deployment\] => shop\/api\[Deployment\]/);
  });

  test('a template cuts the longer id first, so one id inside the other stays whole', () => {
    expect(template('x xa/b[P] a/b[P] y', 'a/b[P]', 'xa/b[P]')).toEqual(['x ', 1, ' ', 0, ' y']);
    expect(template('a.b a*b', 'a*b', 'c')).toEqual(['a.b ', 0]);
  });
});

describe('the page', () => {
  const { model, reach } = onlineBoutique();
  const html = reachToHtml(reach, explainPairs(model, reach), unisolatedNamespaces(model), { hideDns: true });
  const data: ReachPageData = JSON.parse(html.match(/<script type="application\/json" id="data">(.*?)<\/script>/s)![1]);

  test('loads nothing: no URL, no src or href attribute, no @import, no url() but the arrow marker', () => {
    expect(html).not.toMatch(/https?:|\/\/cdn|\bsrc=|\bhref=|@import|<link|<iframe/i);
    expect(html.match(/url\([^)]*\)/g)).toEqual(['url(#arrow)']);
  });

  test('carries every endpoint, every allowed pair, both pictures and the initial filters', () => {
    expect(data.endpoints).toHaveLength(model.workloads.length + reach.externalRanges.length);
    expect(data.flows.map(([s, d, conns]) => `${data.endpoints[s].id} => ${data.endpoints[d].id} : ${conns}`))
      .toEqual(reach.flows.map(f => `${endpointId(f.src)} => ${endpointId(f.dst)} : ${f.conns}`));
    expect(data.pictures.plain).toHaveLength(reach.flows.length);
    expect(data.pictures.collapsed.length).toBeLessThan(reach.flows.length);
    expect(data.filters).toEqual({ namespaces: [], hideDns: true, collapse: false });
  });

  test('text from the manifests cannot end the data script early', () => {
    const shopReach = computeReachability(classes);
    const page = reachToHtml(shopReach, explainPairs(classes, shopReach), [], {});
    expect(page).toContain('shop\\u003c/script>.yaml');
    expect(page.match(/<\/script>/g)).toHaveLength(2);
  });
});

test('NetworkAnalysis renders the page too, never focused', () => {
  const analysis = NetworkAnalysis.fromFiles([path.join(__dirname, '../fixtures/cli/shop')]);
  const page = analysis.render(ReachFormat.HTML);
  const data: ReachPageData = JSON.parse(page.match(/<script type="application\/json" id="data">(.*?)<\/script>/s)![1]);
  expect(data.flows).toHaveLength(analysis.flows().length);
  expect(() => analysis.render(ReachFormat.HTML, 'shop/api')).toThrow("the html page shows every pair; it takes no focus (got 'shop/api')");
});
