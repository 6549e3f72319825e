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

const RANGE = /^[0-9a-f:.]+-[0-9a-f:.]+(\[External\])?$/;

const withJson = names.filter(n => fs.existsSync(path.join(ESTATES, n, 'expected-exposure.json')));

test.each(withJson)('%s: -o json is np-guard\'s object, null for an empty list', async name => {
  const { code, stdout } = await cli('reach', path.join(ESTATES, name), '--exposure', '-o', 'json');
  expect(code).toBe(0);
  type Item = { src: string; dst: string };
  const strip = (text: string) => {
    const o = JSON.parse(text);
    const keep = (items: Item[] | null) => items && items.filter(i => !RANGE.test(i.src) && !RANGE.test(i.dst));
    return JSON.stringify({
      connlist_results: keep(o.connlist_results),
      exposure_results: { egress_exposure: keep(o.exposure_results.egress_exposure), ingress_exposure: keep(o.exposure_results.ingress_exposure) },
    }, undefined, 2);
  };
  expect(strip(stdout)).toBe(strip(fs.readFileSync(path.join(ESTATES, name, 'expected-exposure.json'), 'utf8')));
  expect(stdout).toMatch(/^\{\n {2}"connlist_results": \[/);
});

test.each(withJson)('%s: -o md is np-guard\'s tables, the workload first in ingress', async name => {
  const { code, stdout } = await cli('reach', path.join(ESTATES, name), '--exposure', '-o', 'md');
  expect(code).toBe(0);
  const strip = (text: string) => text.split('\n').filter(line => !line.split(' | ').some(cell => RANGE.test(cell.replace(/^\| /, ''))));
  expect(strip(stdout)).toEqual(strip(fs.readFileSync(path.join(ESTATES, name, 'expected-exposure.md'), 'utf8')));
});

const withCsv = names.filter(n => fs.existsSync(path.join(ESTATES, n, 'expected-exposure.csv')));

test.each(withCsv)('%s: -o csv is np-guard\'s rows, a title row per section', async name => {
  const { code, stdout } = await cli('reach', path.join(ESTATES, name), '--exposure', '-o', 'csv');
  expect(code).toBe(0);
  const strip = (text: string) => text.split('\n').filter(line => !line.split(',').some(cell => RANGE.test(cell)));
  expect(strip(stdout)).toEqual(strip(fs.readFileSync(path.join(ESTATES, name, 'expected-exposure.csv'), 'utf8')));
});
