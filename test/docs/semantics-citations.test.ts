/** Every `docs/semantics.md §N` a source comment cites is a section of that page, so a reader can follow it. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** `## 2. Semantics…` → `2`, `### 1.5 \`ipBlock\`` → `1.5`. */
function sectionNumbers(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#{2,4} (\d+(?:\.\d+)*)\.? /gm)].map(m => m[1]));
}

/** `docs/semantics.md §1.6, §2 "…"` → `['1.6', '2']`, each with the file and line that cites it. */
function citations(file: string): Array<{ section: string; at: string }> {
  return fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) =>
    [...line.matchAll(/docs\/semantics\.md\s+(§\d+(?:\.\d+)*(?:(?:,\s*|\s+and\s+)§\d+(?:\.\d+)*)*)/g)]
      .flatMap(m => [...m[1].matchAll(/§(\d+(?:\.\d+)*)/g)].map(s => ({ section: s[1], at: `${path.relative(ROOT, file)}:${i + 1}` }))));
}

const sections = sectionNumbers(fs.readFileSync(path.join(ROOT, 'docs', 'semantics.md'), 'utf8'));
const cited = sourceFiles(path.join(ROOT, 'src')).flatMap(citations);

test('docs/semantics.md has numbered sections', () => {
  expect([...sections]).toEqual(expect.arrayContaining(['1', '1.1', '1.5', '1.7', '2', '3', '4.1', '5']));
});

test('src cites docs/semantics.md', () => {
  expect(cited.length).toBeGreaterThan(10);
});

test('every cited section exists', () => {
  expect(cited.filter(c => !sections.has(c.section))).toEqual([]);
});

test('no citation of a reference outside the repository', () => {
  const outside = sourceFiles(path.join(ROOT, 'src')).flatMap(file => fs.readFileSync(file, 'utf8').split('\n')
    .flatMap((line, i) => (/\breference §/.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])));
  expect(outside).toEqual([]);
});
