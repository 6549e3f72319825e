/**
 * The end-to-end consumer test: a new cdk8s app adopts the library exactly as README.md's
 * "Use it in your app" section says, from a packed tarball, with dependencies from the registry.
 *
 * 1. Copies this repository's files (tracked and untracked, not ignored: no node_modules, no lib/)
 *    to a temporary `cdk8s-netpol/`, as a fresh clone has them.
 * 2. Lays out `my-app/` beside it as `cdk8s init typescript-app` does: the cdk8s CLI's own
 *    template, its variables substituted with the versions the CLI would write, and
 *    `npm install`. The template's post-install hook is not run: it also runs `cdk8s import k8s`,
 *    which downloads from GitHub.
 * 3. Runs every block of README.md marked `<!-- consumer-test: … -->`, in order:
 *      run in DIR            a shell block, in DIR (`cdk8s-netpol` or `my-app`)
 *      run offline in DIR    the same, with no network at all (`unshare -n`) and an empty HOME
 *      write DIR/FILE        the block is the file's content
 *      append to DIR/FILE    the block is added at the end of the file
 *      output of the block above   the previous run block must print exactly this
 *    Every code block of the "Use it in your app" section must be marked, so the section and
 *    this test cannot drift apart.
 * 4. Checks what those steps must have done: the tarball holds the built library, the plugin's
 *    validation report, the manifests, an allowed flow present and a denied one absent in
 *    `reach`, no registry access while offline; then compiles the app with the template's own
 *    tsconfig (`npm run compile`).
 *
 * Prints one line, `consumer-test: PASS` or `consumer-test: FAIL: …`, and exits 0 or 1.
 * Run: npx projen consumer-test (CONSUMER_TEST_KEEP=1 keeps the temporary folder).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const README = path.join(ROOT, 'README.md');
const SECTION = '## Use it in your app';
const LIBRARY_DIR = 'cdk8s-netpol';
const APP_DIR = 'my-app';
const FOLDERS = [LIBRARY_DIR, APP_DIR];
const STEP_TIMEOUT_MS = 10 * 60 * 1000;

/** What a marked code block of README.md asks for, and where it is. */
export type Step = { readonly line: number; readonly marker: string; readonly text: string } & (
  | { readonly kind: 'run'; readonly dir: string; readonly offline: boolean }
  | { readonly kind: 'write' | 'append'; readonly file: string }
  | { readonly kind: 'output' }
);

/** What a shell step printed. */
interface Output {
  readonly stdout: string;
  readonly stderr: string;
}

export class ConsumerTestFailure extends Error {}

function fail(message: string): never {
  throw new ConsumerTestFailure(message);
}

/**
 * The README's marked blocks, in order, checked before anything runs. A marker must be followed
 * by a fenced block; every fenced block of SECTION must have a marker.
 */
export function readmeSteps(markdown: string): Step[] {
  const lines = markdown.split('\n');
  const steps: Step[] = [];
  let section = false;
  let pending: { marker: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('## ')) section = line.trim() === SECTION;
    const marker = /^<!-- consumer-test: (.+?) -->\s*$/.exec(line);
    if (marker) {
      if (pending) fail(`README.md:${pending.line}: marker "${pending.marker}" is not followed by a code block`);
      pending = { marker: marker[1], line: i + 1 };
      continue;
    }
    if (!line.startsWith('```')) {
      if (pending && line.trim() !== '') fail(`README.md:${pending.line}: marker "${pending.marker}" must be directly followed by a code block`);
      continue;
    }
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (end < 0) fail(`README.md:${i + 1}: code block is never closed`);
    if (pending) {
      steps.push(parseMarker(pending.marker, i + 1, lines.slice(i + 1, end).join('\n') + '\n', steps));
      pending = undefined;
    } else if (section) {
      fail(`README.md:${i + 1}: this code block of "${SECTION}" is not run by the consumer test; put a <!-- consumer-test: … --> marker before it (see scripts/consumer-test.ts)`);
    }
    i = end;
  }
  if (pending) fail(`README.md:${pending.line}: marker "${pending.marker}" is not followed by a code block`);
  if (steps.length === 0) fail(`README.md has no <!-- consumer-test: … --> blocks; "${SECTION}" must have them`);
  return steps;
}

