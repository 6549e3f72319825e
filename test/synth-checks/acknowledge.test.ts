import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { DefaultDeny, DnsEgress, NetworkLint } from '../../src';

const KEY = 'acknowledge.cdk8s-netpol.io/dns-egress-missing';

function chart(): Chart {
  return new Chart(Testing.app(), 'shop', { namespace: 'shop' });
}

function manifest(c: Chart, name: string): any {
  return Testing.synth(c).find(o => o.metadata.name === name);
}

describe('NetworkLint.acknowledge', () => {
  test('the synth-time check passes, and the manifest says why, for the YAML lint and reviewers', () => {
    const c = chart();
    const deny = new DefaultDeny(c, 'deny', { name: 'deny' });
    expect(() => Testing.synth(c)).toThrow(/dns-egress-missing/);
    NetworkLint.acknowledge(deny, 'dns-egress-missing', 'batch pods resolve nothing');
    expect(manifest(c, 'deny').metadata.annotations).toEqual({ [KEY]: 'batch pods resolve nothing' });
  });

  test('on a chart: every library policy in it carries the annotation, even one defined afterwards', () => {
    const c = chart();
    NetworkLint.acknowledge(c, 'dns-egress-missing', 'resolved by the sidecar');
    new DefaultDeny(c, 'deny', { name: 'deny' });
    expect(manifest(c, 'deny').metadata.annotations).toEqual({ [KEY]: 'resolved by the sidecar' });
  });

  test('on a chart: other ApiObjects already in it carry the annotation too; later ones and other charts do not', () => {
    const app = new App();
    const c = new Chart(app, 'shop', { namespace: 'shop' });
    new ApiObject(c, 'before', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'before' } });
    NetworkLint.acknowledge(c, 'dns-egress-missing', 'reason');
    new ApiObject(c, 'after', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'after' } });
    const other = new Chart(app, 'other');
    new DefaultDeny(other, 'deny', { name: 'deny', egress: false });
    expect(manifest(c, 'before').metadata.annotations).toEqual({ [KEY]: 'reason' });
    expect(manifest(c, 'after').metadata.annotations).toBeUndefined();
    expect(manifest(other, 'deny').metadata.annotations).toBeUndefined();
  });

  test('an acknowledgement of one rule does not hide another', () => {
    const c = chart();
    new DefaultDeny(c, 'deny');
    NetworkLint.acknowledge(c, 'one-sided-connection', 'not this one');
    expect(() => Testing.synth(c)).toThrow(/dns-egress-missing/);
    new DnsEgress(c, 'dns');
    expect(() => Testing.synth(c)).not.toThrow();
  });

  test('refuses an unknown rule id and an empty reason, naming the scope', () => {
    const c = chart();
    expect(() => NetworkLint.acknowledge(c, 'dns-egres-missing', 'typo')).toThrow(
      /^NetworkLint\.acknowledge\(shop, 'dns-egres-missing'\): 'dns-egres-missing' is not a lint rule id; use one of .*dns-egress-missing/);
    expect(() => NetworkLint.acknowledge(c, 'dns-egress-missing', '  ')).toThrow(/give a reason/);
  });
});
