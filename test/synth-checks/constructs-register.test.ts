import { App, Chart, Testing } from 'cdk8s';
import { DefaultDeny, DnsEgress, NetworkLint } from '../../src';

// The constructs register the chart-level lint themselves: users get it from app.synth() without wiring anything.
function shop(): { app: App; chart: Chart } {
  const app = Testing.app();
  return { app, chart: new Chart(app, 'shop', { namespace: 'shop' }) };
}

test('a DefaultDeny that isolates egress without DNS fails app.synth() naming the construct path and the fix', () => {
  const { app, chart } = shop();
  new DefaultDeny(chart, 'deny');
  expect(() => app.synth()).toThrow(/shop\/deny: dns-egress-missing: .*spec\.policyTypes.*DnsEgress does this.*NetworkLint\.acknowledge/s);
});

test('the same chart with DnsEgress synthesizes', () => {
  const { app, chart } = shop();
  new DefaultDeny(chart, 'deny');
  new DnsEgress(chart, 'dns');
  expect(() => app.synth()).not.toThrow();
});

test('an ingress-only DefaultDeny needs no DNS', () => {
  const { app, chart } = shop();
  new DefaultDeny(chart, 'deny', { egress: false });
  expect(() => app.synth()).not.toThrow();
});

test('a finding acknowledged on purpose no longer fails synth', () => {
  const { app, chart } = shop();
  const deny = new DefaultDeny(chart, 'deny');
  NetworkLint.acknowledge(deny, 'dns-egress-missing', 'these batch pods resolve nothing');
  expect(() => app.synth()).not.toThrow();
});
