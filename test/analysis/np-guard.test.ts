/**
 * `reach` against np-guard netpol-analyzer's expected output for its estates with ipBlocks
 * (test/fixtures/np-guard/README.md says where each file comes from): the lines naming an
 * external range are np-guard's, line for line, so the ranges are cut as np-guard cuts them
 * (sources by ingress ipBlocks, destinations by egress ones, docs/reach-output.md).
 *
 * Left out of the comparison: IPv6 lines (netpol-analyzer models IPv4 only), and lines between
 * two workloads, where the expected output also holds a pod-to-pod flow the policy denies and
 * that depends on a pods file of the upstream estate which is not available here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeReachability } from '../../src/analysis/reachability';
import { loadModel } from '../../src/io';
import { renderReach } from '../../src/render';

const ESTATES = path.join(__dirname, '..', 'fixtures', 'np-guard');

const externalLines = (text: string) => text.split('\n').filter(line => line.includes('[External]') && !line.includes('::'));

describe.each(['policy-a-with-ipblock', 'policy-b-with-ipblock'])('%s', estate => {
  const dir = path.join(ESTATES, estate);
  const expected = fs.readFileSync(path.join(dir, 'connlist_output.txt'), 'utf8');
  const actual = renderReach(computeReachability(loadModel([dir]).model), 'txt');

  test('every line with an IPv4 range is np-guard\'s, in np-guard\'s order', () => {
    expect(externalLines(actual)).toEqual(externalLines(expected));
  });

  test('the comparison is not vacuous: sources are cut at the ingress ipBlock, destinations are not', () => {
    const lines = externalLines(expected);
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some(l => l.includes(' => 0.0.0.0-255.255.255.255[External] : '))).toBe(true);
    expect(lines.filter(l => l.startsWith('0.0.0.0-255.255.255.255'))).toEqual([]);
  });
});
