#!/usr/bin/env node
// Checks the Python, Java, C# and Go bindings that jsii-pacmak generated under dist/
// (`npx projen bindings`), so that CI fails when one silently lacks part of the API:
// - each binding declares every type of the jsii assembly (.jsii);
// - the Python binding parses (a reserved word left as a name would be a syntax error there);
// - the README's table of reserved words lists exactly the reserved words the API uses (by jsii's
//   own list, the one behind its JSII5018 warnings), and every name it gives a language is a name
//   that language's generated code really declares or uses.
// Prints where each reserved word is used; exits 1 with what is wrong.
// Usage: node scripts/check-bindings.js [project root, default: this repository]
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync, readdirSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');

const root = resolve(process.argv[2] ?? join(__dirname, '..'));
// jsii's package exports do not include its reserved-word list, so it is loaded by path.
const { isReservedName } = require(join(dirname(require.resolve('jsii/package.json')), 'lib', 'reserved-words.js'));

/** Where pacmak writes each language, and how its code declares a type of the assembly. */
const LANGUAGES = [
  { name: 'Python', dir: 'dist/python', ext: '.py', declares: (type) => new RegExp(`^class ${type}\\b`, 'm') },
  { name: 'Java', dir: 'dist/java', ext: '.java', declares: (type) => new RegExp(`\\b(class|interface|enum) ${type}\\b`) },
  { name: 'C#', dir: 'dist/dotnet', ext: '.cs', declares: (type) => new RegExp(`\\b(class|interface|enum) ${type}\\b`) },
  { name: 'Go', dir: 'dist/go', ext: '.go', declares: (type) => new RegExp(`^type ${type}\\b`, 'm') },
];
/** The entry points the README shows: a binding without them is broken whatever else it has. */
const ENTRY_POINTS = ['DefaultDeny', 'AllowFrom', 'Peer', 'Port', 'NetworkAnalysis'];

const problems = [];

/** Every file under `dir` whose name ends in `ext`. */
function files(dir, ext) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, ext);
    return entry.name.endsWith(ext) ? [path] : [];
  });
}

/** Each public name of the assembly, with where it is used: types, members, parameters. */
function publicNames(assembly) {
  const names = [];
  for (const type of Object.values(assembly.types)) {
    names.push({ name: type.name, where: type.name });
    for (const member of type.members ?? []) names.push({ name: member.name, where: `${type.name}.${member.name}` });
    for (const property of type.properties ?? []) names.push({ name: property.name, where: `${type.name}.${property.name}` });
    const callables = [...(type.initializer ? [{ ...type.initializer, name: 'constructor' }] : []), ...(type.methods ?? [])];
    for (const callable of callables) {
      if (callable.name !== 'constructor') names.push({ name: callable.name, where: `${type.name}.${callable.name}()` });
      for (const parameter of callable.parameters ?? []) {
        names.push({ name: parameter.name, where: `${type.name}.${callable.name}(${parameter.name})` });
      }
    }
  }
  return names;
}

/** The README's table of reserved words: rows of cells, the header first. */
function reservedWordTable(readme) {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => /^\|\s*TypeScript\s*\|/.test(line));
  if (start < 0) return undefined;
  const rows = [];
  for (let i = start; i < lines.length && lines[i].startsWith('|'); i++) {
    if (i === start + 1) continue; // the |---| line
    rows.push(lines[i].split('|').slice(1, -1).map((cell) => cell.trim()));
  }
  return rows;
}

