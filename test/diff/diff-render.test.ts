/** The changed-pair rendering, which the command fixtures do not reach. */
import { ConnectionSet } from '../../src/analysis/connection-set';
import type { ReachabilityDiff } from '../../src/analysis/diff';
import type { Endpoint } from '../../src/analysis/results';
import { diffToMarkdown } from '../../src/render/diff-md';
import { diffToText } from '../../src/render/diff-txt';

const web: Endpoint = { kind: 'workload', workload: { namespace: 'shop', name: 'web', kind: 'Deployment', podLabels: {}, namedPorts: [], hostNetwork: false } };
const internet: Endpoint = { kind: 'external', range: { family: 4, start: '0.0.0.0', end: '255.255.255.255' } };
const before = ConnectionSet.ports('TCP', 80).union(ConnectionSet.ports('TCP', 8080));
const after = ConnectionSet.ports('TCP', 443).union(ConnectionSet.ports('TCP', 8080));
const diff: ReachabilityDiff = {
  added: [],
  removed: [],
  changed: [{ src: internet, dst: web, before, after, added: after.subtract(before), removed: before.subtract(after) }],
};

test('txt: a changed pair with what was added and removed', () => {
  expect(diffToText(diff)).toBe('Connectivity diff:\n'
    + 'diff-type: changed, source: 0.0.0.0-255.255.255.255[External], destination: shop/web[Deployment], dir1: TCP 80,8080, dir2: TCP 443,8080, added: TCP 443, removed: TCP 80\n');
});

test('md: a changed pair has before, after, added and removed columns', () => {
  expect(diffToMarkdown(diff)).toContain('| `0.0.0.0-255.255.255.255[External]` | `shop/web[Deployment]` | TCP 80,8080 | TCP 443,8080 | TCP 443 | TCP 80 |');
  expect(diffToMarkdown({ added: [], removed: [], changed: [] })).toBe('### NetworkPolicy connectivity diff\n\nNo connectivity changes.\n');
});
