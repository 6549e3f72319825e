/**
 * `--host-network node|pod` on test/fixtures/analysis/hostnetwork.yaml (its header derives the
 * `node` answers). Read as ordinary pods (`pod`), agent is selected by deny-all (isolated both
 * ways, with no rule allowing it anything), and the selectors naming app=agent now match it:
 * web-from-agent would admit it, but agent's own egress is denied; web-to-agent would let web send,
 * but agent's ingress is denied. What is left is the world reaching web on TCP 8080 (web-8080).
 */
import { fixtureModel, flowMap } from './helpers';
import { explain, resolveEndpoint } from '../../src/analysis/explain';
import { withHostNetworkMode } from '../../src/analysis/host-network-mode';
import { computeReachability } from '../../src/analysis/reachability';

const V4 = '0.0.0.0-255.255.255.255[External]';
const V6 = '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]';
const model = fixtureModel('hostnetwork');
const flowsIn = (mode: 'node' | 'pod') => flowMap(computeReachability(withHostNetworkMode(model, mode)));

test('node (the default) is the model as read: agent is node traffic, never selected', () => {
  expect(withHostNetworkMode(model, 'node')).toBe(model);
  const flows = flowsIn('node');
  expect(flows.get('h/agent[DaemonSet] => h/web[Deployment]')).toBe('TCP 8080');
  expect(flows.get(`h/agent[DaemonSet] => ${V4}`)).toBe('All Connections');
  expect(flows.get(`${V4} => h/agent[DaemonSet]`)).toBe('All Connections');
  expect(flows.has('h/web[Deployment] => h/agent[DaemonSet]')).toBe(false);
});

test('pod: agent is an ordinary pod, isolated by deny-all and matched by the app=agent selectors', () => {
  expect([...flowsIn('pod')]).toEqual([
    [`${V4} => h/web[Deployment]`, 'TCP 8080'],
    [`${V6} => h/web[Deployment]`, 'TCP 8080'],
  ]);
  const podModel = withHostNetworkMode(model, 'pod');
  const toWeb = explain(podModel, resolveEndpoint(podModel, 'h/agent'), resolveEndpoint(podModel, 'h/web'));
  expect(toWeb.allowed).toBe(false);
  expect(toWeb.egress.isolated).toBe(true);
  // The selector that never matches node traffic now matches agent on web's side.
  expect(toWeb.ingress.allowedBy.map(m => m.policy.name)).toEqual(['web-from-agent', 'web-8080']);
});

test('pod leaves a model without hostNetwork pods as it is', () => {
  const plain = withHostNetworkMode(model, 'pod');
  expect(withHostNetworkMode(plain, 'pod')).toBe(plain);
  expect(plain.workloads.every(w => !w.hostNetwork)).toBe(true);
  expect(model.workloads.some(w => w.hostNetwork)).toBe(true);
});
