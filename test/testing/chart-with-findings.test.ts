import { Chart, Testing } from 'cdk8s';
import '../../src/testing';
import { DefaultDeny, NetworkAnalysis } from '../../src';

// A chart with a synth-time finding (egress isolated without DNS) must still be analysable:
// the analysis reports what it allows; only app.synth() refuses it.
test('the analysis and the matchers judge a chart that app.synth() would refuse', () => {
  const app = Testing.app();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  new DefaultDeny(chart, 'deny');
  expect(() => app.synth()).toThrow(/dns-egress-missing/);

  expect(NetworkAnalysis.fromChart(chart).flows()).toEqual([]);
  expect(NetworkAnalysis.fromApp(app).flows()).toEqual([]);
});
