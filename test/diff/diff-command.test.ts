/** `cdk8s-netpol diff` end to end on two fixture sets, and its three renderings. */
import { UsageError } from '../../src/cli/command';
import { diffCommand } from '../../src/cli/diff-command';
import { fixturePath } from '../lint/fixtures';
import { captureIo } from '../lint/io';

// The fixed one-sided-connection example adds db's ingress from api: exactly one connection appears.
const BEFORE = fixturePath('one-sided-connection/bad.yaml');
const AFTER = fixturePath('one-sided-connection/fixed.yaml');

describe('cdk8s-netpol diff', () => {
  test('txt: np-guard style lines', async () => {
    const io = captureIo();
    expect(await diffCommand.run([BEFORE, AFTER], io)).toBe(0);
    expect(io.out).toBe('Connectivity diff:\n'
      + 'diff-type: added, source: shop/api[Deployment], destination: shop/db[StatefulSet], dir1: No Connections, dir2: TCP 5432\n');
  });

  test('the reverse direction is a removal; the same input twice is no change', async () => {
    const io = captureIo();
    await diffCommand.run([AFTER, BEFORE], io);
    expect(io.out).toContain('diff-type: removed, source: shop/api[Deployment], destination: shop/db[StatefulSet], dir1: TCP 5432, dir2: No Connections');
    const same = captureIo();
    await diffCommand.run([BEFORE, BEFORE], same);
    expect(same.out).toBe('No connectivity changes.\n');
  });

  test('md: a pull-request comment with a summary and a table', async () => {
    const io = captureIo();
    await diffCommand.run([BEFORE, AFTER, '-o', 'md'], io);
    expect(io.out).toBe([
      '### NetworkPolicy connectivity diff',
      '',
      '**1 added, 0 removed, 0 changed**',
      '',
      '#### Added (1)',
      '',
      '| Source | Destination | Connections |',
      '|--------|-------------|-------------|',
      '| `shop/api[Deployment]` | `shop/db[StatefulSet]` | TCP 5432 |',
      '',
    ].join('\n'));
  });

  test('json: pairs by id, connection sets as text, counts', async () => {
    const io = captureIo();
    await diffCommand.run(['-o', 'json', BEFORE, AFTER], io);
    expect(JSON.parse(io.out)).toEqual({
      added: [{ src: 'shop/api[Deployment]', dst: 'shop/db[StatefulSet]', conns: 'TCP 5432' }],
      removed: [],
      changed: [],
      summary: { added: 1, removed: 0, changed: 0 },
    });
  });

  test('--fail-on-added: exit 1 when something new is allowed, 0 when only removed', async () => {
    expect(await diffCommand.run([BEFORE, AFTER, '--fail-on-added'], captureIo())).toBe(1);
    expect(await diffCommand.run([AFTER, BEFORE, '--fail-on-added'], captureIo())).toBe(0);
  });

  test.each([
    [[BEFORE], /exactly two paths/],
    [[BEFORE, AFTER, '-o', 'csv'], /unknown output format 'csv'/],
    [[BEFORE, AFTER, '--bogus'], /bogus/],
  ])('usage error for %j', async (argv, message) => {
    await expect(async () => diffCommand.run(argv, captureIo())).rejects.toThrow(UsageError);
    await expect(async () => diffCommand.run(argv, captureIo())).rejects.toThrow(message);
  });
});
