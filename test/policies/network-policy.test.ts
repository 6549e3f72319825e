import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { errorOf, makeChart, onlyPolicy, policies, TestCluster } from './helpers';
import { AllowFrom, AllowTo, DefaultDeny, Peer, PodSelector, Port, ValidatedNetworkPolicy } from '../../src';
import '../../src/testing';

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

  test('what synth writes is validated in full: a JSON patch or a label added afterwards cannot make it invalid', () => {
    const portZero = makeChart();
    new AllowFrom(portZero, 'api', { pods: PodSelector.labels({ app: 'api' }), from: [Peer.pods(PodSelector.labels({ app: 'web' }))], ports: [Port.tcp(8080)] })
      .addJsonPatch(JsonPatch.replace('/spec/ingress/0/ports', [{ port: 0 }]));
    expect(() => Testing.synth(portZero)).toThrow(/\[test\] AllowFrom test\/api: spec\.ingress\[0\]\.ports\[0\]\.port: 0 must be between 1 and 65535/);

    const badKey = makeChart();
    new AllowFrom(badKey, 'api', { pods: PodSelector.labels({ app: 'api' }), from: [Peer.anywhere()] })
      .addJsonPatch(JsonPatch.add('/spec/ingress/0/from', [{ podSelector: { matchLabels: { 'bad key!': 'x' } } }]));
    expect(() => Testing.synth(badKey)).toThrow(/AllowFrom test\/api: spec\.ingress\[0\]\.from\[0\]\.podSelector\.matchLabels: bad key! is not a qualified name/);

    const emptyFrom = makeChart();
    new AllowFrom(emptyFrom, 'api', { pods: PodSelector.labels({ app: 'api' }), from: [Peer.pods(PodSelector.labels({ app: 'web' }))] })
      .addJsonPatch(JsonPatch.replace('/spec/ingress/0/from', []));
    expect(() => Testing.synth(emptyFrom)).toThrow(/AllowFrom test\/api: spec\.ingress\[0\]\.from: /);

    const label = makeChart();
    new DefaultDeny(label, 'deny').metadata.addLabel('bad key!', 'x');
    expect(() => Testing.synth(label)).toThrow(/DefaultDeny test\/deny: metadata\.labels/);

    // Every problem of the app at once, each naming its construct: not only the first.
    const both = makeChart();
    new DefaultDeny(both, 'one').metadata.addLabel('bad key!', 'x');
    new DefaultDeny(both, 'two').addJsonPatch(JsonPatch.add('/spec/podSelector/matchLabels', { 'bad key!': 'x' }));
    const message = errorOf(() => Testing.synth(both));
    expect(message).toContain('DefaultDeny test/one: metadata.labels');
    expect(message).toContain('DefaultDeny test/two: spec.podSelector.matchLabels');

    // Even without cdk8s' validations (rendering the object alone), it refuses to render.
    const alone = makeChart();
    const deny = new DefaultDeny(alone, 'deny');
    deny.addJsonPatch(JsonPatch.replace('/spec/policyTypes', ['Ingress', 'Ingress']));
    expect(() => deny.toJson()).toThrow(/DefaultDeny test\/deny: spec\.policyTypes/);
  });

  test('a valid JSON patch is written as patched', () => {
    const chart = makeChart();
    new AllowFrom(chart, 'api', { pods: PodSelector.labels({ app: 'api' }), from: [Peer.pods(PodSelector.labels({ app: 'web' }))], ports: [Port.tcp(8080)] })
      .addJsonPatch(JsonPatch.replace('/spec/ingress/0/ports/0/port', 8081));
    expect(onlyPolicy(chart).spec.ingress[0].ports).toEqual([{ port: 8081, protocol: 'TCP' }]);
  });

  test('a library policy has no inherited way around its validation: no static manifest(), no GVK of a generated L1 class', () => {
    expect((AllowFrom as unknown as Record<string, unknown>).manifest).toBeUndefined();
    expect((ValidatedNetworkPolicy as unknown as Record<string, unknown>).GVK).toBeUndefined();
    const deny = new DefaultDeny(makeChart(), 'deny');
    expect(ApiObject.isApiObject(deny)).toBe(true);
    expect([deny.apiVersion, deny.kind]).toEqual(['networking.k8s.io/v1', 'NetworkPolicy']);
  });

  test('what it renders is a copy: changing one rendering changes neither the policy nor the next rendering', () => {
    const deny = new AllowFrom(makeChart(), 'api', { pods: PodSelector.labels({ app: 'db' }), from: [Peer.pods(PodSelector.labels({ app: 'api' }))] });
    deny.toJson().spec.podSelector.matchLabels.app = 'changed';
    expect(deny.toJson().spec.podSelector).toEqual({ matchLabels: { app: 'db' } });
  });
});
