/**
 * `reach --exposure` against np-guard netpol-analyzer's own expected outputs
 * (test/fixtures/np-guard-exposure/README.md says where each estate comes from): the exposure
 * section line for line, widths and tabs included, except the lines to address ranges.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli } from '../cli/run-cli';

const ESTATES = path.join(__dirname, '..', 'fixtures', 'np-guard-exposure');
const names = fs.readdirSync(ESTATES).filter(n => fs.statSync(path.join(ESTATES, n)).isDirectory());

/** The exposure section, without the lines whose peer is an address range (np-guard prints IPv4 only). */
function exposureSection(output: string): string[] {
  const section = output.slice(output.indexOf('Exposure Analysis Result:'));
  return section.split('\n').filter(line => !/\t[0-9a-f:.]+-[0-9a-f:.]+(\[External\])? : /.test(line));
}

test('at least six np-guard estates are compared', () => {
  expect(names.length).toBeGreaterThanOrEqual(6);
});

test.each(names)('%s: the exposure section is np-guard\'s', async name => {
  const { code, stdout, stderr } = await cli('reach', path.join(ESTATES, name), '--exposure');
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const expected = fs.readFileSync(path.join(ESTATES, name, 'expected-exposure.txt'), 'utf8');
  expect(exposureSection(stdout)).toEqual(exposureSection(expected));
});
