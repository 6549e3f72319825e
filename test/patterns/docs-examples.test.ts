/**
 * Every example of the Kubernetes NetworkPolicy docs page, as examples/patterns builds it (the
 * docs' default-deny-ingress and default-deny-egress are recipes 03 and 12): hand-derived flows and
 * a snapshot.
 */
import '../../src/testing';
import { Testing } from 'cdk8s';
import * as testNetworkPolicy from '../../examples/patterns/21-docs-test-network-policy';
import * as allowAllIngress from '../../examples/patterns/22-docs-allow-all-ingress';
import * as allowAllEgress from '../../examples/patterns/23-docs-allow-all-egress';
import * as defaultDenyAll from '../../examples/patterns/24-docs-default-deny-all';
import * as allowEgressDenyIngress from '../../examples/patterns/25-docs-allow-egress-deny-ingress';
import * as multiPortEgress from '../../examples/patterns/26-docs-multi-port-egress';
import * as egressNamespaces from '../../examples/patterns/27-docs-egress-namespaces';
import * as namespaceByName from '../../examples/patterns/28-docs-namespace-by-name';
import * as andOrPeers from '../../examples/patterns/29-docs-and-or-peers';
import { exampleChart } from '../../examples/patterns/example-chart';

const INTERNET = '203.0.113.10';

describe('docs: test-network-policy', () => {
  const chart = exampleChart(testNetworkPolicy);

  test('db accepts its three sources on TCP 6379 only', () => {
    expect(chart).toAllowTraffic({ from: 'default/frontend', to: 'default/db', port: 6379 });
    expect(chart).toAllowTraffic({ from: 'myproject/client', to: 'default/db', port: 6379 });
    expect(chart).toAllowTraffic({ from: '172.17.0.5', to: 'default/db', port: 6379 });
    expect(chart).toDenyTraffic({ from: 'default/frontend', to: 'default/db', port: 6380 });
  });

  test('the except range and other addresses are denied', () => {
    expect(chart).toDenyTraffic({ from: '172.17.1.5', to: 'default/db', port: 6379 });
    expect(chart).toDenyTraffic({ from: INTERNET, to: 'default/db', port: 6379 });
  });

  test('db sends only to 10.0.0.0/24 on TCP 5978', () => {
    expect(chart).toAllowTraffic({ from: 'default/db', to: '10.0.0.5', port: 5978 });
    expect(chart).toDenyTraffic({ from: 'default/db', to: '10.0.0.5', port: 80 });
    expect(chart).toDenyTraffic({ from: 'default/db', to: '10.0.1.5', port: 5978 });
    expect(chart).toDenyTraffic({ from: 'default/db', to: 'default/frontend' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('docs: allow-all-ingress', () => {
  const chart = exampleChart(allowAllIngress);

  test('the allow-all cancels the default deny, for every source', () => {
    expect(chart).toAllowTraffic({ from: 'other/client', to: 'default/web' });
    expect(chart).toAllowTraffic({ from: INTERNET, to: 'default/web' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('docs: allow-all-egress', () => {
  const chart = exampleChart(allowAllEgress);

  test('the allow-all cancels the egress default deny, for every destination', () => {
    expect(chart).toAllowTraffic({ from: 'default/web', to: 'other/db' });
    expect(chart).toAllowTraffic({ from: 'default/web', to: INTERNET });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('docs: default-deny-all', () => {
  const chart = exampleChart(defaultDenyAll);

  test('nothing in, nothing out, DNS included', () => {
    expect(chart).toDenyTraffic({ from: 'default/web', to: 'default/db' });
    expect(chart).toDenyTraffic({ from: 'other/client', to: 'default/web' });
    expect(chart).toDenyTraffic({ from: INTERNET, to: 'default/web' });
    expect(chart).toDenyTraffic({ from: 'default/web', to: 'kube-system/coredns', port: '53/UDP' });
  });

  test('other namespaces are untouched', () => {
    expect(chart).toAllowTraffic({ from: 'other/client', to: 'kube-system/coredns', port: '53/UDP' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('docs: allow-egress-deny-ingress', () => {
  const chart = exampleChart(allowEgressDenyIngress);

  test('out to anywhere, in from nowhere', () => {
    expect(chart).toAllowTraffic({ from: 'default/web', to: 'other/client' });
    expect(chart).toAllowTraffic({ from: 'default/web', to: INTERNET });
    expect(chart).toDenyTraffic({ from: 'other/client', to: 'default/web' });
    expect(chart).toDenyTraffic({ from: INTERNET, to: 'default/web' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('docs: multi-port-egress', () => {
  const chart = exampleChart(multiPortEgress);

  test('TCP 32000 to 32768, both ends included, to 10.0.0.0/24 only', () => {
    expect(chart).toAllowTraffic({ from: 'default/db', to: '10.0.0.5', port: 32000 });
    expect(chart).toAllowTraffic({ from: 'default/db', to: '10.0.0.5', port: 32768 });
    expect(chart).toDenyTraffic({ from: 'default/db', to: '10.0.0.5', port: 31999 });
    expect(chart).toDenyTraffic({ from: 'default/db', to: '10.0.0.5', port: 32769 });
    expect(chart).toDenyTraffic({ from: 'default/db', to: '10.0.0.5', port: '32000/UDP' });
    expect(chart).toDenyTraffic({ from: 'default/db', to: '10.0.1.5', port: 32000 });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('docs: egress-namespaces', () => {
  const chart = exampleChart(egressNamespaces);

  test('myapp reaches the frontend and backend namespaces only', () => {
    expect(chart).toAllowTraffic({ from: 'default/myapp', to: 'frontend/web' });
    expect(chart).toAllowTraffic({ from: 'default/myapp', to: 'backend/api' });
    expect(chart).toDenyTraffic({ from: 'default/myapp', to: 'billing/ledger' });
    expect(chart).toDenyTraffic({ from: 'default/myapp', to: INTERNET });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('docs: a namespace by its name', () => {
  const chart = exampleChart(namespaceByName);

  test('pods of namespace frontend reach db, others do not', () => {
    expect(chart).toAllowTraffic({ from: 'frontend/web', to: 'default/db' });
    expect(chart).toDenyTraffic({ from: 'backend/api', to: 'default/db' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('docs: namespaceSelector and podSelector, AND versus OR', () => {
  const chart = exampleChart(andOrPeers);

  test('one peer (AND): client pods of alice namespaces only', () => {
    expect(chart).toAllowTraffic({ from: 'alice/client', to: 'default/web-and' });
    expect(chart).toDenyTraffic({ from: 'alice/batch', to: 'default/web-and' });
    expect(chart).toDenyTraffic({ from: 'default/client', to: 'default/web-and' });
  });

  test('two peers (OR): every pod of alice namespaces, and client pods of the policy namespace', () => {
    expect(chart).toAllowTraffic({ from: 'alice/client', to: 'default/web-or' });
    expect(chart).toAllowTraffic({ from: 'alice/batch', to: 'default/web-or' });
    expect(chart).toAllowTraffic({ from: 'default/client', to: 'default/web-or' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});
