/**
 * Documents are read as `kubectl apply` reads them (YAML 1.1 scalars, keys as JSON strings), on
 * both the fast path and the `yaml` package's; what the two could read differently is refused
 * with file:line:col.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../src/io';
import { parseSimpleYaml } from '../../src/io/fast-yaml';
import { loadModel } from '../../src/io/load-model';
import { parseDocuments } from '../../src/io/parse-documents';

const objects = (text: string) => parseDocuments(text, 'in.yaml').map(d => d.object);

function errorOf(text: string): InputError {
  try {
    parseDocuments(text, 'in.yaml');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
}

const POLICY_PORTS = (port: string) => [
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: np',
  'spec:',
  '  podSelector: {}',
  '  ingress:',
  '    - ports:',
  `        - port: ${port}`,
  '',
].join('\n');

describe('YAML 1.1 scalars, as kubectl reads them', () => {
  test.each([['0120', 80], ['0b1010000', 80], ['8_080', 8080], ['0x50', 80], ['0o120', 80], ['"0120"', '0120']])(
    'port: %s is %p on the fast path and on the full parser',
    (written, value) => {
      const text = POLICY_PORTS(written);
      expect(parseSimpleYaml(text)).toBeDefined();
      const port = (o: unknown) => (o as any).spec.ingress[0].ports[0].port;
      expect(port(objects(text)[0])).toEqual(value);
      // An anchor sends the same text through the `yaml` package.
      expect(port(objects(text.replace('name: np', 'name: &n np')).at(0))).toEqual(value);
    });

  test('unquoted y, yes, on, no, off are booleans, in values and in keys (where JSON makes them strings)', () => {
    expect(objects('a: yes\nb: off\nc: y\nd: "yes"\n')).toEqual([{ a: true, b: false, c: true, d: 'yes' }]);
    expect(objects('labels: {on: x, 80: z}\n')).toEqual([{ labels: { true: 'x', 80: 'z' } }]);
  });

  test('a label value `yes` reaches the API server as a boolean, which it rejects: so does the loader, at its line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parse-documents-'));
    const file = path.join(dir, 'np.yaml');
    fs.writeFileSync(file, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector:\n    matchLabels:\n      enabled: yes\n');
    try {
      expect(() => loadModel([file])).toThrow(/np\.yaml:8:7: .*matchLabels: true \(the value of enabled\) must be a string/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what kubectl and YAML 1.2 could read differently is refused at its place', () => {
  test.each<[string, string, RegExp, number, number]>([
    ['.inf', 'a: 1\nb: .inf\n', /JSON cannot hold/, 2, 4],
    ['an explicit !!int tag', 'a: !!int 0120\n', /explicit tag !!int/, 1, 10],
    ['an explicit !!binary tag', 'a: !!binary aGk=\n', /explicit tag !!binary/, 1, 13],
    ['a %YAML 1.2 directive', 'a: 1\n...\n%YAML 1.2\n---\nb: 2\n', /%YAML 1\.2 directive, which kubectl refuses/, 3, 1],
    ['a null key', 'a:\n  ~: x\n', /key that is null/, 2, 3],
    ['a float key', '1.5: x\n', /reads as the number 1\.5/, 1, 1],
    ['a list key', '? [a]\n: x\n', /key that is a list or a mapping/, 1, 3],
    ['keys equal once kubectl makes strings of them', 'on: 1\n"true": 2\n', /Map keys must be unique/, 2, 1],
    ['a U+2028 line separator', 'a: 1\n# note\u2028b: 2\n', /U\+2028 is a line break for kubectl/, 2, 7],
    ['a U+0085 next-line', 'a: "x\u0085"\n', /U\+0085/, 1, 6],
    ['a byte order mark starting a line (go-yaml skips it there)', 'a: 1\n\ufeffb: 2\n', /U\+FEFF is a byte order mark inside the text/, 2, 1],
  ])('%s', (_, text, message, line, column) => {
    const error = errorOf(text);
    expect(error.message).toMatch(message);
    expect([error.file, error.line, error.column]).toEqual(['in.yaml', line, column]);
  });

  test('merge keys, as kubectl applies them, even two in one mapping', () => {
    expect(objects('a: &a {x: 1}\nb: &b {z: yes}\nc:\n  <<: *a\n  <<: *b\n')[0]).toEqual({ a: { x: 1 }, b: { z: true }, c: { x: 1, z: true } });
  });

  test('%YAML 1.1, the version kubectl reads, is accepted; and the tags both read alike', () => {
    expect(objects('%YAML 1.1\n---\na: 0120\nb: !!str 0120\n')).toEqual([{ a: 80, b: '0120' }]);
    // The non-specific and local tags leave a plain scalar a string, for go-yaml as for `yaml`.
    expect(objects('a: ! 0120\nb: !local 0120\n')).toEqual([{ a: '0120', b: '0120' }]);
  });

  test('JSON (kubectl reads a stream starting with { as JSON) may hold a U+2028 in a string', () => {
    expect(objects('{"a": "x\u2028y"}')).toEqual([{ a: 'x\u2028y' }]);
  });
});

describe('the fast path keeps what YAML keeps', () => {
  test('a no-break space ending an unquoted value is part of it, as in the full parser', () => {
    const text = 'a: x\u00a0\nb: "x"\n';
    expect(parseSimpleYaml(text)?.[0].value).toEqual({ a: 'x\u00a0', b: 'x' });
    expect(objects(text.replace('b: "x"', 'b: &k "x"'))).toEqual([{ a: 'x\u00a0', b: 'x' }]);
  });
});
