import * as path from 'path';
import { explain, resolveEndpoint } from '../../src/analysis/explain';
import { computeReachability } from '../../src/analysis/reachability';
import { endpointId } from '../../src/analysis/results';
import { loadModel } from '../../src/io';
import { parsePortQuery } from '../../src/io/port-query';
import { NetworkAnalysis } from '../../src/network-analysis';
import { explainToText } from '../../src/render';
import '../../src/testing';

const TENANTS = path.join(__dirname, '..', 'fixtures', 'cluster', 'tenants.yaml');
const { model } = loadModel([TENANTS]);
const text = (from: string, to: string, port?: string) =>
  explainToText(explain(model, resolveEndpoint(model, from), resolveEndpoint(model, to), port === undefined ? undefined : parsePortQuery(port)));

describe('explain through the tiers (test/fixtures/cluster/tenants.yaml)', () => {
  test('Admin passes, then the NetworkPolicy allows: the deciding layers, policy, priority and rule in order', () => {
    const lines = text('shop/web', 'shop/api', '8080').split('\n');
    expect(lines[0]).toBe('ALLOWED shop/web[Deployment] => shop/api[Deployment] on 8080/TCP : TCP 8080');
    expect(lines[2]).toBe('ingress of shop/api[Deployment]: decided by the policy tiers: '
      + "ClusterNetworkPolicy 'tenants' (Admin, priority 10) passes by ingress rule 'same-tenant'; "
      + 'then NetworkPolicy shop/api-from-web allows by ingress rule spec.ingress[0]');
    expect(lines).toContain('  so ingress allows: TCP 8080');
  });

  test('Admin passes, the NetworkPolicy isolates and allows no other port: denied there', () => {
    const out = text('shop/web', 'shop/api', '9090');
    expect(out).toMatch(/^DENIED /);
    expect(out).toContain("passes by ingress rule 'same-tenant'; then NetworkPolicy shop/api-from-web isolates it and no rule allows it");
  });

  test('another tenant: denied by the Admin tier, whatever the NetworkPolicies say', () => {
    const out = text('other/intruder', 'shop/web', '80');
    expect(out).toMatch(/^DENIED /);
    expect(out).toContain("decided by the policy tiers: ClusterNetworkPolicy 'tenants' (Admin, priority 10) denies by ingress rule 'other-tenants'");
  });

  test('passed to a pod no NetworkPolicy isolates: the Baseline tier denies', () => {
    const out = text('shop/api', 'shop/web', '80');
    expect(out).toMatch(/^DENIED /);
    expect(out).toContain("passes by ingress rule 'same-tenant'; then ClusterNetworkPolicy 'baseline-deny' (Baseline, priority 100) denies by ingress rule 'deny-all'");
    expect(out).toContain('no policy isolates it for Ingress, so the Baseline tier decides');
  });

  test('without a port: each tier with what it decided', () => {
    const out = text('shop/web', 'shop/api');
    expect(out).toContain("    ClusterNetworkPolicy 'tenants' (Admin, priority 10) passes by ingress rule 'same-tenant': All Connections");
    expect(out).toContain('    so it allows TCP 8080 and denies the rest');
    expect(out).not.toContain('accepts from anywhere');
  });

  test('reach, explain and NetworkAnalysis agree on every pair', () => {
    const flows = new Map(computeReachability(model).flows.map(f => [`${endpointId(f.src)} => ${endpointId(f.dst)}`, f.conns.toString()]));
    expect([...flows].filter(([pair]) => !pair.includes('External'))).toEqual([['shop/web[Deployment] => shop/api[Deployment]', 'TCP 8080']]);
    const analysis = NetworkAnalysis.fromFiles([TENANTS]);
    for (const from of ['shop/web', 'shop/api', 'other/intruder']) {
      for (const to of ['shop/web', 'shop/api', 'other/intruder']) {
        if (from === to) continue;
        const pair = `${endpointId(resolveEndpoint(model, from))} => ${endpointId(resolveEndpoint(model, to))}`;
        expect([pair, analysis.isAllowed(from, to)]).toEqual([pair, flows.has(pair)]);
      }
    }
  });
});

describe('the jest matchers see the tiers', () => {
  const analysis = NetworkAnalysis.fromFiles([TENANTS]);

  test('allowed and denied as the tiers decide', () => {
    expect(analysis).toAllowTraffic({ from: 'shop/web', to: 'shop/api', port: 8080 });
    expect(analysis).toDenyTraffic({ from: 'other/intruder', to: 'shop/web' });
  });

  test('a failed expectation shows the layer that decided', () => {
    expect(() => expect(analysis).toAllowTraffic({ from: 'other/intruder', to: 'shop/web', port: 80 }))
      .toThrow(/ClusterNetworkPolicy 'tenants' \(Admin, priority 10\) denies by ingress rule 'other-tenants'/);
  });
});
