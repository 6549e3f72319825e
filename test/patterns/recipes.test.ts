/**
 * Every recipe of ahmetb/kubernetes-network-policy-recipes, as examples/patterns builds it: the flows
 * each one allows and denies, derived by hand from Kubernetes' semantics (reference §2), and a snapshot.
 */
import '../../src/testing';
import { Testing } from 'cdk8s';
import * as recipe01 from '../../examples/patterns/01-deny-all-to-app';
import * as recipe02 from '../../examples/patterns/02-limit-to-app';
import * as recipe02a from '../../examples/patterns/02a-allow-all-to-app';
import * as recipe03 from '../../examples/patterns/03-namespace-default-deny';
import * as recipe04 from '../../examples/patterns/04-deny-from-other-namespaces';
import * as recipe05 from '../../examples/patterns/05-allow-from-all-namespaces';
import * as recipe06 from '../../examples/patterns/06-allow-from-labelled-namespace';
import * as recipe07 from '../../examples/patterns/07-allow-from-pods-in-other-namespace';
import * as recipe08 from '../../examples/patterns/08-allow-external-clients';
import * as recipe09 from '../../examples/patterns/09-allow-only-a-port';
import * as recipe10 from '../../examples/patterns/10-allow-multiple-selectors';
import * as recipe11 from '../../examples/patterns/11-deny-egress';
import * as recipe12 from '../../examples/patterns/12-namespace-egress-default-deny';
import * as recipe14 from '../../examples/patterns/14-deny-external-egress';
import { exampleChart } from '../../examples/patterns/example-chart';

/** An address outside every demo cluster's ipBlocks. */
const INTERNET = '203.0.113.10';

