/**
 * Plain scalars as kubectl reads them (sigs.k8s.io/yaml: go-yaml v2's YAML 1.1 resolve, then
 * JSON). Each expected value follows go-yaml v2's `resolve` and Go's strconv rules; the YAML 1.2
 * reading, where it differs, is given beside it to show that the test would catch a 1.2 reader.
 */
import { parseAllDocuments } from 'yaml';
import { isIntegerForm, resolvePlainScalar, UnreadableScalar } from '../../src/io/kubectl-scalars';

/** [written, kubectl's value, YAML 1.2's value where it differs]. */
const FORMS: Array<[string, unknown, unknown?]> = [
  // integers: Go's ParseInt with base 0, after go-yaml removed every `_`
  ['80', 80],
  ['0120', 80, 120],
  ['0o120', 80],
  ['0O120', 80, '0O120'],
  ['0x50', 80],
  ['0X50', 80, '0X50'],
  ['0b1010000', 80, '0b1010000'],
  ['0B1010000', 80, '0B1010000'],
  ['-0b1010000', -80, '-0b1010000'],
  ['8_080', 8080, '8_080'],
  ['0x_50', 80, '0x_50'],
  ['1__0', 10, '1__0'],
  ['+80', 80],
  ['-80', -80],
  ['-0', 0, -0], // Go's integers have no negative zero
  ['0', 0],
  ['00', 0],
  // not octal (8 and 9): go-yaml's float syntax takes it, as a decimal
  ['089', 89],
  ['0189', 189],
  // floats
  ['1.5', 1.5],
  ['80.0', 80],
  ['1e3', 1000],
  ['1E+3', 1000],
  ['1.', 1],
  ['.5', 0.5],
  ['-.5', -0.5],
  ['1_0.5', 10.5, '1_0.5'],
  // booleans: YAML 1.1's words in three casings
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((w): [string, unknown, unknown] => [w, true, w]),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((w): [string, unknown, unknown] => [w, false, w]),
  ['true', true],
  ['False', false],
  ['null', null],
  ['~', null],
  // strings in both
  ['yEs', 'yEs'],
  ['oN', 'oN'],
  ['1:30', '1:30'], // YAML 1.1 defines base-60 numbers; go-yaml does not read them
  ['2001-12-14', '2001-12-14'], // a timestamp, which go-yaml hands over as its text
  ['1e400', '1e400', Infinity], // out of a float's range: Go's parse fails, the text stays
  ['0x', '0x'],
  ['0b2', '0b2'],
  ['_80', '_80'],
  ['-', '-'],
  ['+', '+'],
  ['.', '.'],
  ['v1', 'v1'],
  ['10.0.0.0/8', '10.0.0.0/8'],
  ['1.2.3', '1.2.3'],
  ['<<', '<<'],
];

/** The `yaml` package's YAML 1.2 core reading. */
const yaml12 = (text: string) => parseAllDocuments(`v: ${text}\n`)[0].toJS().v;

describe('resolvePlainScalar: what kubectl reads', () => {
  // Rows of three: jest would take a missing third argument for a `done` callback.
  test.each(FORMS.map(([text, kubectl, ...differs]) => [text, kubectl, differs.length > 0 ? differs[0] : kubectl]))('%s', (text, kubectl, yaml12Value) => {
    expect(resolvePlainScalar(text as string)).toBe(kubectl);
    // The form is a real difference (or a real agreement) with YAML 1.2, not one the test made up.
    if (!['<<', '-', '.'].includes(text as string)) expect(yaml12(text as string)).toBe(yaml12Value);
  });

  test.each(['.inf', '-.Inf', '+.INF', '.nan', '.NaN'])('refuses %s: JSON has no such number, kubectl fails on it', text => {
    expect(() => resolvePlainScalar(text)).toThrow(UnreadableScalar);
    expect(() => resolvePlainScalar(text)).toThrow(/JSON cannot hold/);
  });

  test.each(['.5_5', '._5', '.5e1_0'])('refuses %s, a float with `_` after its dot, which only Go\'s float syntax decides', text => {
    expect(() => resolvePlainScalar(text)).toThrow(/depending on where its '_' stand/);
  });

  test('integers past a float\'s range are refused, not read as infinity', () => {
    expect(() => resolvePlainScalar(`0x${'f'.repeat(300)}`)).toThrow(/too large/);
  });

  test('integer forms, as opposed to floats', () => {
    expect(['80', '0x50', '8_080', '-0b1', '0120'].map(isIntegerForm)).toEqual([true, true, true, true, true]);
    expect(['80.0', '1e3', '089', 'x'].map(isIntegerForm)).toEqual([false, false, false, false]);
  });
});
