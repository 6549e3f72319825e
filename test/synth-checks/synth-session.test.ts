/**
 * cdk8s validates the whole app once per chart it writes; the chart lint reads each chart once per
 * synth all the same (synth-session.ts), and never carries an answer from one synth to the next.
 * What the lint renders is what synth writes: each object is rendered once per synth.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiObject, App, Chart, JsonPatch, Testing, Yaml } from 'cdk8s';
import { Construct } from 'constructs';
import { AllowFrom, DefaultDeny, DnsEgress, Peer, PodSelector } from '../../src';

/** A ConfigMap that counts how often it is rendered (by a chart lint that reads it, by synth itself). */
class CountingObject extends ApiObject {
  public renders = 0;
  constructor(scope: Construct, id: string) {
    super(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } });
  }
  public toJson(): any {
    this.renders++;
    return super.toJson();
  }
}

/** `charts` charts, each with a valid default deny, DNS, and a counting object. */
function appOfCharts(app: App, charts: number): CountingObject[] {
  return Array.from({ length: charts }, (_, i) => {
    const chart = new Chart(app, `ns${i}`, { namespace: `ns${i}` });
    new DefaultDeny(chart, 'deny');
    new DnsEgress(chart, 'dns');
    return new CountingObject(chart, 'counted');
  });
}

