/**
 * The type-level half of "any cdk8s-plus": an app written against cdk8s-plus-28 or cdk8s-plus-34
 * type-checks with the library. jest only transpiles, so these tests run the TypeScript compiler
 * on an app's source, with the project's own compiler options.
 */
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
/** Where the app's source pretends to live, so that its imports resolve as a test's would. */
const APP_FILE = path.join(__dirname, 'cdk8s-plus-app.ts');
const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'Pod'];

function compilerOptions(): ts.CompilerOptions {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.dev.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: d => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  });
  // Library declarations are checked by the build; only the app's own source is in question here.
  return { ...config!.options, noEmit: true, skipLibCheck: true };
}

/** The compiler's errors in `source`, an app's file that sits beside this test. */
function typeErrors(source: string): string[] {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = name => name === APP_FILE || ts.sys.fileExists(name);
  host.readFile = name => name === APP_FILE ? source : readFile(name);
  host.getSourceFile = (name, language, ...rest) => name === APP_FILE
    ? ts.createSourceFile(name, source, language)
    : getSourceFile(name, language, ...rest);
  const program = ts.createProgram([APP_FILE], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(APP_FILE))
    .map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** An app using every workload kind of `kplus` (an imported cdk8s-plus module) with the library. */
function appOn(kplus: string): string {
  return [
    "import { Chart, Testing } from 'cdk8s';",
    "import * as kplus28 from 'cdk8s-plus-28';",
    "import * as kplus34 from 'cdk8s-plus-34';",
    "import { AllowFrom, IWorkload, Peer, PodSelector, Port, Protocol } from '../../src';",
    "const chart = new Chart(Testing.app(), 'app');",
    "const containers = [{ image: 'app', portNumber: 8080 }];",
    ...KINDS.map(kind => `const ${kind.toLowerCase()} = new ${kplus}.${kind}(chart, '${kind}', { containers });`),
    `const workloads: IWorkload[] = [${KINDS.map(kind => kind.toLowerCase()).join(', ')}];`,
    'new AllowFrom(chart, \'allow\', { pods: PodSelector.workload(deployment), from: [Peer.workload(pod)], ports: [Port.named(\'http\', Protocol.TCP)] });',
    'export { kplus28, kplus34, workloads };',
  ].join('\n');
}

// Each check compiles the library and both cdk8s-plus versions' declarations.
jest.setTimeout(120_000);

test.each(['kplus28', 'kplus34'])('an app on %s type-checks: its Deployment, StatefulSet, DaemonSet, Job and Pod are IWorkloads', kplus => {
  expect(typeErrors(appOn(kplus))).toEqual([]);
});

test('the check sees the failure this shape removes: cdk8s-plus-34 workloads are not cdk8s-plus-28 classes', () => {
  const errors = typeErrors(`${appOn('kplus34')}\nconst old: kplus28.AbstractPod = deployment;\nexport { old };`);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('Types have separate declarations of a private property');
});
