/**
 * The fast YAML reader must never change a result: on every input it either declines (undefined,
 * and the loader uses the `yaml` package) or gives exactly what `yaml` gives — the same values, key
 * order, document numbering and first lines. Checked on the repository's YAML files, on generated
 * workloads, and on edge cases around the subset's borders.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { isScalar, parseAllDocuments, stringify } from 'yaml';
import { buildEstate, PLAIN_ESTATE } from '../../bench/generators/estate';
import { flatManifests } from '../../bench/generators/flat';
import { InputError, loadModel } from '../../src/io';
import { parseSimpleYaml } from '../../src/io/fast-yaml';
import { KUBECTL_YAML_OPTIONS } from '../../src/io/parse-documents';

/** What the full parser gives, the way the loader reads it; undefined where the loader would report an error. */
function viaYaml(text: string): { documentIndex: number; line: number; value: unknown }[] | undefined {
  const out: { documentIndex: number; line: number; value: unknown }[] = [];
  const docs = parseAllDocuments(text, KUBECTL_YAML_OPTIONS);
  for (const [documentIndex, doc] of docs.entries()) {
    if (doc.errors.length > 0) return undefined;
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    if (isScalar(doc.contents)) return undefined;
    const line = text.slice(0, doc.contents.range[0]).split('\n').length;
    out.push({ documentIndex, line, value: doc.toJS() });
  }
  return out;
}

function expectSameOrDeclined(text: string): 'fast' | 'declined' {
  const fast = parseSimpleYaml(text);
  if (fast === undefined) return 'declined';
  const slow = viaYaml(text);
  expect(slow).toBeDefined();
  // toStrictEqual is blind to key order: compare the JSON text too.
  expect(fast).toStrictEqual(slow);
  expect(JSON.stringify(fast)).toEqual(JSON.stringify(slow));
  return 'fast';
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : yamlFiles(p);
    return /\.ya?ml$/.test(entry.name) ? [p] : [];
  });
}

const ROOT = path.join(__dirname, '..', '..');

