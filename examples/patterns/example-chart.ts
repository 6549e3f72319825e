/**
 * How every pattern example is built, for its test and for docs/patterns.md alike: the demo
 * workloads and the pattern, in one chart whose namespace is `default`.
 */
import { Chart, Testing } from 'cdk8s';

/** What each examples/patterns/<nn-name>.ts exports. */
export interface PatternExample {
  /** Adds the pattern's policies to `chart`. */
  pattern(chart: Chart): void;
  /** Adds the namespaces and workloads that show what the pattern allows and denies. */
  demo(chart: Chart): void;
}

/** A fresh chart (namespace `default`) holding the example's demo workloads and its pattern. */
export function exampleChart(example: PatternExample): Chart {
  const chart = new Chart(Testing.app(), 'pattern', { namespace: 'default' });
  example.demo(chart);
  example.pattern(chart);
  return chart;
}
