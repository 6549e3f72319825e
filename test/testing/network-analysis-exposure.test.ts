/** `NetworkAnalysis.renderExposure`: the same text as `cdk8s-netpol reach --exposure`, from code. */
import * as path from 'node:path';
import { NetworkAnalysis, ReachFormat } from '../../src';
import { cli } from '../cli/run-cli';

const ESTATE = path.join(__dirname, '..', 'fixtures', 'np-guard-exposure', 'exposure_test_conn_to_new_pod_in_an_existing_ns');

test.each([ReachFormat.TXT, ReachFormat.JSON, ReachFormat.CSV, ReachFormat.MARKDOWN])('%s is what reach --exposure prints', async format => {
  const analysis = NetworkAnalysis.fromFiles([ESTATE]);
  expect(analysis.renderExposure(format)).toBe((await cli('reach', ESTATE, '--exposure', '-o', format)).stdout);
  expect(analysis.renderExposure(format, 'hello-world/workload-a'))
    .toBe((await cli('reach', ESTATE, '--exposure', '-o', format, '--focus', 'hello-world/workload-a')).stdout);
});

test('the exposure of a workload open to a namespace by name, from the manifests', () => {
  const text = NetworkAnalysis.fromFiles([ESTATE]).renderExposure(ReachFormat.TXT, 'hello-world/workload-a');
  expect(text).toContain('hello-world/workload-a[Deployment] \t<= \tbackend/[pod with {app=backend-new}] : TCP 8050\n');
  expect(text).not.toContain('not protected');
});

test('a format np-guard does not write exposure in is refused with the ones it does', () => {
  expect(() => NetworkAnalysis.fromFiles([ESTATE]).renderExposure(ReachFormat.DOT))
    .toThrow("renderExposure: exposure prints as txt, json, csv, md, not 'dot'; use ReachFormat.TXT, JSON, CSV or MARKDOWN");
});
