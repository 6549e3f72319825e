import { exampleChart } from '../../examples/patterns/example-chart';
import { exampleFiles, loadExample } from '../../scripts/generate-patterns-doc';

/**
 * Examples show some findings on purpose (an allow-all that cancels a deny, a deny without DNS);
 * each is acknowledged in the example with its reason, so the synth-time lint the constructs
 * register passes on all of them (and this names the example that does not).
 */
describe.each(exampleFiles())('examples/patterns/%s', file => {
  test('passes the synth-time lint', () => {
    expect(exampleChart(loadExample(file)).node.validate()).toEqual([]);
  });
});
