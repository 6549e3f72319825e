import { ApiObject, App, Chart, IResolver, JsonPatch } from 'cdk8s';
import { AllowFrom, AllowTo, DefaultDeny, DnsEgress, NetworkApp, Peer, PodSelector, Port } from '../../src';
import * as lintModule from '../../src/analysis/lint';
import * as validateModule from '../../src/analysis/validation/validate-network-policy';
import * as renderingKeyModule from '../../src/policies/rendering-key';
import * as validSpecsModule from '../../src/policies/valid-specs';

/** Two namespaces, each a chart: web → api on 8080, both ends written, DNS allowed. */
function build(app: App, ingressToo = true): { api: ApiObject } {
  let api: ApiObject | undefined;
  for (const ns of ['one', 'two']) {
    const chart = new Chart(app, ns, { namespace: ns });
    new ApiObject(chart, 'web', deployment(ns, 'web'));
    const apiObject = new ApiObject(chart, 'api', deployment(ns, 'api'));
    if (ns === 'one') api = apiObject;
    new DefaultDeny(chart, 'deny', { name: 'deny' });
    new DnsEgress(chart, 'dns', { name: 'dns' });
    if (ingressToo) new AllowFrom(chart, 'api-from-web', { name: 'api-from-web', pods: PodSelector.labels({ app: 'api' }), from: [Peer.pods(PodSelector.labels({ app: 'web' }))], ports: [Port.tcp(8080)] });
    new AllowTo(chart, 'web-to-api', { name: 'web-to-api', pods: PodSelector.labels({ app: 'web' }), to: [Peer.pods(PodSelector.labels({ app: 'api' }))], ports: [Port.tcp(8080)] });
  }
  return { api: api! };
}

function deployment(namespace: string, name: string): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'x' }] } } },
  };
}

describe('NetworkApp', () => {
  test('synthesizes exactly what App synthesizes', () => {
    const plain = new App();
    build(plain);
    const network = new NetworkApp();
    build(network);
    expect(network.synthYaml()).toEqual(plain.synthYaml());
  });

  test('reads each chart once per synth for the lint, where App reads it once per chart of the app', () => {
    const rendersOfApi = (app: App) => {
      const { api } = build(app);
      const toJson = jest.spyOn(api, 'toJson');
      app.synthYaml();
      return toJson.mock.calls.length;
    };
    // synthYaml validates the app once, then again before writing each of its 2 charts: with App,
    // every validation reads the chart; with NetworkApp, the first one does. Then synth writes it.
    expect(rendersOfApi(new App())).toBe(3 + 1);
    expect(rendersOfApi(new NetworkApp())).toBe(1 + 1);
  });

  test('the lint rules run again only for a chart whose text changed', () => {
    const spy = jest.spyOn(lintModule, 'lint');
    try {
      const app = new App();
      build(app);
      app.synthYaml();
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  test.each([['App', () => new App()], ['NetworkApp', () => new NetworkApp()]])('%s: a change between two synths is seen by the second', (_, makeApp) => {
    const app = makeApp();
    const { api } = build(app, false);
    // web's egress allows api, whose ingress the default deny isolates and nothing allows.
    expect(() => app.synthYaml()).toThrow(/\[one\] one\/web-to-api: one-sided-connection/);
    // The api pods no longer carry the label web's egress selects: nothing one-sided is left.
    api.addJsonPatch(JsonPatch.replace('/spec/template/metadata/labels', { app: 'api-v2' }));
    api.addJsonPatch(JsonPatch.replace('/spec/selector/matchLabels', { app: 'api-v2' }));
    expect(() => app.synthYaml()).toThrow(/\[two\] two\/web-to-api: one-sided-connection/);
    expect(() => app.synthYaml()).not.toThrow(/\[one\]/);
  });

  test('with a resolver of its own, a policy renders each time it is asked, but once per NetworkApp synth', () => {
    const validate = jest.spyOn(validSpecsModule, 'validateInApp');
    // A resolver the library cannot see into: it may answer differently each time.
    const passThrough: IResolver = { resolve: () => undefined };
    try {
      const renderings = (app: App) => {
        build(app);
        validate.mockClear();
        app.synthYaml();
        return validate.mock.calls.length;
      };
      // 8 policies: with App, rendered in each of the 3 validations and when written.
      expect(renderings(new App({ resolvers: [passThrough, ...new App().resolvers] }))).toBe(8 * 4);
      expect(renderings(new NetworkApp({ resolvers: [passThrough, ...new App().resolvers] }))).toBe(8);
    } finally {
      validate.mockRestore();
    }
  });

  test('a spec the charts of an app repeat is validated once, and the lint of every chart shares its reading', () => {
    const validate = jest.spyOn(validateModule, 'validateNetworkPolicy');
    const lint = jest.spyOn(lintModule, 'lint');
    try {
      const app = new NetworkApp();
      build(app);
      // 8 policies in two charts, 4 distinct specs: each spec is validated once when constructed.
      expect(validate.mock.calls.filter(([manifest]) => (manifest as { spec?: unknown }).spec !== undefined)).toHaveLength(4);
      app.synthYaml();
      const [one, two] = lint.mock.calls.map(([model]) => model.policies);
      expect(one.map(p => p.name)).toEqual(two.map(p => p.name));
      // Each policy of chart two is read from the same spec object as its namesake in chart one.
      one.forEach((policy, i) => {
        expect(two[i].namespace).not.toBe(policy.namespace);
        expect(two[i].ingress).toBe(policy.ingress);
        expect(two[i].egress).toBe(policy.egress);
      });
    } finally {
      validate.mockRestore();
      lint.mockRestore();
    }
  });

  test('a library policy is rendered and validated once per synth of a NetworkApp, and a change made between synths is written', () => {
    const key = jest.spyOn(renderingKeyModule, 'renderingKey');
    const validate = jest.spyOn(validSpecsModule, 'validateInApp');
    try {
      const perSynth = (app: App) => {
        key.mockClear();
        validate.mockClear();
        app.synthYaml();
        return { keys: key.mock.calls.length, renderings: validate.mock.calls.length };
      };
      // 8 library policies. With App, each is rendered once and its key checked in each of the 3
      // validations and when written; the next synth renders none again.
      const app = new App();
      build(app);
      expect(perSynth(app)).toEqual({ keys: 8 * 4, renderings: 8 });
      expect(perSynth(app)).toEqual({ keys: 8 * 4, renderings: 0 });
      // With NetworkApp, a first rendering stands for its synth and is not keyed; the next synth keys
      // it (rendering once more), and the one after that renders nothing.
      const networkApp = new NetworkApp();
      build(networkApp);
      expect(perSynth(networkApp)).toEqual({ keys: 0, renderings: 8 });
      expect(perSynth(networkApp)).toEqual({ keys: 8, renderings: 8 });
      expect(perSynth(networkApp)).toEqual({ keys: 8, renderings: 0 });
    } finally {
      key.mockRestore();
      validate.mockRestore();
    }
    const app = new NetworkApp();
    build(app);
    app.synthYaml();
    const deny = app.node.findChild('one').node.findChild('deny') as ApiObject;
    deny.addJsonPatch(JsonPatch.add('/metadata/labels', { team: 'shop' }));
    expect(app.synthYaml()).toContain('team: shop');
  });
});