describe('one lint per chart per synth', () => {
  test('synthYaml: each object is rendered once (the lint\'s rendering is written), not once per chart of the app', () => {
    const app = Testing.app();
    const counted = appOfCharts(app, 6);
    const yaml = app.synthYaml();
    expect(counted.map(c => c.renders)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(yaml.match(/kind: ConfigMap/g)).toHaveLength(6);
  });

  test('synth to files: the same', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-session-'));
    try {
      const app = new App({ outdir });
      const counted = appOfCharts(app, 4);
      app.synth();
      expect(counted.map(c => c.renders)).toEqual([1, 1, 1, 1]);
      expect(fs.readdirSync(outdir)).toHaveLength(4);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('outside a synth (chart.toJson, Testing.synth) the lint reads the chart on every call', () => {
    const app = Testing.app();
    const [first] = appOfCharts(app, 3);
    const chart = Chart.of(first);
    chart.toJson();
    Testing.synth(chart);
    expect(first.renders).toBe(4);
  });

  test('a change between two synths is linted: nothing is kept from the first', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new AllowFrom(chart, 'web', { pods: PodSelector.labels({ app: 'web' }), from: [Peer.anywhere()] });
    expect(() => app.synthYaml()).not.toThrow();
    new DefaultDeny(chart, 'deny', { ingress: false, egress: true });
    expect(() => app.synthYaml()).toThrow(/shop\/deny: dns-egress-missing/);
    new DnsEgress(chart, 'dns');
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('a failed synth leaves no session behind: the next synth lints afresh', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new DefaultDeny(chart, 'deny');
    expect(() => app.synthYaml()).toThrow(/dns-egress-missing/);
    new DnsEgress(chart, 'dns');
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('an app whose synth cannot be wrapped (a non-configurable own method) is still linted, on every validation', () => {
    const app = Testing.app();
    Object.defineProperty(app, 'synthYaml', { value: App.prototype.synthYaml, configurable: false });
    const counted = appOfCharts(app, 3);
    app.synthYaml();
    // No session: each chart's lint runs in each of cdk8s' 4 validations (one up front, one per chart).
    expect(counted.map(c => c.renders)).toEqual([5, 5, 5]);
    new DefaultDeny(Chart.of(counted[0]), 'egress-only', { ingress: false });
    expect(() => app.synthYaml()).not.toThrow();
    const bad = new Chart(app, 'bad', { namespace: 'bad' });
    new DefaultDeny(bad, 'deny');
    expect(() => app.synthYaml()).toThrow(/bad\/deny: dns-egress-missing/);
  });
});

describe('synth writes what the lint rendered', () => {
  /** How often cdk8s' own rendering runs for each of `objects` while `run` runs. */
  function rendersOf(objects: readonly ApiObject[], run: () => void): number[] {
    const spy = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      run();
      return objects.map(o => spy.mock.contexts.filter(context => context === o).length);
    } finally {
      spy.mockRestore();
    }
  }

  test('the policies the constructs write are rendered once, in every chart, and written as rendered afresh', () => {
    const app = Testing.app();
    const policies = [0, 1, 2].flatMap(i => {
      const chart = new Chart(app, `ns${i}`, { namespace: `ns${i}` });
      return [new DefaultDeny(chart, 'deny'), new DnsEgress(chart, 'dns')];
    });
    let yaml = '';
    expect(rendersOf(policies, () => { yaml = app.synthYaml(); })).toEqual([1, 1, 1, 1, 1, 1]);
    expect(yaml).toBe(Yaml.stringify(...policies.map(p => p.toJson())));
  });

  test('after a synth, and after a failed one, objects render afresh again: nothing of the synth stays on them', () => {
    const app = Testing.app();
    const [counted] = appOfCharts(app, 1);
    app.synthYaml();
    expect(Object.getOwnPropertyNames(counted)).not.toContain('toJson');
    const first = counted.toJson();
    expect(counted.toJson()).not.toBe(first);
    expect(counted.renders).toBe(3);

    const bad = new Chart(app, 'bad', { namespace: 'bad' });
    new DefaultDeny(bad, 'deny');
    const unwritten = new CountingObject(bad, 'counted');
    expect(() => app.synthYaml()).toThrow(/dns-egress-missing/);
    expect(Object.getOwnPropertyNames(unwritten)).not.toContain('toJson');
    unwritten.toJson();
    expect(unwritten.renders).toBe(2);
  });

  test('a reference to the shared rendering, kept and called again, renders afresh', () => {
    const app = Testing.app();
    const [counted] = appOfCharts(app, 1);
    const calls: { json: unknown; rendered: number }[] = [];
    // Runs after the chart's lint in cdk8s' first validation (the chart comes before its objects).
    counted.node.addValidation({
      validate: () => {
        const toJson = counted.toJson;
        for (const _ of [1, 2]) {
          const before = counted.renders;
          calls.push({ json: toJson.call(counted), rendered: counted.renders - before });
        }
        return [];
      },
    });
    app.synthYaml();
    expect(calls.slice(0, 2).map(c => c.rendered)).toEqual([0, 1]);
    expect(calls[1].json).not.toBe(calls[0].json);
    expect(calls[1].json).toEqual(calls[0].json);
  });

  test('an object\'s own toJson is kept; one that cannot be shadowed is rendered twice, and written right', () => {
    const app = Testing.app();
    const [own, frozenShape, fixed] = appOfCharts(app, 3);
    const ownToJson = () => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'own' }, data: { from: 'own toJson' } });
    own.toJson = ownToJson;
    Object.preventExtensions(frozenShape);
    Object.defineProperty(fixed, 'toJson', { value: () => ({ ...CountingObject.prototype.toJson.call(fixed), data: { from: 'fixed' } }), configurable: false });
    const yaml = app.synthYaml();
    expect(own.toJson).toBe(ownToJson);
    expect(yaml).toContain('from: own toJson');
    expect(yaml).toContain('from: fixed');
    expect(frozenShape.renders).toBe(2);
    expect(fixed.renders).toBe(2);
  });

  test('outside a synth every toJson() is a fresh rendering: changing one result changes nothing else', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const deny = new DefaultDeny(chart, 'deny');
    const first = deny.toJson();
    first.spec.policyTypes.push('Mutated');
    expect(deny.toJson().spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(rendersOf([deny], () => { deny.toJson(); deny.toJson(); })).toEqual([2]);
  });

  test('a JSON patch and a label added after construction are written, with the fields in manifest form', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new DnsEgress(chart, 'dns');
    const deny = new DefaultDeny(chart, 'deny', { ingress: false });
    deny.metadata.addLabel('team', 'payments');
    deny.addJsonPatch(JsonPatch.add('/metadata/annotations', { owner: 'payments' }));
    const written = Testing.synth(chart).find(m => m.metadata.name === deny.name);
    expect(written.metadata).toEqual({ name: deny.name, namespace: 'shop', labels: { team: 'payments' }, annotations: { owner: 'payments' } });
    expect(written.spec).toEqual({ podSelector: {}, policyTypes: ['Egress'] });
    // Ports are plain numbers and names in the manifest, not the L1 type's IntOrString objects.
    const dns = Testing.synth(chart).find(m => m.metadata.name !== deny.name);
    expect(dns.spec.egress[0].ports).toEqual([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }]);
  });
});
