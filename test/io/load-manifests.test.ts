import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError, loadManifests, loadModel } from '../../src/io';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-io-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes `files` (relative path → text) under the temp folder. */
function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** The documents of `paths`, without the functions that locate their fields. */
function documents(paths: string[]) {
  return loadManifests(paths).map(({ object, source }) => ({ object, source }));
}

/** The error the load pipeline throws, checked to be an InputError. */
function inputError(paths: string[]): InputError {
  try {
    loadModel(paths);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n';

describe('documents', () => {
  test('multi-document YAML: each document with its index and first line; empty documents skipped', () => {
    write({ 'all.yaml': `# leading comment\n${POD}---\n---\n\nkind: Service\nmetadata:\n  name: b\n` });
    const docs = documents([path.join(dir, 'all.yaml')]);
    expect(docs).toEqual([
      { object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }, source: { file: path.join(dir, 'all.yaml'), documentIndex: 0, line: 2 } },
      { object: { kind: 'Service', metadata: { name: 'b' } }, source: { file: path.join(dir, 'all.yaml'), documentIndex: 2, line: 9 } },
    ]);
  });

  test('JSON file', () => {
    write({ 'pod.json': '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}' });
    expect(documents([path.join(dir, 'pod.json')])).toEqual([
      { object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }, source: { file: path.join(dir, 'pod.json'), documentIndex: 0, line: 1 } },
    ]);
  });

  test('merge keys are applied, as kubectl does', () => {
    write({ 'merge.yaml': 'base: &labels\n  app: web\nkind: Pod\nmetadata:\n  labels:\n    <<: *labels\n    tier: front\n' });
    expect(loadManifests([path.join(dir, 'merge.yaml')])[0].object).toEqual({ base: { app: 'web' }, kind: 'Pod', metadata: { labels: { app: 'web', tier: 'front' } } });
  });

  test('Lists are returned as written: flattening is the model\'s job', () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n';
    write({ 'list.yaml': list });
    const [doc] = loadManifests([path.join(dir, 'list.yaml')]);
    expect(doc.object).toEqual({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }] });
  });

  test('a top-level array (chart.toJson() written out) is kept for the model to unpack', () => {
    write({ 'chart.json': `[${JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } })}]` });
    expect(loadManifests([path.join(dir, 'chart.json')])[0].object).toEqual([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }]);
  });
});

describe('files and folders', () => {
  test('folders are walked recursively in name order; hidden folders, node_modules and other extensions skipped', () => {
    write({
      'b.yaml': POD,
      'a/z.yml': POD,
      'a/b.json': '{}',
      'A.yaml': POD,
      'notes.md': 'not a manifest',
      '.git/config.yaml': POD,
      'node_modules/x/pod.yaml': POD,
      '.hidden.yaml': POD,
    });
    const files = loadManifests([dir]).map(d => path.relative(dir, d.source.file!));
    expect(files).toEqual(['A.yaml', path.join('a', 'b.json'), path.join('a', 'z.yml'), 'b.yaml']);
  });

  test('a file named explicitly is read whatever its extension, and each file only once', () => {
    write({ 'pod.txt': POD, 'sub/pod.yaml': POD });
    const files = loadManifests([path.join(dir, 'pod.txt'), path.join(dir, 'sub/pod.yaml'), path.join(dir, 'sub')]).map(d => path.relative(dir, d.source.file!));
    expect(files).toEqual(['pod.txt', path.join('sub', 'pod.yaml')]);
  });

  test('symlink loops end; symlinked files and folders are followed once; dangling links skipped', () => {
    write({ 'real/pod.yaml': POD });
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'real', 'loop'));
    fs.symlinkSync(path.join(dir, 'real', 'pod.yaml'), path.join(dir, 'link-to-pod'));
    fs.symlinkSync(path.join(dir, 'missing.yaml'), path.join(dir, 'dangling.yaml'));
    const files = loadManifests([dir]).map(d => path.relative(dir, d.source.file!));
    expect(files).toEqual(['link-to-pod']);
  });

  test('an unreadable path names the path', () => {
    const error = inputError([path.join(dir, 'nope.yaml')]);
    expect(error.message).toBe(`${path.join(dir, 'nope.yaml')}: cannot read: no such file or directory`);
    expect(error.file).toBe(path.join(dir, 'nope.yaml'));
  });

  test('a folder without manifests is an error, not an empty cluster', () => {
    write({ 'readme.md': '#' });
    expect(inputError([dir]).message).toBe(`no manifest files (.yaml, .yml, .json) found in ${dir}`);
  });
});

