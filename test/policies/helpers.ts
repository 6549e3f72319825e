import { App, Chart, Testing } from 'cdk8s';

/** A chart in a fresh app, in namespace `shop` unless told otherwise. */
export function makeChart(namespace: string | undefined = 'shop'): Chart {
  return new Chart(Testing.app(), 'test', { namespace });
}

/** The synthesized manifests of a chart, as plain objects. */
export function synth(chart: Chart): any[] {
  return Testing.synth(chart);
}

/** The single NetworkPolicy a chart holds; fails the test when there is not exactly one. */
export function onlyPolicy(chart: Chart): any {
  const policies = synth(chart).filter(o => o.kind === 'NetworkPolicy');
  expect(policies).toHaveLength(1);
  return policies[0];
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

export { App };