test('every YAML file of test/fixtures and examples reads the same (or is declined)', () => {
  const files = [...yamlFiles(path.join(ROOT, 'test', 'fixtures')), ...yamlFiles(path.join(ROOT, 'examples'))];
  expect(files.length).toBeGreaterThan(10);
  const outcomes = files.map(file => expectSameOrDeclined(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')));
  expect(outcomes).toContain('fast');
});

test('cdk8s synth output of the estate is read fast, and the same', () => {
  const app = Testing.app();
  buildEstate(app, 3, PLAIN_ESTATE);
  expect(expectSameOrDeclined(app.synthYaml())).toBe('fast');
});

test('the generated flat workload (yaml stringify, quoted strings, numbers) is read fast, and the same', () => {
  const text = flatManifests(60, 30, 4).map(doc => stringify(doc)).join('---\n');
  expect(expectSameOrDeclined(text)).toBe('fast');
});

const HANDLED: Record<string, string> = {
  'mapping': 'a: 1\nb: two\n',
  'nested': 'a:\n  b:\n    c: d\n  e: f\n',
  'sequence at the key\'s indent': 'a:\n- 1\n- x\nb: 2\n',
  'sequence indented': 'a:\n  - 1\n  - x\n',
  'mappings in a sequence': 'items:\n  - name: a\n    port: 80\n  - name: b\n',
  'extra spaces after the dash': 'l:\n  -   k: v\n      j: w\n',
  'empty item': 'l:\n- \n- a\n',
  'item on the next line': 'l:\n-\n  a: 1\n',
  'null value': 'a:\nb: ~\nc: null\nd: Null\n',
  'booleans': 'a: true\nb: False\nc: TRUE\nd: yes\ne: no\nf: on\ng: Off\nh: y\ni: N\n',
  'integers': 'a: 0\nb: 80\nc: -5\nd: 65535\n',
  'YAML 1.1 integers': 'a: 0120\nb: 0b1010000\nc: 8_080\nd: 0x50\ne: 0o120\nf: +80\ng: -0\nh: 089\n',
  'floats': 'a: 1.5\nb: 1e3\nc: .5\nd: -.5E2\ne: 1.\n',
  'what YAML 1.1 defines and kubectl reads as strings': 'a: 1:30\nb: 2001-12-14\nc: 1e400\nd: 0x\ne: _80\n',
  'huge integer': 'a: 123456789012345678901234567890\n',
  'a no-break space ending a value': 'a: x\u00a0\nb: "y"\n',
  'Unicode spaces starting a value': 'a: \u2003x\nb: \u3000\n',
  'strings that look a little like numbers': 'a: 1500m\nb: 25%\nc: v1\nd: 1.2.3\ne: 10.0.0.0/8\nf: 2001:db8::/32\n',
  'quoted': 'a: "80"\nb: \'true\'\nc: \'it\'\'s\'\nd: ""\ne: \'\'\n',
  'urls and colons': 'image: ghcr.io/x/y:1.4\nurl: http://a:80/b\n',
  'keys with dots and slashes': 'kubernetes.io/metadata.name: x\napp.kubernetes.io/name: y\n',
  'empty collections': 'a: {}\nb: []\n',
  'comments on their own lines': '# head\na: 1\n  # indented\nb: 2\n# tail\n',
  'documents': 'a: 1\n---\nb: 2\n--- # marker comment\nc: 3\n',
  'leading marker and empty documents': '---\n---\na: 1\n---\n',
  'comment before the first marker': '# c\n---\na: 1\n',
  'top-level sequence': '- a: 1\n- b: 2\n',
  'indented top level': '  a: 1\n  b: 2\n',
  'trailing spaces': 'a: 1   \nb: x  \n',
  'unicode': 'a: ünïcødé\nb: "日本"\n',
  'spaces inside plain scalars': 'description: some words here\n',
  'hash without a space': 'a: b#c\n',
  'colon and dash starts': 'a: ::/0\nb: -x\nc: :x\nd: \'-\'\n',
  'no documents': '\n\n# only a comment\n',
};

const DECLINED: Record<string, string> = {
  'flow mapping': 'a: {b: 1}\n',
  'flow sequence': 'a: [1, 2]\n',
  'anchor and alias': 'a: &x 1\nb: *x\n',
  'tag': 'a: !!str 1\n',
  'block scalar': 'a: |\n  text\n',
  'folded scalar': 'a: >\n  text\n',
  'multi-line plain scalar': 'a: one\n  two\n',
  'double-quoted escape': 'a: "x\\ny"\n',
  'infinity': 'a: .inf\n',
  'not a number': 'a: .NaN\n',
  'a float with underscores after its dot': 'a: .5_5\n',
  'a boolean key': 'on: 1\n',
  'a number key': '80: http\n',
  'a null key': '~: x\n',
  'duplicate key': 'a: 1\na: 2\n',
  '__proto__ key': '__proto__: 1\n',
  'merge key': '<<: {}\n',
  'quoted key': '"a": 1\n',
  'complex key': '? a\n: b\n',
  'nested sequence on one line': '- - a\n',
  'value after a value': 'a: b: c\n',
  'space before the colon': 'a : b\n',
  'nesting deeper than any manifest': Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n',
  'comment after a value': 'a: b # c\n',
  'tab': 'a:\t1\n',
  'CRLF': 'a: 1\r\nb: 2\r\n',
  'document end marker': 'a: 1\n...\n',
  'directive': '%YAML 1.2\n---\na: 1\n',
  'content after the marker': '--- a: 1\n',
  'scalar document': 'hello\n',
  'bad indentation': 'a:\n    b: 1\n  c: 2\n',
  'mapping then sequence': 'a: 1\n- b\n',
  'unclosed quote': 'a: "x\n',
  'quote inside double quotes': 'a: "x"y"\n',
  'indicator start': 'a: @x\n',
  'question mark start': 'a: ?x\n',
  'lone dash value': 'a: - x\n',
};

test.each(Object.entries(HANDLED))('reads %s, the same as yaml', (_, text) => {
  expect(expectSameOrDeclined(text)).toBe('fast');
});

test.each(Object.entries(DECLINED))('declines %s', (_, text) => {
  expect(parseSimpleYaml(text)).toBeUndefined();
});

test('a policy the API server would reject, in block YAML the fast reader takes, is still reported at its field', () => {
  const text = [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: bad',
    '  namespace: app',
    'spec:',
    '  podSelector: {}',
    '  ingress:',
    '    - ports:',
    '        - port: 0',
    '',
  ].join('\n');
  expect(parseSimpleYaml(text)).toBeDefined();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fast-yaml-'));
  const file = path.join(dir, 'bad.yaml');
  fs.writeFileSync(file, text);
  try {
    let error: unknown;
    try {
      loadModel([file]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(10);
    expect((error as InputError).column).toBe(17);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * The claim, on generated documents: block YAML built from pieces at the subset's borders
 * (every scalar type and its YAML 1.1 forms, Unicode white space that YAML keeps, quotes,
 * comments, `---` and `...` markers, indicators) reads the same on both paths, or is declined.
 */
describe('the fast reader against the yaml package, on generated documents', () => {
  /** Pieces of scalars the subset takes (each scalar type, YAML 1.1 forms, white space YAML keeps)… */
  const COMMON = [
    '0', '7', '8', '80', '0x', '0X', '0b', '0o', '1', '_', '.', 'e', 'E', '-', '+', 'a', 'x', 'y', 'n', 'yes', 'No', 'on',
    'OFF', 'true', 'null', 'Null', '~', 'inf', '.inf', 'nan', 'v1', '1:30', '2001-12-14', ' ',
    '\u00a0', '\u2003', '\u3000', '\u200b', '\u2028', '\u0085', 'é', '日本',
  ];
  /** …and pieces at its borders (indicators, quotes, comments, control characters). */
  const RARE = [':', ': ', '#', ' #', '<<', '\ufeff', '\v', '\f', '\'', '"', '%', '@', '!', '&', '*', '?', ',', '[', ']', '{', '}', '|', '>', '`', '\\'];
  const piece = fc.oneof({ weight: 40, arbitrary: fc.constantFrom(...COMMON) }, { weight: 1, arbitrary: fc.constantFrom(...RARE) });
  const text = (max: number) => fc.array(piece, { minLength: 1, maxLength: max }).map(p => p.join(''));
  const scalar = fc.oneof(
    { weight: 6, arbitrary: text(4) },
    { weight: 2, arbitrary: text(3).map(t => `'${t.replace(/'/g, '\'\'')}'`) },
    { weight: 2, arbitrary: text(3).map(t => `"${t}"`) },
    { weight: 1, arbitrary: fc.constantFrom('{}', '[]', '\'\'', '""') },
  );
  const key = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('apiVersion', 'kind', 'name', 'port', 'labels', 'app.kubernetes.io/name', 'x-1') }, { weight: 1, arbitrary: text(2) });

  type Tree = { scalar: string } | { map: Array<[string, Tree]> } | { seq: Tree[] };
  const { tree } = fc.letrec<{ tree: Tree }>(tie => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar.map(s => ({ scalar: s })),
      fc.uniqueArray(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4, selector: ([k]) => k }).map(map => ({ map })),
      fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map(seq => ({ seq })),
    ),
  }));
  // Repeated keys are declined (the full parser refuses them): unique keys keep documents inside the subset.
  const topLevel = fc.uniqueArray(fc.tuple(key, tree), { minLength: 1, maxLength: 5, selector: ([k]) => k }).map(map => ({ map }) as Tree);

  /** Block YAML lines of a collection at `indent`; `compact` puts a key's sequence at the key's indentation. */
  function lines(node: Tree, indent: number, compact: boolean): string[] {
    const pad = ' '.repeat(indent);
    if ('scalar' in node) return [`${pad}${node.scalar}`];
    if ('map' in node) {
      return node.map.flatMap(([k, v]) => {
        if ('scalar' in v) return [`${pad}${k}: ${v.scalar}`];
        return [`${pad}${k}:`, ...lines(v, 'seq' in v && compact ? indent : indent + 2, compact)];
      });
    }
    return node.seq.flatMap(item => {
      if ('scalar' in item) return [`${pad}- ${item.scalar}`];
      const nested = lines(item, indent + 2, compact);
      // The first line of a nested collection goes on the dash's line.
      return 'map' in item ? [`${pad}- ${nested[0].trimStart()}`, ...nested.slice(1)] : [`${pad}-`, ...nested];
    });
  }

  const TRAILING = ['', ' ', '  ', '\u00a0', '\u2003', ' # c', '\u3000'];
  const BETWEEN = ['# comment', '  # indented comment', '', ' ', '\u00a0', '#\u00a0', '...'];
  const SEPARATORS = ['---', '--- # marker', '---  ', '---\u00a0', '--- \u00a0', '...\n---', '---\n---'];

  const stream = fc.record({
    documents: fc.array(topLevel, { minLength: 1, maxLength: 3 }),
    separators: fc.array(fc.constantFrom(...SEPARATORS), { minLength: 2, maxLength: 2 }),
    compact: fc.boolean(),
    leadingMarker: fc.boolean(),
    decorations: fc.array(fc.tuple(fc.nat(TRAILING.length - 1), fc.nat(BETWEEN.length - 1), fc.nat(19)), { minLength: 1, maxLength: 40 }),
  }).map(({ documents, separators, compact, leadingMarker, decorations }) => {
    let n = 0;
    const decorate = (line: string) => {
      const [trailing, between, chance] = decorations[n++ % decorations.length];
      // Most lines stay as they are, so that many documents remain inside the subset.
      if (chance < 16) return [line];
      return chance < 18 ? [line + TRAILING[trailing]] : [BETWEEN[between], line];
    };
    const body = documents.map((d, i) => (i === 0 ? '' : `${separators[i - 1]}\n`) + lines(d, 0, compact).flatMap(decorate).join('\n'));
    return (leadingMarker ? '---\n' : '') + body.join('\n') + '\n';
  });

  test('every generated stream reads the same on both paths, or is declined', () => {
    const outcomes = { fast: 0, declined: 0 };
    fc.assert(fc.property(stream, yamlText => {
      outcomes[expectSameOrDeclined(yamlText)]++;
    }), { numRuns: 1500 });
    // The property means something only if the fast path takes a good share of them.
    expect(outcomes.fast).toBeGreaterThan((outcomes.fast + outcomes.declined) / 8);
  });
});
