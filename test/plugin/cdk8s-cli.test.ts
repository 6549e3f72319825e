/**
 * End to end: the real `cdk8s synth` (this repo's cdk8s-cli) on a small app in a temporary
 * directory, with a cdk8s.yaml whose `validations:` loads this package's plugin. The CLI loads
 * plugins with a plain `require`, so a two-line shim registers ts-node (transpile only) and
 * re-exports src/plugin; the app runs under ts-node the same way. No build step, and no
 * network (`--no-check-upgrade` skips the CLI's query to npm).
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
const CDK8S_CLI = path.join(REPO, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const TS_NODE = path.join(REPO, 'node_modules', 'ts-node');

/** The example app as shipped: it must pass. */
const GOOD_APP = `
import { App } from 'cdk8s';
import { buildThreeTier } from ${JSON.stringify(path.join(REPO, 'examples', 'three-tier', 'main'))};
const app = new App();
buildThreeTier(app);
app.synth();
`;

/** Hand-written L1 objects (no cdk8s-netpol construct, so no synth-time check): a default deny of egress and no DNS. */
const BAD_APP = `
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
const app = new App();
const chart = new Chart(app, 'legacy', { namespace: 'legacy' });
new kplus.k8s.KubeDeployment(chart, 'api', {
  metadata: { name: 'api' },
  spec: {
    selector: { matchLabels: { app: 'api' } },
    template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'example/api' }] } },
  },
});
new kplus.k8s.KubeNetworkPolicy(chart, 'lockdown', {
  metadata: { name: 'lockdown' },
  spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
});
app.synth();
`;

interface SynthResult {
  readonly status: number | null;
  readonly output: string;
  readonly report: any;
}

async function synth(appSource: string): Promise<SynthResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-plugin-'));
  try {
    fs.writeFileSync(path.join(dir, 'main.ts'), appSource);
    fs.writeFileSync(path.join(dir, 'netpol-plugin.js'),
      `require(${JSON.stringify(TS_NODE)}).register({ transpileOnly: true, project: ${JSON.stringify(path.join(REPO, 'tsconfig.dev.json'))} });\n`
      + `module.exports = require(${JSON.stringify(path.join(REPO, 'src', 'plugin'))});\n`);
    fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), [
      'language: typescript',
      `app: node -r ${path.join(TS_NODE, 'register', 'transpile-only')} main.ts`,
      'output: dist',
      'validations:',
      `  - package: ${path.join(dir, 'netpol-plugin.js')}`,
      '    class: NetworkPolicyLintValidation',
      '    version: 0.0.0',
      '',
    ].join('\n'));
    const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>(resolve => {
      execFile(process.execPath, [CDK8S_CLI, 'synth', '--no-check-upgrade', '--validation-reports-output-file', 'report.json'], {
        cwd: dir,
        // The app lives outside the repo: let it find cdk8s, cdk8s-plus-28 and ts-node there, and compile with the repo's settings.
        env: { ...process.env, NODE_PATH: path.join(REPO, 'node_modules'), TS_NODE_PROJECT: path.join(REPO, 'tsconfig.dev.json') },
        timeout: 90_000,
      }, (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }));
    });
    const reportFile = path.join(dir, 'report.json');
    return {
      status: result.status,
      output: `${result.stdout}\n${result.stderr}`,
      report: fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : undefined,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('cdk8s synth with the NetworkPolicyLintValidation plugin', () => {
  let bad: SynthResult;
  let good: SynthResult;

  // Both synths at once: each spends most of its time loading modules.
  beforeAll(async () => {
    [bad, good] = await Promise.all([synth(BAD_APP), synth(GOOD_APP)]);
  }, 120_000);

  test('a bad app: the CLI report shows the finding with its construct path, and synth fails', () => {
    const { status, output, report } = bad;
    expect(output).toContain('dns-egress-missing (error)');
    expect(output).toContain('Construct Path: legacy/lockdown');
    expect(output).toContain('Validation failed');
    expect(status).toBe(2);
    const [cliReport] = report.reports;
    expect(cliReport.summary.status).toBe('failure');
    expect(cliReport.violations[0].violatingConstructs[0]).toMatchObject({
      constructPath: 'legacy/lockdown',
      resourceName: 'lockdown',
      locations: [expect.stringContaining('legacy/lockdown: spec.policyTypes: isolates egress of legacy/api[Deployment]')],
    });
  });

  test('the example three-tier app passes', () => {
    const { status, output, report } = good;
    expect(output).toContain('Validations ended succesfully');
    expect(status).toBe(0);
    expect(report.reports[0]).toMatchObject({ summary: { status: 'success' }, violations: [] });
  });
});