/** The step a marker names, for the block at README.md:`line`. */
function parseMarker(marker: string, line: number, text: string, before: Step[]): Step {
  const at = { line, marker, text };
  if (marker === 'output of the block above') {
    if (before[before.length - 1]?.kind !== 'run') fail(`README.md:${line}: "${marker}" must follow a run block`);
    return { ...at, kind: 'output' };
  }
  const parsed = /^(run offline in|run in|write|append to) (\S+)$/.exec(marker)
    ?? fail(`README.md:${line}: unknown consumer-test marker "${marker}"; use run in DIR, run offline in DIR, write DIR/FILE, append to DIR/FILE or output of the block above`);
  const [, verb, where] = parsed;
  if (!FOLDERS.includes(where.split('/')[0]) || where.split('/').includes('..')) {
    fail(`README.md:${line}: "${marker}" names ${where}; use a path in ${FOLDERS.join(' or ')}`);
  }
  if (verb === 'write') return { ...at, kind: 'write', file: where };
  if (verb === 'append to') return { ...at, kind: 'append', file: where };
  return { ...at, kind: 'run', dir: where, offline: verb === 'run offline in' };
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, what: string): Output {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: STEP_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024 });
  const output = { stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  const shown = (output.stdout + output.stderr).trimEnd();
  if (shown) console.log(shown.replace(/^/gm, '    '));
  if (result.error) fail(`${what}: ${result.error.message}`);
  if (result.status !== 0) fail(`${what}: exit code ${result.status ?? result.signal}`);
  return output;
}

/** Whether this process may start a command in a network namespace of its own (root, Linux). */
function canCutNetwork(): boolean {
  return spawnSync('unshare', ['-n', 'true']).status === 0;
}

/** Lines without trailing blanks, and no blank lines at the end. */
function normalized(text: string): string {
  return text.split('\n').map(l => l.trimEnd()).join('\n').trimEnd();
}

/** The library's files as a fresh clone has them (the working tree's, so local changes are tested). */
function copyRepository(to: string) {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) fail(`git ls-files: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(f => f && fs.existsSync(path.join(ROOT, f)))) {
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(to, file));
  }
}

/**
 * The variables `cdk8s init` substitutes into its templates (cdk8s-cli lib/cli/cmds/init.js,
 * determineDeps): the versions of cdk8s and cdk8s-plus that the CLI itself resolves, its
 * constructs range and its own version.
 */
function templateVariables(cliDir: string): Record<string, string> {
  const cli = JSON.parse(fs.readFileSync(path.join(cliDir, 'package.json'), 'utf8'));
  const fromInit = path.join(cliDir, 'lib', 'cli', 'cmds');
  const version = (module: string) => JSON.parse(fs.readFileSync(require.resolve(`${module}/package.json`, { paths: [fromInit] }), 'utf8')).version;
  const plus = Object.keys(cli.dependencies).find(dep => /^cdk8s-plus-\d+$/.test(dep)) ?? fail('cdk8s-cli depends on no cdk8s-plus-NN');
  return {
    cdk8s_core_version: version('cdk8s'),
    cdk8s_plus_version: version(plus),
    constructs_version: cli.dependencies.constructs.replace('^', ''),
    cdk8s_cli_spec: `^${cli.version}`,
  };
}

/** `cdk8s init typescript-app` without its post-install hook, with the CLI's own scaffolding library. */
async function scaffoldApp(tmp: string, appDir: string) {
  const cliDir = path.dirname(require.resolve('cdk8s-cli/package.json', { paths: [ROOT] }));
  const template = path.join(tmp, '.template');
  fs.cpSync(path.join(cliDir, 'templates', 'typescript-app'), template, { recursive: true });
  fs.rmSync(path.join(template, '.hooks.sscaff.js'));
  const { sscaff } = await import(require.resolve('sscaff', { paths: [cliDir] }));
  await sscaff(template, appDir, templateVariables(cliDir));
  fs.rmSync(template, { recursive: true });
  for (const file of fs.readdirSync(appDir, { recursive: true }) as string[]) {
    const full = path.join(appDir, file);
    if (file.includes('{{') || (fs.statSync(full).isFile() && fs.readFileSync(full, 'utf8').includes('{{'))) {
      fail(`the typescript-app template has a variable this test does not substitute, in ${file}; update templateVariables()`);
    }
  }
}

async function main() {
  const started = Date.now();
  const steps = readmeSteps(fs.readFileSync(README, 'utf8'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-consumer-'));
  const keep = process.env.CONSUMER_TEST_KEEP === '1';
  console.log(`consumer-test: in ${tmp}`);
  const offline = canCutNetwork();
  if (!offline) console.log('consumer-test: NOTE: unshare -n is not available here, so the offline steps run with the network');

  // npm's lifecycle variables of whatever started this script must not leak into the app's npm.
  const baseEnv: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  // Installs may use the registry; --prefer-offline answers from the npm cache when it can.
  const installEnv = { ...baseEnv, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  // Offline steps get an empty HOME: no plugin the CLI installed before (~/.cdk8s/plugins), no cached upgrade check.
  const home = path.join(tmp, 'home');
  fs.mkdirSync(home);
  const offlineEnv = { ...installEnv, HOME: home };

  try {
    console.log(`consumer-test: copying the repository to ${LIBRARY_DIR}/`);
    copyRepository(path.join(tmp, LIBRARY_DIR));
    console.log(`consumer-test: ${APP_DIR}/ from the cdk8s CLI's typescript-app template, then npm install`);
    const app = path.join(tmp, APP_DIR);
    await scaffoldApp(tmp, app);
    run('npm', ['install'], app, installEnv, 'npm install in the new app');

    const outputs: Output[] = [];
    for (const step of steps) {
      const where = `README.md:${step.line} (${step.marker})`;
      console.log(`consumer-test: ${where}`);
      if (step.kind === 'write') {
        fs.writeFileSync(path.join(tmp, step.file), step.text);
      } else if (step.kind === 'append') {
        const file = path.join(tmp, step.file);
        if (!fs.existsSync(file)) fail(`${where}: ${step.file} does not exist to be appended to`);
        fs.appendFileSync(file, step.text);
      } else if (step.kind === 'run') {
        const script = ['bash', '-euo', 'pipefail', '-c', step.text];
        const [command, ...args] = step.offline && offline ? ['unshare', '-n', ...script] : script;
        outputs.push(run(command, args, path.join(tmp, step.dir), step.offline ? offlineEnv : installEnv, where));
      } else {
        const printed = outputs[outputs.length - 1].stdout;
        if (normalized(printed) !== normalized(step.text)) fail(`${where}: the block above printed\n${printed}\nbut README.md shows\n${step.text}`);
      }
    }

    console.log('consumer-test: checking what the README\'s steps did');
    checkResults(tmp, outputs);
    run('npm', ['run', 'compile'], app, installEnv, 'npm run compile (tsc --build with the template\'s tsconfig)');
  } finally {
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`consumer-test: PASS (${steps.length} README blocks run in a new typescript-app${offline ? ', synth and tests with no network' : ''}; ${seconds} s)`);
}

