/**
 * scripts/check-bindings.js, which CI runs on the bindings jsii-pacmak generates: it passes a
 * project whose bindings declare the whole API and whose README names each reserved word as each
 * language sees it, and fails, saying what and where, on each way a binding or the table goes wrong.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'check-bindings.js');
const ENTRY_POINTS = ['DefaultDeny', 'AllowFrom', 'Peer', 'Port', 'NetworkAnalysis'];

/** A small project: an assembly of the five entry points, `Port.tcpRange(from, to)` using a word Python reserves. */
function project(): Record<string, string> {
  const types: Record<string, object> = Object.fromEntries(ENTRY_POINTS.map(name => [`cdk8s-netpol.${name}`, { kind: 'class', name }]));
  types['cdk8s-netpol.Port'] = {
    kind: 'class',
    name: 'Port',
    methods: [{ name: 'tcpRange', static: true, parameters: [{ name: 'from' }, { name: 'to' }] }],
  };
  return {
    '.jsii': JSON.stringify({ name: 'cdk8s-netpol', types }),
    'README.md': [
      '# x',
      '',
      '| TypeScript | Python | Java | C# | Go |',
      '|---|---|---|---|---|',
      '| `from` (`Port.tcpRange(from, to)`) | `from_` | `tcpRange(from, to)` | `TcpRange(from, to)` | `Port_TcpRange(from, to)` |',
      '',
    ].join('\n'),
    'dist/python/src/cdk8s_netpol/__init__.py': [
      ...ENTRY_POINTS.filter(name => name !== 'Port').map(name => `class ${name}:\n    pass\n`),
      'class Port:\n    @classmethod\n    def tcp_range(cls, from_, to):\n        pass\n',
    ].join('\n'),
    'dist/java/src/main/java/x/Types.java': ENTRY_POINTS.map(name => `public class ${name} {}`).join('\n')
      + '\n// public static Port tcpRange(final Number from, final Number to)\n',
    'dist/dotnet/X/Types.cs': ENTRY_POINTS.map(name => `public class ${name} {}`).join('\n')
      + '\n// public static Port TcpRange(double from, double to)\n',
    'dist/go/x/types.go': ENTRY_POINTS.map(name => `type ${name} interface{}`).join('\n')
      + '\nfunc Port_TcpRange(from *float64, to *float64) Port { return nil }\n',
  };
}

/** Writes `files` into a new folder and runs the check on it. */
function check(files: Record<string, string | undefined>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-bindings-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      if (text === undefined) continue;
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    const run = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

test('passes bindings that declare every type, and prints where each reserved word is used', () => {
  const result = check(project());
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("reserved word 'from' (Python): Port.tcpRange(from)");
  expect(result.stdout).toContain('Go: 5 of 5 types in dist/go');
});

test('fails when a binding lacks a type of the assembly', () => {
  const files = project();
  files['dist/go/x/types.go'] = files['dist/go/x/types.go'].replace('type Peer interface{}', '');
  const result = check(files);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('dist/go: the Go binding declares no Peer');
});

test('fails when a language was not generated at all', () => {
  const result = check({ ...project(), 'dist/dotnet/X/Types.cs': undefined });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('dist/dotnet: no .cs files: jsii-pacmak generated no C# binding');
});

test('fails when the assembly lacks an entry point the README shows', () => {
  const files = project();
  const assembly = JSON.parse(files['.jsii']);
  delete assembly.types['cdk8s-netpol.NetworkAnalysis'];
  const result = check({ ...files, '.jsii': JSON.stringify(assembly) });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('the assembly has no type NetworkAnalysis');
});

test('fails, at file and line, when the Python binding does not parse', () => {
  const files = project();
  files['dist/python/src/cdk8s_netpol/__init__.py'] += '\ndef tcp_range(from, to):\n    pass\n';
  const result = check(files);
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/the generated Python does not parse: dist\/python\/src\/cdk8s_netpol\/__init__\.py:\d+: invalid syntax/);
});

test('fails when a reserved word the API uses has no row in the README', () => {
  const files = project();
  files['README.md'] = files['README.md'].replace(/^\| `from`.*\n/m, '');
  const result = check(files);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("the reserved-word table has no row for 'from' (reserved in Python; used by Port.tcpRange(from))");
});

test('fails when the README gives a language a name its binding never uses', () => {
  const files = project();
  files['README.md'] = files['README.md'].replace('`from_`', '`frm_`');
  const result = check(files);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("says Python sees 'from' as 'frm_', which the Python binding never uses");
});

test('fails when the README has a row for a word the API no longer uses', () => {
  const files = project();
  files['README.md'] = files['README.md'].replace('|---|---|---|---|---|\n', '|---|---|---|---|---|\n| `in` | `in_` | `in` | `In` | `In` |\n');
  const result = check(files);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("a row for 'in', which the API no longer uses");
});