describe('malformed input', () => {
  test('YAML syntax error: file, line and column of the error', () => {
    write({ 'bad.yaml': `${POD}---\nkind: Pod\nmetadata:\n  name: "unterminated\n` });
    const error = inputError([path.join(dir, 'bad.yaml')]);
    expect([error.file, error.line, error.column]).toEqual([path.join(dir, 'bad.yaml'), 9, 1]);
    expect(error.message).toBe(`${path.join(dir, 'bad.yaml')}:9:1: document 1: syntax error: Missing closing "quote`);
  });

  test('duplicate keys are refused, as kubectl\'s strict decoding does', () => {
    write({ 'dup.yaml': 'kind: Pod\nkind: Service\n' });
    expect(inputError([path.join(dir, 'dup.yaml')]).message).toBe(`${path.join(dir, 'dup.yaml')}:2:1: document 0: syntax error: Map keys must be unique`);
  });

  test('JSON syntax error: line and column', () => {
    write({ 'bad.json': '{\n  "kind": "Pod",\n  "metadata": {"name": "a"}\n' });
    const error = inputError([path.join(dir, 'bad.json')]);
    expect([error.line, error.column]).toEqual([4, 1]);
    expect(error.message).toMatch(/^.*bad\.json:4:1: document 0: syntax error: /);
  });

  test('a YAML alias bomb is refused before it expands', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd']]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    write({ 'bomb.yaml': `kind: ConfigMap\n${lines.join('\n')}\n` });
    expect(inputError([path.join(dir, 'bomb.yaml')]).message)
      .toBe(`${path.join(dir, 'bomb.yaml')}:1:1: document 0: more than 100 YAML alias expansions, refused as a likely resource-exhaustion attack`);
  });

  test('a document that is a bare scalar is not a manifest', () => {
    write({ 'word.yaml': `${POD}---\nhello\n` });
    expect(inputError([path.join(dir, 'word.yaml')]).message).toBe(`${path.join(dir, 'word.yaml')}:6:1: document 1: expected a manifest (a mapping with apiVersion and kind), found "hello"`);
  });
});

describe('NetworkPolicies the API server would reject', () => {
  const policy = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n  namespace: shop\nspec:\n${spec}`;

  test('names file, document, line and column of the field, and the problem; every rejected field is listed', () => {
    write({ 'np.yaml': `${POD}---\n${policy('  podSelector: {}\n  ingress:\n  - ports:\n    - port: 0\n    - protocol: tcp\n')}` });
    const file = path.join(dir, 'np.yaml');
    const error = inputError([file]);
    expect([error.file, error.line, error.column]).toEqual([file, 15, 13]);
    expect(error.message).toBe([
      `${file}:15:13: document 1: NetworkPolicy shop/web would be rejected by the API server: spec.ingress[0].ports[0].port: 0 must be between 1 and 65535, inclusive; use a port number from 1 to 65535, or omit port for every port of the protocol`,
      `${file}:16:17: document 1: NetworkPolicy shop/web would be rejected by the API server: spec.ingress[0].ports[1].protocol: tcp is not a supported protocol; use one of TCP, UDP, SCTP (upper case), or omit it for TCP`,
    ].join('\n'));
  });

  test('a wrong basic type (spec not an object) is refused too', () => {
    write({ 'np.yaml': policy('  x\n').replace('spec:\n  x', 'spec: x') });
    expect(inputError([path.join(dir, 'np.yaml')]).message).toMatch(/np\.yaml:6:7: document 0: NetworkPolicy shop\/web would be rejected by the API server: spec: x must be an object/);
  });

  test('policies inside a List are checked, located at the List document', () => {
    const list = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicyList', items: [{ metadata: { name: 'bad', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Sideways'] } }] };
    write({ 'list.json': JSON.stringify(list) });
    expect(inputError([path.join(dir, 'list.json')]).message).toMatch(/list\.json:1: document 0: NetworkPolicy shop\/bad would be rejected by the API server: spec\.policyTypes\[0\]: /);
  });

  test('omitted instead of refused (lint): left out of the model, each rejected field returned at its line', () => {
    const items = [
      { metadata: { name: 'bad', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Sideways'] } },
      { metadata: { name: 'kept', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } },
    ];
    const list = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicyList', items };
    write({
      'np.yaml': `${POD}---\n${policy('  podSelector: {}\n  ingress:\n  - ports:\n    - port: 0\n    - protocol: tcp\n')}`,
      'z.json': JSON.stringify(list),
    });
    const { model, rejections } = loadModel([dir], 'omit');
    expect(model.policies.map(p => p.name)).toEqual(['kept']);
    expect(model.workloads.map(w => w.name)).toEqual(['a']);
    expect(rejections.map(r => [r.policy.name, r.problem.field, r.source.line])).toEqual([
      ['web', 'spec.ingress[0].ports[0].port', 15],
      ['web', 'spec.ingress[0].ports[1].protocol', 16],
      ['bad', 'spec.policyTypes[0]', 1],
    ]);
    expect(rejections[0]).toMatchObject({ policy: { kind: 'NetworkPolicy', namespace: 'shop', name: 'web' }, source: { file: path.join(dir, 'np.yaml'), documentIndex: 1 } });
  });

  test('a policy without a namespace is named in default, as the model names it', () => {
    write({ 'np.yaml': policy('  podSelector: {}\n  policyTypes: [Sideways]\n').replace('  namespace: shop\n', '') });
    expect(inputError([path.join(dir, 'np.yaml')]).message).toContain('NetworkPolicy default/web would be rejected');
  });

  test('a valid policy, and a Calico NetworkPolicy of another API group, pass', () => {
    write({
      'ok.yaml': policy('  podSelector: {}\n  ingress:\n  - ports:\n    - port: 80\n'),
      'calico.yaml': 'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: x\nspec:\n  selector: all()\n',
    });
    expect(loadModel([dir]).model.policies.map(p => p.name)).toEqual(['web']);
  });
});
