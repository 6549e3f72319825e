import * as fs from 'node:fs';
import * as path from 'node:path';
import { readUtf8File } from './file-text';
import { InputError } from './input-error';

/** Extensions picked up when walking a folder (a file named explicitly is read whatever its name). */
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Expands files and folders into the manifest files to read, in a stable order: arguments in
 * the order given, folders walked depth-first with entries sorted by name. Hidden entries and
 * node_modules are skipped: they hold tooling, not the user's manifests. Each file is listed
 * once even when reached twice (a file and its folder, or through a symlink), and a folder is
 * never walked twice, so symlink loops end.
 */
export function listManifestFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();

  const visit = (p: string, real: string, isFileWanted: boolean): void => {
    if (seen.has(real)) return;
    seen.add(real);
    if (fs.statSync(real).isDirectory()) {
      for (const name of readFolder(p)) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        const child = path.join(p, name);
        // Dangling symlinks inside a folder are skipped, like any other file that is not a manifest.
        const childReal = tryRealPath(child);
        if (childReal !== undefined) visit(child, childReal, isManifestName(name) || isManifestName(childReal));
      }
    } else if (isFileWanted) {
      files.push(p);
    }
  };

  for (const p of paths) visit(p, realPath(p), true);
  if (files.length === 0) {
    throw new InputError(`no manifest files (${MANIFEST_EXTENSIONS.join(', ')}) found in ${paths.join(', ')}`);
  }
  return files;
}

function isManifestName(name: string): boolean {
  return MANIFEST_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** The text of one file (UTF-8, size-limited: see file-text.ts); a BOM is dropped, as kubectl does. */
export function readManifestFile(file: string): string {
  let text: string;
  try {
    text = readUtf8File(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read: ${systemMessage(e)}`, file);
  }
  return text.replace(/^\uFEFF/, '');
}

function readFolder(folder: string): string[] {
  try {
    // Code-unit order, not locale order: the same on every machine.
    return fs.readdirSync(folder).sort();
  } catch (e) {
    throw new InputError(`cannot read folder: ${systemMessage(e)}`, folder);
  }
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch (e) {
    throw new InputError(`cannot read: ${systemMessage(e)}`, p);
  }
}

function tryRealPath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

/** `ENOENT: no such file or directory, realpath 'x'` → `no such file or directory`: the path is already in front. */
function systemMessage(e: unknown): string {
  // Not `instanceof Error`: errors from node's fs may come from another realm (jest's sandbox, for one).
  const message = String((e as { message?: unknown } | undefined)?.message ?? e);
  return /^[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message;
}
