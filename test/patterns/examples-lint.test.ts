import { exampleChart } from '../../examples/patterns/example-chart';
import { exampleFiles, loadExample } from '../../scripts/generate-patterns-doc';
import { registerChartLint } from '../../src/synth-checks/chart-lint';

/**
 * Examples show some findings on purpose (an allow-all that cancels a deny, a deny without DNS);
 * each is acknowledged in the example with its reason, so the synth-time lint passes on all of them.
 */
describe.each(exampleFiles())('examples/patterns/%s', file => {
  test('passes the synth-time lint', () => {
    const chart = exampleChart(loadExample(file));
    registerChartLint(chart);
    expect(chart.node.validate()).toEqual([]);
  });
});