describe('recipe 01: deny all traffic to an application', () => {
  const chart = exampleChart(recipe01);

  test('web accepts nothing, from pods or from outside', () => {
    expect(chart).toDenyTraffic({ from: 'default/client', to: 'default/web' });
    expect(chart).toDenyTraffic({ from: INTERNET, to: 'default/web' });
  });

  test('web may still send (egress untouched), and other pods stay open', () => {
    expect(chart).toAllowTraffic({ from: 'default/web', to: 'default/client' });
    expect(chart).toAllowTraffic({ from: 'default/web', to: INTERNET });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('recipe 02: limit traffic to an application', () => {
  const chart = exampleChart(recipe02);

  test('bookstore pods reach the API, others do not', () => {
    expect(chart).toAllowTraffic({ from: 'default/frontend', to: 'default/apiserver', port: 8080 });
    expect(chart).toDenyTraffic({ from: 'default/coffeeshop', to: 'default/apiserver' });
    expect(chart).toDenyTraffic({ from: INTERNET, to: 'default/apiserver' });
  });

  test('the API may still send', () => {
    expect(chart).toAllowTraffic({ from: 'default/apiserver', to: 'default/coffeeshop' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('recipe 02a: allow all traffic to an application', () => {
  const chart = exampleChart(recipe02a);

  test('the allow-all cancels the deny-all, for pods of any namespace', () => {
    expect(chart).toAllowTraffic({ from: 'other/client', to: 'default/web', port: 443 });
  });

  test('ingress: [{}] also admits clients outside the cluster, unlike namespaceSelector: {}', () => {
    expect(chart).toAllowTraffic({ from: INTERNET, to: 'default/web' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('recipe 03: deny all non-whitelisted traffic in the namespace', () => {
  const chart = exampleChart(recipe03);

  test('no pod of the namespace accepts anything', () => {
    expect(chart).toDenyTraffic({ from: 'default/client', to: 'default/web' });
    expect(chart).toDenyTraffic({ from: 'default/web', to: 'default/client' });
    expect(chart).toDenyTraffic({ from: 'other/foreign', to: 'default/web' });
    expect(chart).toDenyTraffic({ from: INTERNET, to: 'default/web' });
  });

  test('ingress only: pods of the namespace still send out', () => {
    expect(chart).toAllowTraffic({ from: 'default/web', to: 'other/foreign' });
    expect(chart).toAllowTraffic({ from: 'default/web', to: INTERNET });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('recipe 04: deny all traffic from other namespaces', () => {
  const chart = exampleChart(recipe04);

  test('pods of the namespace reach each other', () => {
    expect(chart).toAllowTraffic({ from: 'default/web', to: 'default/db' });
    expect(chart).toAllowTraffic({ from: 'default/db', to: 'default/web' });
  });

  test('other namespaces and outside clients do not', () => {
    expect(chart).toDenyTraffic({ from: 'other/foreign', to: 'default/web' });
    expect(chart).toDenyTraffic({ from: INTERNET, to: 'default/db' });
  });

  test('egress untouched', () => {
    expect(chart).toAllowTraffic({ from: 'default/web', to: 'other/foreign' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('recipe 05: allow traffic to an application from all namespaces', () => {
  const chart = exampleChart(recipe05);

  test('pods of every namespace reach web', () => {
    expect(chart).toAllowTraffic({ from: 'other/client', to: 'default/web' });
  });

  test('namespaceSelector: {} is pods only: outside clients are denied', () => {
    expect(chart).toDenyTraffic({ from: INTERNET, to: 'default/web' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('recipe 06: allow all traffic from a namespace', () => {
  const chart = exampleChart(recipe06);

  test('pods of purpose=production namespaces reach web, others do not', () => {
    expect(chart).toAllowTraffic({ from: 'prod/client', to: 'default/web' });
    expect(chart).toDenyTraffic({ from: 'dev/client', to: 'default/web' });
    expect(chart).toDenyTraffic({ from: INTERNET, to: 'default/web' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('recipe 07: allow traffic from some pods in another namespace', () => {
  const chart = exampleChart(recipe07);

  test('monitoring pods of operations namespaces reach web (AND)', () => {
    expect(chart).toAllowTraffic({ from: 'ops/monitoring', to: 'default/web' });
  });

  test('other pods of those namespaces, and monitoring pods elsewhere, do not', () => {
    expect(chart).toDenyTraffic({ from: 'ops/batch', to: 'default/web' });
    expect(chart).toDenyTraffic({ from: 'dev/monitoring', to: 'default/web' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('recipe 08: allow traffic from external clients', () => {
  const chart = exampleChart(recipe08);

  test('web accepts everyone, outside clients included', () => {
    expect(chart).toAllowTraffic({ from: INTERNET, to: 'default/web', port: 80 });
    expect(chart).toAllowTraffic({ from: 'default/db', to: 'default/web' });
  });

  test('the rest of the namespace stays denied', () => {
    expect(chart).toDenyTraffic({ from: INTERNET, to: 'default/db' });
    expect(chart).toDenyTraffic({ from: 'default/web', to: 'default/db' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('recipe 09: allow traffic only to a port of an application', () => {
  const chart = exampleChart(recipe09);

  test('monitoring reaches TCP 5000 and nothing else', () => {
    expect(chart).toAllowTraffic({ from: 'default/monitoring', to: 'default/apiserver', port: 5000 });
    expect(chart).toDenyTraffic({ from: 'default/monitoring', to: 'default/apiserver', port: 8000 });
    expect(chart).toDenyTraffic({ from: 'default/monitoring', to: 'default/apiserver', port: '5000/UDP' });
  });

  test('other pods reach nothing', () => {
    expect(chart).toDenyTraffic({ from: 'default/client', to: 'default/apiserver', port: 5000 });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('recipe 10: allow traffic from apps using multiple selectors', () => {
  const chart = exampleChart(recipe10);

  test('each of the three selectors lets its pods in (OR)', () => {
    expect(chart).toAllowTraffic({ from: 'default/search', to: 'default/db', port: 6379 });
    expect(chart).toAllowTraffic({ from: 'default/api', to: 'default/db', port: 6379 });
    expect(chart).toAllowTraffic({ from: 'default/inventory', to: 'default/db', port: 6379 });
  });

  test('a bookstore pod matching none of them is denied', () => {
    expect(chart).toDenyTraffic({ from: 'default/frontend', to: 'default/db' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('recipe 11: deny egress traffic from an application', () => {
  const chart = exampleChart(recipe11);

  test('foo may resolve names with kube-dns, on UDP and TCP 53 only', () => {
    expect(chart).toAllowTraffic({ from: 'default/foo', to: 'kube-system/coredns', port: '53/UDP' });
    expect(chart).toAllowTraffic({ from: 'default/foo', to: 'kube-system/coredns', port: '53/TCP' });
    expect(chart).toDenyTraffic({ from: 'default/foo', to: 'kube-system/coredns', port: 9153 });
  });

  test('foo sends nothing else', () => {
    expect(chart).toDenyTraffic({ from: 'default/foo', to: 'default/web' });
    expect(chart).toDenyTraffic({ from: 'default/foo', to: INTERNET });
  });

  test('without the DNS policy, bar cannot even resolve names', () => {
    expect(chart).toDenyTraffic({ from: 'default/bar', to: 'kube-system/coredns', port: '53/UDP' });
  });

  test('ingress untouched', () => {
    expect(chart).toAllowTraffic({ from: 'default/web', to: 'default/foo' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('recipe 12: deny all non-whitelisted traffic from a namespace', () => {
  const chart = exampleChart(recipe12);

  test('no pod of the namespace sends anything, DNS included', () => {
    expect(chart).toDenyTraffic({ from: 'default/web', to: 'default/client' });
    expect(chart).toDenyTraffic({ from: 'default/web', to: 'kube-system/coredns', port: '53/UDP' });
    expect(chart).toDenyTraffic({ from: 'default/client', to: INTERNET });
  });

  test('ingress untouched', () => {
    expect(chart).toAllowTraffic({ from: 'other/foreign', to: 'default/web' });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});

describe('recipe 14: deny external egress traffic (as originally intended)', () => {
  const chart = exampleChart(recipe14);

  test('foo reaches every pod of every namespace', () => {
    expect(chart).toAllowTraffic({ from: 'default/foo', to: 'other/db', port: 5432 });
    expect(chart).toAllowTraffic({ from: 'default/foo', to: 'kube-system/coredns', port: '53/UDP' });
  });

  test('outside the cluster, only DNS', () => {
    expect(chart).toAllowTraffic({ from: 'default/foo', to: '8.8.8.8', port: '53/UDP' });
    expect(chart).toAllowTraffic({ from: 'default/foo', to: '8.8.8.8', port: '53/TCP' });
    expect(chart).toDenyTraffic({ from: 'default/foo', to: '8.8.8.8', port: 443 });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});