/** The outcomes the README promises, beyond each step's exit code. */
function checkResults(tmp: string, outputs: Output[]) {
  const printed = outputs.map(o => o.stdout + o.stderr).join('\n');
  const tarballs = fs.readdirSync(path.join(tmp, LIBRARY_DIR)).filter(f => f.endsWith('.tgz'));
  if (tarballs.length !== 1) fail(`npm pack should have written one tarball in ${LIBRARY_DIR}/, found: ${tarballs.join(', ') || 'none'}`);
  const packed = spawnSync('tar', ['-tzf', tarballs[0]], { cwd: path.join(tmp, LIBRARY_DIR), encoding: 'utf8' }).stdout.split('\n');
  for (const file of ['package/lib/index.js', 'package/lib/index.d.ts', 'package/lib/testing/index.js', 'package/.jsii']) {
    if (!packed.includes(file)) fail(`${tarballs[0]} has no ${file.replace('package/', '')}: npm pack did not pack the built library`);
  }
  const manifests = path.join(tmp, APP_DIR, 'dist');
  if (!fs.existsSync(manifests) || !fs.readdirSync(manifests).some(f => /\.ya?ml$/.test(f))) fail('cdk8s synth wrote no manifest to my-app/dist/');
  const yaml = fs.readdirSync(manifests).map(f => fs.readFileSync(path.join(manifests, f), 'utf8')).join('\n');
  if (!/^kind: NetworkPolicy$/m.test(yaml)) fail('my-app/dist/ has no NetworkPolicy');
  if (!/Validation Report \(.*cdk8s-netpol@/.test(printed)) fail('cdk8s synth printed no validation report of the cdk8s-netpol plugin: the plugin did not run');
  if (!/Status\s*│\s*success/.test(printed)) fail('the cdk8s-netpol plugin\'s validation report does not say success');
  if (/Installing validation plugin|EAI_AGAIN|ENOTFOUND|ECONNREFUSED|http error/.test(printed)) {
    fail('a step tried to reach the network (plugin install or upgrade check); see its output above');
  }
  const reach = printed.split('\n');
  const allowed = 'shop/web[Deployment] => shop/api[Deployment] : TCP 9000';
  if (!reach.includes(allowed)) fail(`reach does not list the allowed flow "${allowed}"`);
  if (reach.some(l => l.startsWith('shop/api[Deployment] => shop/web[Deployment]'))) fail('reach lists shop/api => shop/web, which the policies deny');
}

if (require.main === module) {
  main().catch((e: unknown) => {
    const message = e instanceof ConsumerTestFailure ? e.message : (e as Error).stack ?? String(e);
    console.log(`consumer-test: FAIL: ${message}`);
    process.exitCode = 1;
  });
}
