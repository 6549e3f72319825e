import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, FIXTURES, SHOP } from './run-cli';
import { reachCommand } from '../../src/cli/reach-command';
import { run } from '../../src/cli/run';

describe('help and version', () => {
  test('--help lists every command, on stdout, exit 0', async () => {
    const { code, stdout, stderr } = await cli('--help');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^Usage: cdk8s-netpol <command> <files\/folders\.\.\.> \[options\]\n/);
    expect(stdout).toContain('\n  reach    Print every allowed connection');
    expect(stdout).toContain('\n  explain  Say why one connection is allowed or denied');
    expect(stdout).toContain('\n  lint     ');
    expect(stdout).toContain('\n  diff     ');
  });

  test.each([['reach', '--help'], ['explain', '-h'], ['lint', '--help'], ['diff', '-h'], ['reach', SHOP, '-o', 'nope', '--help']])('%s %s: the command\'s usage, exit 0', async (...argv) => {
    const { code, stdout } = await cli(...argv);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: cdk8s-netpol ${argv[0]} `));
    expect(stdout).toContain('Exit codes:');
  });

  test('after --, -h is a file name, not a request for help', async () => {
    const { code, stderr } = await cli('reach', '--', '-h');
    expect(code).toBe(2);
    expect(stderr).toBe('cdk8s-netpol: -h: cannot read: no such file or directory\n');
  });

  test('--version prints the package version', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('usage errors exit 2 with the usage', () => {
  test('no command', async () => {
    const { code, stderr } = await cli();
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cdk8s-netpol: no command given\n\nUsage: cdk8s-netpol <command>/);
  });

  test('unknown command', async () => {
    const { code, stderr } = await cli('reachability', SHOP);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cdk8s-netpol: unknown command 'reachability'\n\nUsage: /);
  });

  test('unknown option', async () => {
    const { code, stderr } = await cli('reach', SHOP, '--colour');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cdk8s-netpol: reach: Unknown option '--colour'/);
  });

  test('no input', async () => {
    const { code, stderr } = await cli('reach', '-o', 'json');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cdk8s-netpol: reach: no input: give one or more manifest files or folders\n/);
  });
});

describe('bad input exits 2 with file, line, column, document and field', () => {
  test('a NetworkPolicy the API server would reject', async () => {
    const file = path.join(FIXTURES, 'invalid', 'policy.yaml');
    expect(await cli('reach', file)).toEqual({
      code: 2,
      stdout: '',
      stderr: `cdk8s-netpol: ${file}:10:17: document 0: NetworkPolicy shop/bad-port would be rejected by the API server: `
        + 'spec.ingress[0].ports[0].port: 0 must be between 1 and 65535, inclusive; use a port number from 1 to 65535, or omit port for every port of the protocol\n',
    });
  });

  test('malformed YAML', async () => {
    const { code, stderr } = await cli('explain', path.join(FIXTURES, 'malformed'), '--from', 'a/b', '--to', 'c/d');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cdk8s-netpol: .*broken\.yaml:5:1: document 0: syntax error: Flow sequence/);
  });

  test('a path that does not exist', async () => {
    const missing = path.join(FIXTURES, 'missing');
    expect(await cli('reach', missing)).toEqual({ code: 2, stdout: '', stderr: `cdk8s-netpol: ${missing}: cannot read: no such file or directory\n` });
  });
});

describe('an unexpected error is an internal error: exit 3, not 2, which is for bad input', () => {
  const boom = () => jest.spyOn(reachCommand, 'run').mockImplementation(() => {
    throw new TypeError('boom');
  });
  afterEach(() => jest.restoreAllMocks());

  test('a short message and a hint to rerun with --debug; no stack trace', async () => {
    boom();
    expect(await cli('reach', SHOP)).toEqual({
      code: 3,
      stdout: '',
      stderr: 'cdk8s-netpol: internal error: boom\nThis is a bug in cdk8s-netpol, not a problem with the input; '
        + 'rerun with --debug to see where it happened, and report it with that output.\n',
    });
  });

  test.each([[['--debug', 'reach', SHOP]], [['reach', SHOP, '--debug']]])('%j prints the stack trace', async argv => {
    const spy = boom();
    let stderr = '';
    const code = await run(argv, { stdout: () => undefined, stderr: t => { stderr += t; } });
    expect(code).toBe(3);
    expect(stderr).toMatch(/^cdk8s-netpol: internal error: boom\nTypeError: boom\n\s+at /);
    expect(spy).toHaveBeenCalledWith([SHOP], expect.anything()); // the command never sees --debug
  });

  test('bad input stays exit 2 with --debug, and --debug after -- is a file name', async () => {
    const missing = path.join(FIXTURES, 'missing');
    expect(await cli('--debug', 'reach', missing)).toEqual({ code: 2, stdout: '', stderr: `cdk8s-netpol: ${missing}: cannot read: no such file or directory\n` });
    expect(await cli('reach', '--', '--debug')).toEqual({ code: 2, stdout: '', stderr: 'cdk8s-netpol: --debug: cannot read: no such file or directory\n' });
  });
});
