/** Acknowledgements recorded in the manifests (acknowledge.cdk8s-netpol.io/<rule-id>: <reason>) are honoured by every output of lint. */
import * as path from 'node:path';
import { fixturePath, lintFixture } from './fixtures';
import { captureIo } from './io';
import { acknowledgementAnnotation, failingFindings, lint, RULES } from '../../src/analysis/lint';
import { buildModel } from '../../src/analysis/model-builder';
import { lintCommand } from '../../src/cli/lint-command';
import { parseDocuments } from '../../src/io/parse-documents';
import { lintToJson } from '../../src/render/lint-json';
import { lintToText } from '../../src/render/lint-txt';
import { lintToSarif } from '../../src/render/sarif';

const ACKNOWLEDGED = fixturePath('acknowledged/dns-egress-missing.yaml');

function lintYaml(text: string) {
  return lint(buildModel(parseDocuments(text, 'inline.yaml')));
}

const denyAll = (annotations: string) => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop, annotations: {${annotations}}}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, image: i}]}}}
`;

describe('the lint core', () => {
  test('the annotation key names the rule', () => {
    expect(acknowledgementAnnotation('dns-egress-missing')).toBe('acknowledge.cdk8s-netpol.io/dns-egress-missing');
  });

  test('a finding whose object acknowledges its rule carries the reason and fails nothing', () => {
    const [finding] = lintFixture('acknowledged/dns-egress-missing.yaml');
    expect(finding).toMatchObject({ ruleId: 'dns-egress-missing', acknowledged: 'batch pods that resolve nothing' });
    expect(failingFindings([finding], 'info')).toEqual([]);
  });

  test('without the annotation, or with another rule\'s, or with an empty reason, the finding stands', () => {
    const dns = (annotations: string) => lintYaml(denyAll(annotations)).filter(f => f.ruleId === 'dns-egress-missing');
    expect(dns('')).toEqual([expect.not.objectContaining({ acknowledged: expect.anything() })]);
    expect(dns('acknowledge.cdk8s-netpol.io/unprotected-workload: fine')[0].acknowledged).toBeUndefined();
    expect(dns('"acknowledge.cdk8s-netpol.io/dns-egress-missing": "  "')[0].acknowledged).toBeUndefined();
    expect(failingFindings(dns(''), 'error')).toHaveLength(1);
  });

  test('a workload acknowledges the findings about it', () => {
    const text = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-ingress, namespace: shop}
spec: {podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, image: i}]}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: debug, namespace: shop, annotations: {acknowledge.cdk8s-netpol.io/unprotected-workload: "a debugging shell, open on purpose"}}
spec: {template: {metadata: {labels: {app: debug}}, spec: {containers: [{name: c, image: i}]}}}
`;
    const [finding] = lintYaml(text).filter(f => f.ruleId === 'unprotected-workload');
    expect(finding).toMatchObject({ subject: { kind: 'Deployment', name: 'debug' }, acknowledged: 'a debugging shell, open on purpose' });
  });
});

describe('the outputs', () => {
  const findings = lintFixture('acknowledged/dns-egress-missing.yaml');

  test('txt: not listed, counted by rule', () => {
    expect(lintToText(findings)).toBe('No findings (1 acknowledged (dns-egress-missing), not counted; -o json lists them with their reasons).\n');
    const mixed = [...findings, ...lintFixture('policy-selects-nothing/bad.yaml').filter(f => f.ruleId === 'policy-selects-nothing')];
    const text = lintToText(mixed);
    expect(text).not.toContain('default-deny-all');
    expect(text).toContain('1 finding: 1 warning; 1 acknowledged (dns-egress-missing), not counted');
  });

  test('json: listed with the reason, not in the severity counts', () => {
    const json = JSON.parse(lintToJson(findings));
    expect(json.findings[0]).toMatchObject({ ruleId: 'dns-egress-missing', acknowledged: 'batch pods that resolve nothing' });
    expect(json.summary).toEqual({ error: 0, warning: 0, info: 0, acknowledged: 1 });
  });

  test('SARIF: a result with an inSource suppression whose justification is the reason', () => {
    const sarif = JSON.parse(lintToSarif(findings, RULES, { baseDir: path.join(__dirname, '..', '..') }));
    expect(sarif.runs[0].results[0].suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'batch pods that resolve nothing' }]);
    const unacknowledged = JSON.parse(lintToSarif(lintFixture('dns-egress-missing/bad.yaml'), RULES));
    expect(unacknowledged.runs[0].results[0]).not.toHaveProperty('suppressions');
  });

  test('the command exits 0 when every error is acknowledged, 1 when one is not', async () => {
    expect(await lintCommand.run([ACKNOWLEDGED], captureIo())).toBe(0);
    expect(await lintCommand.run([fixturePath('dns-egress-missing/bad.yaml')], captureIo())).toBe(1);
  });
});
