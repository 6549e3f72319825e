/**
 * An App whose synth reads each chart once for the network lint. cdk8s validates the whole app
 * before it writes each chart, so with a plain `App` the synth-time lint of every chart runs once
 * per chart of the app (it re-reads each chart every time, which is always right and costs charts²
 * reads). A `NetworkApp` marks its own `synth()` and `synthYaml()` as one synth, during which no
 * code of the user's runs, so each chart's lint result stands for the rest of that synth.
 */
import { App } from 'cdk8s';
import type { IConstruct } from 'constructs';

/** Per app: what validations computed during the synth in progress; absent outside one. */
const synthsInProgress = new WeakMap<IConstruct, Map<unknown, unknown>>();

/**
 * A cdk8s `App` that synthesizes exactly as `App` does, with the network lint of each chart run
 * once per synth instead of once per chart of the app. Use it for apps of many charts.
 */
export class NetworkApp extends App {
  /** Synthesizes all manifests to the output directory, as `App.synth()` does. */
  public synth(): void {
    inSynth(this, () => super.synth());
  }

  /** Synthesizes the app into a YAML string, as `App.synthYaml()` does. */
  public synthYaml(): string {
    return inSynth(this, () => super.synthYaml());
  }
}

function inSynth<T>(app: NetworkApp, synth: () => T): T {
  if (synthsInProgress.has(app)) return synth();
  synthsInProgress.set(app, new Map());
  try {
    return synth();
  } finally {
    synthsInProgress.delete(app);
  }
}

/** A token of the `NetworkApp` synth of `construct`'s app in progress, if any: the same object for the whole synth. */
export function synthInProgress(construct: IConstruct): object | undefined {
  return synthsInProgress.get(construct.node.root);
}

/** `compute()` once per synth of a `NetworkApp` (keyed by `key`); outside one, every time. */
export function oncePerSynth<T>(app: IConstruct, key: unknown, compute: () => T): T {
  const cache = synthsInProgress.get(app);
  if (!cache) return compute();
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as T;
}
