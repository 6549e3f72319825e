/**
 * A migration keeps what is allowed: `reach` over each estate is the same before (v1alpha1
 * AdminNetworkPolicy/BaselineAdminNetworkPolicy) and after (v1alpha2 ClusterNetworkPolicy), and
 * on each estate the cluster policies decide something (without them reach differs), so the
 * comparison could fail.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from '../../src/analysis/lint';
import type { ClusterModel } from '../../src/analysis/model';
import { computeReachability } from '../../src/analysis/reachability';
import { loadManifests, modelOf } from '../../src/io';
import { migrateManifests } from '../../src/migrate';
import { flowRows } from '../../src/render/flow-rows';
import { cli } from '../cli/run-cli';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const MIGRATE = path.join(FIXTURES, 'migrate');

const CLUSTER = path.join(FIXTURES, 'cluster');
const read = (...paths: string[]) => loadManifests(paths).map(doc => doc.object);

/** The conformance estate as np-guard's tests write it: namespaces named after the houses, no container ports (as test/analysis/np-guard-estates.test.ts builds it). */
function houses(): unknown[] {
  return (JSON.parse(JSON.stringify(read(path.join(CLUSTER, 'conformance-base.yaml'))).replace(/network-policy-conformance-/g, '')) as any[])
    .map(o => {
      if (o.kind === 'StatefulSet') o.spec.template.spec.containers.forEach((c: any) => delete c.ports);
      return o;
    });
}

const ESTATES: ReadonlyArray<readonly [string, () => unknown[]]> = [
  ['pass, deny, priorities, port ranges, named ports, a baseline and a NetworkPolicy', () => read(path.join(MIGRATE, 'estate'))],
  ['np-guard anp_banp_blog_demo: Pass before Accept, a NetworkPolicy, a baseline deny', () => read(path.join(MIGRATE, 'blog-demo'))],
  ['np-guard anp_with_np_and_banp_pass_test: Accept and Pass by port, NetworkPolicy, baseline', () => read(path.join(MIGRATE, 'np-and-baseline-pass'))],
  ['np-guard anp_demo: three AdminNetworkPolicies, a baseline, two NetworkPolicies', () => [...houses(), ...read(path.join(CLUSTER, 'np-guard-anp-demo.yaml'))]],
  ['np-guard anp_banp_test_with_named_port_matched: a named port accepted, the rest passed to a baseline deny',
    () => read(path.join(CLUSTER, 'conformance-base.yaml'), path.join(CLUSTER, 'np-guard-named-port.yaml'))],
  ['conformance priorities: Pass at 40 before Deny at 50, ranges, named ports, a baseline', () => read(path.join(CLUSTER, 'conformance-base.yaml'), path.join(MIGRATE, 'priorities'))],
  ['named ports in both versions, a v1alpha2 policy passing through', () => read(path.join(CLUSTER, 'conformance-base.yaml'), path.join(CLUSTER, 'named-ports.yaml'))],
];

const V1ALPHA1 = 'policy.networking.k8s.io/v1alpha1';

function modelFrom(objects: readonly unknown[]): ClusterModel {
  return modelOf(objects.map((object, documentIndex) => ({ object, source: { documentIndex } }))).model;
}

function reach(objects: readonly unknown[]) {
  return flowRows(computeReachability(modelFrom(objects)));
}

describe.each(ESTATES)('%s', (_name, estate) => {
  const before = estate();
  const { objects: after } = migrateManifests(before);

  test('every v1alpha1 policy is migrated', () => {
    const v1alpha1 = before.filter((o: any) => o.apiVersion === V1ALPHA1);
    expect(v1alpha1.length).toBeGreaterThan(0);
    expect(after.filter((o: any) => o.apiVersion === V1ALPHA1)).toEqual([]);
    const v1alpha2 = before.filter((o: any) => o.kind === 'ClusterNetworkPolicy');
    expect(after.filter((o: any) => o.kind === 'ClusterNetworkPolicy')).toHaveLength(v1alpha1.length + v1alpha2.length);
  });

  test('reach is the same before and after', () => {
    expect(reach(after)).toEqual(reach(before));
  });

  test('lint says the same of the cluster policies before and after', () => {
    const findings = (objects: readonly unknown[]) => lint(modelFrom(objects)).filter(f => f.ruleId.startsWith('cluster-')).map(f => [f.ruleId, f.field]);
    expect(findings(after)).toEqual(findings(before));
  });

  test('the cluster policies decide something here (without them, reach differs)', () => {
    expect(reach(before.filter((o: any) => o.apiVersion !== V1ALPHA1 && o.kind !== 'ClusterNetworkPolicy'))).not.toEqual(reach(before));
  });
});

test('the comparison sees a wrong mapping: the baseline read as an Admin policy changes reach', () => {
  const before = read(path.join(MIGRATE, 'blog-demo'));
  const wrong = migrateManifests(before).objects.map((o: any) => o.spec?.tier === 'Baseline' ? { ...o, spec: { ...o.spec, tier: 'Admin' } } : o);
  expect(reach(wrong)).not.toEqual(reach(before));
});

test('end to end: `reach -o json` of the migrated output equals `reach -o json` of the input', async () => {
  const input = path.join(MIGRATE, 'np-and-baseline-pass');
  const migrated = await cli('migrate', input);
  expect(migrated.code).toBe(0);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-reach-')), 'new.yaml');
  fs.writeFileSync(file, migrated.stdout);
  const [old, now] = [await cli('reach', input, '-o', 'json'), await cli('reach', file, '-o', 'json')];
  expect([old.code, now.code]).toEqual([0, 0]);
  expect(JSON.parse(now.stdout)).toEqual(JSON.parse(old.stdout));
  expect(JSON.parse(old.stdout).length).toBeGreaterThan(0);
});
