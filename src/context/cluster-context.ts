/**
 * Cluster context: the presets (presets.ts) named by `--context a,b` or `context: ['a', 'b']`,
 * added to an analysis' input documents. They come first, so the input wins: an object the input
 * already has (same kind, namespace and name) is left out of the context rather than written twice.
 */
import { PRESET_NAMES, PRESETS, type ContextPreset } from './presets';
import { unpackDocuments } from '../analysis/manifest-objects';
import type { ManifestDocument } from '../analysis/model';

/** A preset name that is not one; its message lists the known names. */
export class UnknownPresetError extends Error {}

/** The presets named, in the order given; throws UnknownPresetError naming the known presets. */
export function contextPresets(names: readonly string[]): ContextPreset[] {
  return names.map(name => {
    const preset = PRESETS.find(p => p.name === name);
    if (!preset) throw new UnknownPresetError(`unknown cluster context preset '${name}'; use one of ${PRESET_NAMES.join(', ')}`);
    return preset;
  });
}

/** `a,b, c` (as the CLI takes it, possibly repeated) → `['a', 'b', 'c']`. */
export function splitPresetNames(lists: readonly string[]): string[] {
  return lists.flatMap(list => list.split(',')).map(name => name.trim()).filter(name => name !== '');
}

/** `docs` with the named presets' objects before them, each object once, none the input already has. */
export function withClusterContext<T extends ManifestDocument>(docs: readonly T[], names: readonly string[]): Array<T | ManifestDocument> {
  const presets = contextPresets(names);
  if (presets.length === 0) return [...docs];
  const taken = new Set(unpackDocuments(docs).map(o => keyOf(o.object)));
  const added = new Map<string, ManifestDocument>();
  for (const preset of presets) {
    preset.manifests.forEach((object, documentIndex) => {
      const key = keyOf(object);
      if (!taken.has(key)) added.set(key, { object, source: { file: `context:${preset.name}`, documentIndex } });
    });
  }
  return [...added.values(), ...docs];
}

function keyOf(object: unknown): string {
  const o = object as { kind?: unknown; metadata?: { namespace?: unknown; name?: unknown } } | undefined;
  return `${String(o?.kind)}/${String(o?.metadata?.namespace ?? '')}/${String(o?.metadata?.name)}`;
}
