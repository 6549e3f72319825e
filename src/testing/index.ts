/**
 * Jest matchers for reachability: `import 'cdk8s-netpol/lib/testing'`, then
 *
 *   expect(chart).toAllowTraffic({ from: 'shop/web', to: 'shop/api', port: 8080 });
 *   expect(chart).toDenyTraffic({ from: 'shop/web', to: 'shop/db' });
 *
 * A thin layer over NetworkAnalysis: a failure prints its explanation, which names the
 * policies and rules that decided the verdict.
 */
import { App, Chart } from 'cdk8s';
import { NetworkAnalysis } from '../network-analysis';

/** The connection a matcher asks about. */
export interface TrafficQuery {
  /** Source: `ns/name`, `ns/name[Kind]`, or an IP address outside the cluster. */
  readonly from: string;
  /** Destination, in the same forms. */
  readonly to: string;
  /** `8080`, `'8080/TCP'` or `'53/UDP'` (TCP when the protocol is left out); without it, any port. */
  readonly port?: number | string;
  /** Cluster context presets to add to the received manifests, e.g. `['coredns']` (docs/cluster-context.md); without it, none. */
  readonly context?: readonly string[];
}

declare global {
  // Declaration merging: the only way to add matchers to jest's `expect` types.
  namespace jest {
    interface Matchers<R, T = {}> {
      /** Passes when the manifests allow `query` (the received value: a Chart, an App, manifest objects, or a NetworkAnalysis). */
      toAllowTraffic(query: TrafficQuery): R;
      /** Passes when the manifests deny `query`: nothing allowed, or not that port. */
      toDenyTraffic(query: TrafficQuery): R;
    }
  }
}

/** What `expect(…)` may be given: anything NetworkAnalysis can read, or one already built. */
function analysisOf(received: unknown, context: readonly string[] = []): NetworkAnalysis {
  const options = { context: [...context] };
  if (received instanceof NetworkAnalysis) {
    if (context.length > 0) throw new TypeError('a NetworkAnalysis is already built: pass { context } to NetworkAnalysis.from…, not to the query');
    return received;
  }
  if (Chart.isChart(received)) return NetworkAnalysis.fromChart(received, options);
  if (received instanceof App) return NetworkAnalysis.fromApp(received, options);
  if (Array.isArray(received)) return NetworkAnalysis.fromManifests(received, options);
  throw new TypeError('expected a cdk8s Chart or App, an array of manifest objects, or a NetworkAnalysis');
}

function verdict(
  this: jest.MatcherContext, matcher: string, expectAllowed: boolean, received: unknown, query: TrafficQuery,
): jest.CustomMatcherResult {
  const analysis = analysisOf(received, query.context);
  const port = query.port === undefined ? undefined : String(query.port);
  const allowed = analysis.isAllowed(query.from, query.to, port);
  const traffic = `${query.from} => ${query.to}${port === undefined ? '' : ` on ${port}`}`;
  const wanted = expectAllowed !== this.isNot ? 'allowed' : 'denied';
  return {
    pass: allowed === expectAllowed,
    message: () => `${this.utils.matcherHint(matcher, undefined, 'query', { isNot: this.isNot })}\n\n`
      + `Expected ${traffic} to be ${wanted}, but it is ${allowed ? 'allowed' : 'denied'}:\n\n`
      + analysis.explain(query.from, query.to, port),
  };
}

expect.extend({
  toAllowTraffic(received: unknown, query: TrafficQuery) {
    return verdict.call(this, 'toAllowTraffic', true, received, query);
  },
  toDenyTraffic(received: unknown, query: TrafficQuery) {
    return verdict.call(this, 'toDenyTraffic', false, received, query);
  },
});
