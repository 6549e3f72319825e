import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { errorOf, makeChart, onlyPolicy, policies, TestCluster } from './helpers';
import { AllowFrom, AllowTo, DefaultDeny, Peer, PodSelector, Port, ValidatedNetworkPolicy } from '../../src';
import '../../src/testing';
import { validatedSpec } from '../../src/synth-checks/validated-specs';
import * as validator from '../../src/analysis/validation/validate-network-policy';

describe('every policy construct (through the one NetworkPolicy builder)', () => {
  test('default names are cdk8s\' own, stable and unique per construct path', () => {
    const chart = makeChart();
    new DefaultDeny(chart, 'deny');
    new AllowFrom(chart, 'web-from-lb', { pods: PodSelector.labels({ app: 'web' }), from: [Peer.anyIpv4()] });
    expect(policies(chart).map(p => p.metadata.name)).toEqual([expect.stringMatching(/^test-deny-c8[0-9a-f]{6}$/), expect.stringMatching(/^test-web-from-lb-c8[0-9a-f]{6}$/)]);
    const again = makeChart();
    new DefaultDeny(again, 'deny');
    expect(onlyPolicy(again).metadata.name).toBe(policies(chart)[0].metadata.name);
  });

  test('respects the chart\'s naming (disableResourceNameHashes)', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'shop', disableResourceNameHashes: true });
    new DefaultDeny(chart, 'deny');
    expect(onlyPolicy(chart).metadata.name).toBe('test-deny');
  });

  test('namespace: the prop, else the chart\'s, else none (the kubectl context\'s)', () => {
    const chart = makeChart();
    new DefaultDeny(chart, 'deny', { namespace: 'other' });
    expect(onlyPolicy(chart).metadata.namespace).toBe('other');
    const plain = new Chart(new App(), 'plain');
    new DefaultDeny(plain, 'deny');
    expect(onlyPolicy(plain).metadata).toEqual({ name: expect.any(String) });
  });

  test('always writes podSelector and policyTypes, never empty lists', () => {
    const chart = makeChart();
    new DefaultDeny(chart, 'deny');
    new AllowFrom(chart, 'allow', { pods: PodSelector.all(), from: [Peer.anywhere()] });
    for (const policy of policies(chart)) {
      expect(policy.spec.podSelector).toBeDefined();
      expect(policy.spec.policyTypes.length).toBeGreaterThan(0);
      expect(JSON.stringify(policy)).not.toContain('[]');
    }
    expect(policies(chart)[1].spec.ingress).toEqual([{}]);
  });

  test('refuses what the API server would reject, naming path, field, value and fix', () => {
    expect(errorOf(() => new DefaultDeny(makeChart(), 'deny', { name: 'Deny_All' }))).toBe(
      "DefaultDeny test/deny: metadata.name: Deny_All is not a DNS-1123 subdomain (lower-case letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit); use a name like deny-all");
    expect(errorOf(() => new DefaultDeny(makeChart(), 'deny', { namespace: 'my.ns' }))).toContain(
      'DefaultDeny test/deny: metadata.namespace: my.ns is not a DNS-1123 label');
  });

  test('reports every problem of a policy, one line each', () => {
    const error = errorOf(() => new AllowFrom(makeChart(), 'allow', {
      pods: PodSelector.all(),
      from: [Peer.ipBlock('10.0.0.1/8')],
      ports: [Port.tcp(0), Port.named('http')],
    }));
    expect(error.split('\n')).toEqual([
      expect.stringMatching(/^AllowFrom test\/allow: spec\.ingress\[0\]\.from\[0\]\.ipBlock\.cidr: /),
      expect.stringMatching(/^AllowFrom test\/allow: spec\.ingress\[0\]\.ports\[0\]\.port: 0 /),
      expect.stringMatching(/^AllowFrom test\/allow: spec\.ingress\[0\]\.ports\[1\]\.port: http is a named port/),
    ]);
  });

  test('a refused policy leaves nothing behind in the chart, whichever check refused it', () => {
    const chart = makeChart();
    expect(() => new DefaultDeny(chart, 'deny', { name: 'Bad_Name' })).toThrow(/metadata\.name/); // the validator
    expect(() => new DefaultDeny(chart, 'neither', { ingress: false, egress: false })).toThrow(/both false/); // the construct's own check
    expect(() => new AllowFrom(chart, 'nobody', { pods: PodSelector.all(), from: [] })).toThrow(/'from' is empty/); // a shared check
    expect(chart.node.children).toEqual([]);
    new DefaultDeny(chart, 'ok');
    expect(policies(chart)).toHaveLength(1);
  });

  test('a single-policy construct is its NetworkPolicy: one construct in the tree, no wrapper around it', () => {
    const chart = makeChart();
    const deny = new DefaultDeny(chart, 'deny');
    expect(ApiObject.of(deny)).toBe(deny);
    expect(chart.node.findAll()).toEqual([chart, deny]);
    deny.addJsonPatch(JsonPatch.add('/metadata/annotations', { owner: 'payments' }));
    expect(onlyPolicy(chart).metadata.annotations).toEqual({ owner: 'payments' });
  });

  test('a ValidatedNetworkPolicy that no construct of the library wrote fails synth, naming it', () => {
    class Unwritten extends ValidatedNetworkPolicy {
      constructor(scope: Construct, id: string) {
        super(scope, id, {});
      }
    }
    const chart = makeChart();
    new Unwritten(chart, 'mine');
    expect(() => Testing.synth(chart)).toThrow(/^test\/mine: this NetworkPolicy has no spec; only cdk8s-netpol's own constructs write a ValidatedNetworkPolicy/);
  });

  test('nested constructs are named by their full path', () => {
    const chart = makeChart();
    const team = new Chart(chart, 'team');
    expect(errorOf(() => new AllowFrom(team, 'api', { pods: PodSelector.all(), from: [] }))).toMatch(/^AllowFrom test\/team\/api: 'from' is empty/);
  });

  describe('what the policies written add up to', () => {
    function cluster(): TestCluster {
      return new TestCluster()
        .pod('shop/web', { app: 'web' }, [{ port: 8080 }])
        .pod('shop/api', { app: 'api' }, [{ port: 9000 }])
        .pod('other/client', { app: 'client' });
    }

    test('policies add up: an allow-all ingress cancels the deny-all\'s ingress, and only that direction', () => {
      const c = cluster();
      new DefaultDeny(c.chart, 'deny');
      new AllowFrom(c.chart, 'allow', { pods: PodSelector.all(), from: [Peer.anywhere()] });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: '8.8.8.8', to: 'shop/web', port: 1234 });
      expect(m).toAllowTraffic({ from: 'other/client', to: 'shop/api', port: '5000/UDP' });
      expect(m).toDenyTraffic({ from: 'shop/web', to: '8.8.8.8' });
      // Egress of the source is still denied, so pods of shop do not reach each other.
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'shop/api', port: 9000 });
    });

    test('order does not matter: the same policies in reverse allow and deny the same', () => {
      const build = (reverse: boolean) => {
        const c = cluster();
        const constructs = [
          () => new DefaultDeny(c.chart, 'deny'),
          () => new AllowFrom(c.chart, 'api-from-web', { pods: PodSelector.labels({ app: 'api' }), from: [Peer.pods(PodSelector.labels({ app: 'web' }))], ports: [Port.tcp(9000)] }),
          () => new AllowTo(c.chart, 'web-to-api', { pods: PodSelector.labels({ app: 'web' }), to: [Peer.pods(PodSelector.labels({ app: 'api' }))], ports: [Port.tcp(9000)] }),
        ];
        (reverse ? constructs.reverse() : constructs).forEach(make => make());
        return c.manifests();
      };
      for (const m of [build(false), build(true)]) {
        expect(m).toAllowTraffic({ from: 'shop/web', to: 'shop/api', port: 9000 });
        expect(m).toDenyTraffic({ from: 'shop/web', to: 'shop/api', port: 9001 });
        expect(m).toDenyTraffic({ from: 'shop/api', to: 'shop/web', port: 8080 });
      }
    });
  });

  test('policies of a chart with equal specs are recorded with one validated spec; each renders, and is patched, on its own', () => {
    const chart = makeChart();
    const [one, two] = ['one', 'two'].map(namespace => new AllowFrom(chart, namespace, {
      namespace, pods: PodSelector.labels({ app: 'db' }), from: [Peer.pods(PodSelector.labels({ app: 'api' }))], ports: [Port.tcp(5432)],
    }));
    const shared = validatedSpec(one, one.toJson());
    expect(shared).toBeDefined();
    expect(validatedSpec(two, two.toJson())).toBe(shared);
    expect(validatedSpec(new DefaultDeny(chart, 'deny'), {})).toBeUndefined();

    two.addJsonPatch(JsonPatch.replace('/spec/ingress/0/ports/0/port', 5433));
    expect(two.toJson().spec.ingress[0].ports).toEqual([{ port: 5433, protocol: 'TCP' }]);
    expect(one.toJson().spec.ingress[0].ports).toEqual([{ port: 5432, protocol: 'TCP' }]);
    expect(validatedSpec(two, two.toJson())).toBeUndefined();
    expect(validatedSpec(one, one.toJson())).toBe(shared);
    // A rendering is a copy: changing one changes neither the shared spec nor the next rendering.
    one.toJson().spec.podSelector.matchLabels.app = 'changed';
    expect(one.toJson().spec.podSelector).toEqual({ matchLabels: { app: 'db' } });
  });

  test('a spec validated once in a chart is not validated again there; the metadata always is', () => {
    const validate = jest.spyOn(validator, 'validateNetworkPolicy');
    const specValidated = () => validate.mock.calls.map(([object]) => (object as { spec?: unknown }).spec !== undefined);
    try {
      const chart = makeChart();
      new DefaultDeny(chart, 'one', { namespace: 'one' });
      new DefaultDeny(chart, 'two', { namespace: 'two' });
      new DefaultDeny(chart, 'ingress-only', { egress: false });
      expect(specValidated()).toEqual([true, false, true]);
      // Same spec, bad metadata: still refused, in the validator's words about the name.
      expect(() => new DefaultDeny(chart, 'bad', { name: 'Not_A_Name' })).toThrow(/metadata\.name: Not_A_Name is not a DNS-1123 subdomain/);
      new DefaultDeny(makeChart(), 'one');
      expect(specValidated().slice(-2)).toEqual([false, true]);
    } finally {
      validate.mockRestore();
    }
  });
});
