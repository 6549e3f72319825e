/**
 * Input that is not YAML, not text, or not there: each refused with one line naming the file
 * and position, exit 2.
 */
import { expectRefusal, runCli } from '../support/cli';
import { DEPLOYMENT } from '../support/manifests';
import { useTempDir } from '../support/temp-dir';

const temp = useTempDir();

test('malformed YAML: the file, line and column of the syntax error', async () => {
  const file = temp.file('bad.yaml', `${DEPLOYMENT}---\nkind: Pod\nmetadata: {name: [unclosed\n`);
  expect(expectRefusal(await runCli('reach', file), file)).toMatch(/^cdk8s-netpol: .*bad\.yaml:\d+:\d+: document 1: syntax error: /);
});

test('malformed JSON: the line and column where it breaks', async () => {
  const file = temp.file('bad.json', '{"apiVersion": "v1",\n "kind": "Pod",,\n}');
  expect(expectRefusal(await runCli('reach', file), file)).toMatch(/bad\.json:2:\d+: document 0: syntax error: /);
});

test('a YAML alias bomb is refused before it expands, quickly', async () => {
  const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
  const file = temp.file('bomb.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  ${levels.join('\n  ')}\n`);
  const started = Date.now();
  expect(expectRefusal(await runCli('reach', file), file)).toMatch(/:\d+:\d+: document 0: more than \d+ YAML alias expansions, refused as a likely resource-exhaustion attack$/);
  expect(Date.now() - started).toBeLessThan(5000);
});

test('bytes that are not UTF-8: the line and column of the first bad byte', async () => {
  const bytes = Buffer.concat([Buffer.from(`${DEPLOYMENT}---\nkind: ConfigMap\nmetadata:\n  name: caf`), Buffer.from([0xe9, 0x0a])]);
  const file = temp.file('latin1.yaml', bytes);
  const line = DEPLOYMENT.split('\n').length - 1 + 4; // the Deployment's lines, then ---, kind, metadata and name
  expect(expectRefusal(await runCli('reach', file), file)).toBe(`cdk8s-netpol: ${file}:${line}:12: is not UTF-8 text (byte 0xe9 at this position); save it as UTF-8`);
});

test('UTF-16 (what some Windows editors and shells write) is refused as not UTF-8, at its first byte', async () => {
  const file = temp.file('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DEPLOYMENT, 'utf16le')]));
  expect(expectRefusal(await runCli('reach', file), file)).toMatch(/utf16\.yaml:1:1: is not UTF-8 text/);
});

test('empty input (an empty file, or only comments and ---) is refused, not read as an empty cluster', async () => {
  const empty = temp.file('empty.yaml', '');
  expect(expectRefusal(await runCli('reach', empty), empty)).toMatch(/empty\.yaml: holds no Kubernetes object/);
  const comments = temp.file('comments.yaml', '# nothing here\n---\n---\n');
  expect(expectRefusal(await runCli('reach', comments), comments)).toMatch(/comments\.yaml: holds no Kubernetes object/);
});

test('an empty file among others is skipped: the input as a whole has objects', async () => {
  temp.file('in/empty.yaml', '');
  temp.file('in/web.yaml', DEPLOYMENT);
  const result = await runCli('reach', temp.file('in'));
  expect(result).toMatchObject({ code: 0, stderr: '' });
});

test.each([
  ['a float JSON cannot hold', 'replicas: .nan\n', /:\d+:\d+: document 1: \.nan is a YAML 1\.1 float that JSON cannot hold/],
  ['an explicit tag the YAML versions resolve differently', 'replicas: !!int 010\n', /:\d+:\d+: document 1: explicit tag !!int/],
  ['a line separator (a line break for kubectl, text for YAML 1.2)', '# note\u2028replicas: 2\n', /:\d+:\d+: U\+2028 is a line break for kubectl/],
])('what kubectl reads differently from YAML 1.2 is refused at its place, not guessed: %s', async (_, extra, message) => {
  const file = temp.file('ambiguous.yaml', `${DEPLOYMENT}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n${extra}`);
  expect(expectRefusal(await runCli('reach', file), file)).toMatch(message);
});