/** The identifiers inside a cell's `code` spans: `getFrom()` names getFrom, `@namespace` itself. */
function identifiers(cell) {
  return [...cell.matchAll(/`([^`]+)`/g)].flatMap((match) => match[1].match(/@?[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}

const assemblyFile = join(root, '.jsii');
if (!existsSync(assemblyFile)) {
  console.error('check-bindings: .jsii is missing: run npx projen compile, then npx projen bindings');
  process.exit(1);
}
const assembly = JSON.parse(readFileSync(assemblyFile, 'utf8'));
const typeNames = Object.values(assembly.types).map((type) => type.name);
for (const entry of ENTRY_POINTS.filter((name) => !typeNames.includes(name))) {
  problems.push(`the assembly has no type ${entry}, which the README shows`);
}

const sources = {};
for (const language of LANGUAGES) {
  const dir = join(root, language.dir);
  const code = existsSync(dir) ? files(dir, language.ext).map((file) => readFileSync(file, 'utf8')).join('\n') : '';
  sources[language.name] = code;
  if (code === '') {
    problems.push(`${language.dir}: no ${language.ext} files: jsii-pacmak generated no ${language.name} binding`);
    continue;
  }
  const missing = typeNames.filter((type) => !language.declares(type).test(code));
  if (missing.length > 0) problems.push(`${language.dir}: the ${language.name} binding declares no ${missing.join(', ')}`);
  console.log(`${language.name}: ${typeNames.length - missing.length} of ${typeNames.length} types in ${language.dir}`);
}

// Parses without running: the jsii runtime for Python is not installed, so nothing can be imported.
const PARSE_PYTHON = [
  'import ast, sys',
  'for name in sys.argv[1:]:',
  '    try: ast.parse(open(name).read(), name)',
  '    except SyntaxError as e: sys.exit(f"{e.filename}:{e.lineno}: {e.msg}")',
].join('\n');
if (sources.Python) {
  try {
    const python = files(join(root, 'dist/python'), '.py').map((file) => relative(root, file));
    execFileSync('python3', ['-c', PARSE_PYTHON, ...python], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    problems.push(`the generated Python does not parse: ${String(error.stderr || error.message).trim()}`);
  }
}

// Reserved words: what the API uses against what the README documents.
const used = new Map();
for (const { name, where } of publicNames(assembly)) {
  const languages = isReservedName(name);
  if (!languages) continue;
  const entry = used.get(name) ?? { languages, where: [] };
  entry.where.push(where);
  used.set(name, entry);
}
for (const [word, { languages, where }] of used) {
  console.log(`reserved word '${word}' (${languages.join(', ')}): ${where.join(', ')}`);
}

const readmeTable = reservedWordTable(readFileSync(join(root, 'README.md'), 'utf8'));
if (!readmeTable) {
  problems.push('README.md: no table of reserved words (a header row starting "| TypeScript |")');
} else {
  const [header, ...rows] = readmeTable;
  const documented = new Set();
  for (const row of rows) {
    const word = identifiers(row[0])[0];
    documented.add(word);
    if (!used.has(word)) problems.push(`README.md: the reserved-word table has a row for '${word}', which the API no longer uses: remove it`);
    for (const language of LANGUAGES) {
      const column = header.indexOf(language.name);
      if (column < 0) {
        problems.push(`README.md: the reserved-word table has no ${language.name} column`);
        continue;
      }
      for (const name of identifiers(row[column] ?? '')) {
        const pattern = new RegExp(`(?<![\\w@])${name.replace(/[$]/g, '\\$&')}\\b`);
        if (sources[language.name] && !pattern.test(sources[language.name])) {
          problems.push(`README.md: the reserved-word table says ${language.name} sees '${word}' as '${name}', which the ${language.name} binding never uses`);
        }
      }
    }
  }
  for (const [word, { languages, where }] of used) {
    if (!documented.has(word)) {
      problems.push(`README.md: the reserved-word table has no row for '${word}' (reserved in ${languages.join(', ')}; used by ${where.join(', ')}): add the name each language sees, from the code in dist/`);
    }
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`check-bindings: ${problem}`);
  process.exit(1);
}
console.log(`check-bindings: ${LANGUAGES.map((language) => language.name).join(', ')} bindings declare all ${typeNames.length} types; the README names every reserved word (${[...used.keys()].join(', ')}) as each language sees it`);
