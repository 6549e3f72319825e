import '../../src/testing';
import { Testing } from 'cdk8s';
import { shopChart } from './shop-chart';
import { NetworkAnalysis } from '../../src';

test('toAllowTraffic and toDenyTraffic pass on what the chart allows and denies', () => {
  const chart = shopChart();
  expect(chart).toAllowTraffic({ from: 'shop/web', to: 'shop/api', port: 8080 });
  expect(chart).toAllowTraffic({ from: 'shop/web', to: 'shop/api' });
  expect(chart).toDenyTraffic({ from: 'shop/web', to: 'shop/api', port: '8080/UDP' });
  expect(chart).toDenyTraffic({ from: 'shop/api', to: 'shop/web' });
  expect(chart).not.toAllowTraffic({ from: '8.8.8.8', to: 'shop/api', port: 8080 });
  expect(chart).not.toDenyTraffic({ from: 'shop/api', to: '8.8.8.8', port: '53/UDP' });
});

test('they take manifests, an App or a NetworkAnalysis as well', () => {
  const app = Testing.app();
  const chart = shopChart(app);
  expect(chart.toJson()).toAllowTraffic({ from: 'shop/web', to: 'shop/api', port: 8080 });
  expect(app).toAllowTraffic({ from: 'shop/web', to: 'shop/api', port: 8080 });
  expect(NetworkAnalysis.fromChart(chart)).toDenyTraffic({ from: 'shop/api', to: 'shop/web' });
  expect(() => expect('shop').toAllowTraffic({ from: 'a/b', to: 'c/d' }))
    .toThrow('expected a cdk8s Chart or App, an array of manifest objects, or a NetworkAnalysis');
});

test('a failure says what was expected and prints the explanation', () => {
  let message = '';
  try {
    expect(shopChart()).toAllowTraffic({ from: 'shop/api', to: 'shop/web', port: 80 });
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toContain('Expected shop/api => shop/web on 80 to be allowed, but it is denied:\n\n'
    + 'DENIED shop/api[Deployment] => shop/web[Deployment] on 80/TCP : No Connections\n');
  expect(message).toContain('ingress of shop/web[Deployment]: isolated by shop/deny-ingress\n  shop/deny-ingress has no ingress rules\n');
});

test('a failing .not says the opposite', () => {
  expect(() => expect(shopChart()).not.toAllowTraffic({ from: 'shop/web', to: 'shop/api', port: 8080 }))
    .toThrow(/Expected shop\/web => shop\/api on 8080 to be denied, but it is allowed:\n\nALLOWED shop\/web\[Deployment\] => shop\/api\[Deployment\] on 8080\/TCP : TCP 8080\n/);
  expect(() => expect(shopChart()).toDenyTraffic({ from: 'shop/web', to: 'shop/api' }))
    .toThrow(/Expected shop\/web => shop\/api to be denied, but it is allowed:/);
});
