import { Chart, Testing } from 'cdk8s';
import { AllowFrom, AllowTo, Peer, PodSelector, Port } from '../../src';

/** A chart in a fresh app, in namespace `shop` unless told otherwise (`null`: no namespace). */
export function makeChart(namespace: string | null = 'shop'): Chart {
  return new Chart(Testing.app(), 'test', { namespace: namespace ?? undefined });
}

/** The synthesized manifests of a chart, as plain objects. */
export function synth(chart: Chart): any[] {
  return Testing.synth(chart);
}

/** The NetworkPolicies a chart holds, as written. */
export function policies(chart: Chart): any[] {
  return synth(chart).filter(o => o.kind === 'NetworkPolicy');
}

/** The single NetworkPolicy a chart holds; fails the test when there is not exactly one. */
export function onlyPolicy(chart: Chart): any {
  const all = policies(chart);
  expect(all).toHaveLength(1);
  return all[0];
}

/** The ingress rule an `AllowFrom` with these peers and ports writes (in chart `test`, namespace `shop`). */
export function ingressRule(from: Peer[], ports?: Port[]): any {
  const chart = makeChart();
  new AllowFrom(chart, 'allow', { pods: PodSelector.labels({ app: 'web' }), from, ports });
  return onlyPolicy(chart).spec.ingress[0];
}

/** The egress rule an `AllowTo` with these peers and ports writes (in chart `test`, namespace `shop`). */
export function egressRule(to: Peer[], ports?: Port[]): any {
  const chart = makeChart();
  new AllowTo(chart, 'allow', { pods: PodSelector.labels({ app: 'web' }), to, ports });
  return onlyPolicy(chart).spec.egress[0];
}

/** The error message a function throws (fails the test when it does not throw). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, got none');
}
