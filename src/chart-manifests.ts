import { ApiObject, App, Chart } from 'cdk8s';

/**
 * The chart's own ApiObjects, as synth writes them (not those of nested charts).
 *
 * Not `chart.toJson()`: since cdk8s 2.68 it validates the whole app first, so a chart with a
 * finding could neither be analysed (the analysis should report it, not throw) nor linted
 * (the lint is itself one of those validations).
 */
export function chartApiObjects(chart: Chart): ApiObject[] {
  return chart.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c) && Chart.of(c) === chart);
}

/** Every manifest of the chart, as plain objects, without running the app's validations. */
export function chartManifests(chart: Chart): unknown[] {
  return chartApiObjects(chart).map(o => o.toJson());
}

/** Every manifest of every chart of the app, without running its validations. */
export function appManifests(app: App): unknown[] {
  return app.charts.flatMap(chartManifests);
}
