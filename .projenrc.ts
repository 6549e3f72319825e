import { cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-netpol',
  description: 'Kubernetes NetworkPolicy constructs for cdk8s that fail closed, and an analyzer that proves what they allow.',
  author: 'cdk8s-netpol developers',
  authorAddress: 'dev@cdk8s-netpol.local',
  repositoryUrl: 'https://example.invalid/cdk8s-netpol.git',
  defaultReleaseBranch: 'main',
  keywords: ['cdk8s', 'kubernetes', 'networkpolicy', 'network-policy', 'security'],
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  // Peer deps. Older cdk8s 2.x drags in a stray release tool; projen's defaults (cdk8s 1, constructs 3) do not install.
  cdk8sVersion: '2.68.100',
  constructsVersion: '10.3.0',
  peerDeps: ['cdk8s-plus-28@^2.5.6'],

  // jsii 6 compiles with TypeScript 6.0; "*" resolves to 7.x, which breaks ts-jest.
  jsiiVersion: '~6.0.16',
  typescriptVersion: '~6.0.3',
  tsconfigDevFile: 'tsconfig.dev.json',

  // Non-jsii runtime deps must be bundled. Argument parsing uses node:util parseArgs.
  bundledDeps: ['yaml@^2.9.1', 'ipaddr.js@^2.2.0'],
  // cdk8s-plus-34: the newest cdk8s-plus, to prove workloads of any cdk8s-plus are accepted by their shape.
  devDeps: ['cdk8s-cli@^2.207.0', 'fast-check@^4', '@types/node@^20', 'cdk8s-plus-34@^2.0.54', 'puppeteer-core@^24'],
  bin: { 'cdk8s-netpol': 'lib/cli/main.js' },

  jestOptions: {
    // Updating a snapshot is a deliberate, reviewed act: `npx projen test:update`.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testPathIgnorePatterns: ['/node_modules/', '/examples/.*/manifests/'],
      // Jest's default is one worker less than the cores: one worker on CI's 2 cores, the suite
      // run serially. The suites are CPU-bound and independent, so both cores run tests.
      maxWorkers: 2,
    },
  },

  // Bindings for the other jsii languages, generated as source only (docs/jsii-languages.md).
  publishToPypi: { distName: 'cdk8s-netpol', module: 'cdk8s_netpol' },
  publishToMaven: { javaPackage: 'io.github.cdk8s_netpol', mavenGroupId: 'io.github.cdk8s-netpol', mavenArtifactId: 'cdk8s-netpol' },
  publishToNuget: { dotNetNamespace: 'Cdk8sNetpol', packageId: 'Cdk8sNetpol' },
  publishToGo: { moduleName: 'github.com/cdk8s-netpol/cdk8s-netpol-go' },

  // No GitHub machinery: CI is .ci/run.
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
});

// Lint with the dev tsconfig (it covers test/, examples/, bench/ and scripts/ too): projen's
// default project service only knows tsconfig.json, which covers src/ alone, and rejects every test file.
const eslintrc = project.tryFindObjectFile('.eslintrc.json');
eslintrc?.addOverride('parserOptions.projectService', false);
eslintrc?.addOverride('parserOptions.project', ['./tsconfig.dev.json', './projenrc/tsconfig.json']);
project.eslint?.addLintPattern('examples');
project.eslint?.addLintPattern('bench');
project.eslint?.addLintPattern('scripts');
project.eslint?.allowDevDeps('examples/**');
project.eslint?.allowDevDeps('bench/**');
project.eslint?.allowDevDeps('scripts/**');

project.gitignore.exclude('/examples/*/manifests/', '/examples/*/node_modules/', '/bench/out/');
project.npmignore?.exclude('/examples/', '/bench/', '/.ci/', '/docs/*', '/scripts/');
// The rule pages and the references that findings and messages link to ship in the package.
project.npmignore?.include('/docs/rules/', '/docs/semantics.md', '/docs/cluster-network-policy.md', '/docs/ci-pipeline.md', '/docs/cluster-context.md', '/docs/reach-output.md', '/docs/cluster-policies.md', '/docs/migrate.md');

// `npm test` and `npm run demo` work on a fresh clone: install first when node_modules is missing or stale.
project.setScript('pretest', 'node scripts/ensure-deps.js');
project.setScript('predemo', 'node scripts/ensure-deps.js');
// `npm pack` (and jsii-pacmak, which calls it) always packs the built library: on a fresh clone it
// installs and compiles first, and it compiles again when a source changed since the last build.
project.setScript('prepack', 'node scripts/ensure-deps.js && node scripts/ensure-built.js');
project.addTask('demo', {
  description: 'Synthesize examples/three-tier with the cdk8s CLI and print what its policies allow',
  steps: [
    // No upgrade check: it calls the npm registry and prints a stack trace when offline.
    { exec: 'cdk8s synth --no-check-upgrade', cwd: 'examples/three-tier' },
    // The synthesized shop, plus what the cluster already runs (CoreDNS, ingress-nginx: docs/cluster-context.md).
    { exec: 'ts-node --transpile-only src/cli/main.ts reach examples/three-tier/manifests --context coredns,ingress-nginx' },
  ],
});

// No registry for the other languages' packages (PyPI, Maven Central, NuGet) nor their toolchains is
// reachable, so each binding is generated as source, not built; `bindings` generates all four and
// checks that each declares the whole API (docs/jsii-languages.md). CI runs it.
const bindings = project.addTask('bindings', {
  description: 'Generate the Python, Java, C# and Go bindings as source under dist/ and check them',
});
for (const language of ['python', 'java', 'dotnet', 'go']) {
  const generate = project.tasks.tryFind(`package:${language}`);
  if (!generate) throw new Error(`projen wrote no package:${language} task for the jsii target`);
  generate.reset(`jsii-pacmak --target ${language} --code-only`);
  bindings.spawn(generate);
}
bindings.exec('node scripts/check-bindings.js');

// Not a jest test: it installs from the npm registry. CI runs it after the build (.ci/run).
project.addTask('consumer-test', {
  description: 'Pack the library and adopt it in a new cdk8s typescript-app exactly as README.md says (scripts/consumer-test.ts)',
  exec: 'ts-node --transpile-only scripts/consumer-test.ts',
});

// docs/patterns.md is generated from the tested examples; test/patterns/patterns-doc.test.ts fails when it is stale.
project.addTask('docs:patterns', {
  description: 'Regenerate docs/patterns.md from examples/patterns',
  exec: 'ts-node --transpile-only scripts/generate-patterns-doc.ts',
});

// Benchmarks are scripts, not tests: compiled once, each measurement in its own process (docs/performance.md).
project.addTask('bench', {
  description: 'Run the benchmarks (bench/run.ts); --quick for a smoke run',
  exec: 'tsc -p bench/tsconfig.json && node bench/out/js/bench/run.js',
  receiveArgs: true,
});

project.synth();
