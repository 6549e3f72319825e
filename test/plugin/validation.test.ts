/** The plugin against a recording stand-in for the cdk8s CLI's ValidationContext. */
import { NetworkPolicyLintValidation } from '../../src/plugin';
import { fixturePath } from '../lint/fixtures';

function fakeContext(manifests: string[]) {
  const violations: any[] = [];
  let submitted: { status: string; metadata?: Record<string, string> } | undefined;
  return {
    manifests,
    report: {
      addViolation: (v: any) => violations.push(v),
      submit: (status: string, metadata?: Record<string, string>) => { submitted = { status, metadata }; },
    },
    violations,
    submitted: () => submitted,
  };
}

describe('NetworkPolicyLintValidation', () => {
  test('a finding becomes a violation of its rule, located at the resource by name; an error fails the report', async () => {
    const context = fakeContext([fixturePath('dns-egress-missing/bad.yaml')]);
    await new NetworkPolicyLintValidation({}).validate(context);
    expect(context.violations).toEqual([{
      ruleName: 'dns-egress-missing (error)',
      recommendation: expect.stringContaining('no egress rule allows it DNS'),
      fix: expect.stringContaining('docs/rules/dns-egress-missing.md'),
      violatingResources: [{
        resourceName: 'default-deny-all',
        locations: [expect.stringMatching(/^shop\/default-deny-all: spec\.policyTypes: .* -- fix: allow UDP and TCP 53/)],
        manifestPath: fixturePath('dns-egress-missing/bad.yaml'),
      }],
    }]);
    expect(context.submitted()).toEqual({ status: 'failure', metadata: { 'findings': '1', 'acknowledged': '0', 'fail-on': 'error' } });
  });

  test('warnings are listed but pass unless failOn says otherwise', async () => {
    const lenient = fakeContext([fixturePath('policy-selects-nothing/bad.yaml')]);
    await new NetworkPolicyLintValidation().validate(lenient);
    expect(lenient.violations.map(v => v.ruleName)).toEqual(['policy-selects-nothing (warning)', 'unprotected-workload (warning)']);
    expect(lenient.submitted()?.status).toBe('success');

    const strict = fakeContext([fixturePath('policy-selects-nothing/bad.yaml')]);
    await new NetworkPolicyLintValidation({ failOn: 'warning', disable: ['unprotected-workload'] }).validate(strict);
    expect(strict.violations.map(v => v.ruleName)).toEqual(['policy-selects-nothing (warning)']);
    expect(strict.submitted()?.status).toBe('failure');
  });

  test('an acknowledged finding is no violation: counted in the metadata, and the report passes', async () => {
    const context = fakeContext([fixturePath('acknowledged/dns-egress-missing.yaml')]);
    await new NetworkPolicyLintValidation().validate(context);
    expect(context.violations).toEqual([]);
    expect(context.submitted()).toEqual({ status: 'success', metadata: { 'findings': '0', 'acknowledged': '1', 'fail-on': 'error' } });
  });

  test('clean manifests pass with no violation', async () => {
    const context = fakeContext([fixturePath('three-tier-good.yaml')]);
    await new NetworkPolicyLintValidation().validate(context);
    expect(context.violations).toEqual([]);
    expect(context.submitted()?.status).toBe('success');
  });

  test('unreadable input is one failing violation, not a crash of the CLI', async () => {
    const context = fakeContext([fixturePath('does-not-exist.yaml')]);
    await new NetworkPolicyLintValidation().validate(context);
    expect(context.violations[0].ruleName).toBe('invalid-manifest');
    expect(context.submitted()?.status).toBe('failure');
  });

  test('bad properties are refused when the CLI builds the plugin', () => {
    expect(() => new NetworkPolicyLintValidation({ failOn: 'fatal' })).toThrow(/'failOn' is 'fatal'/);
    expect(() => new NetworkPolicyLintValidation({ disable: ['nope'] })).toThrow(/unknown rule id nope/);
  });
});
