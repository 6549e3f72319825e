/**
 * One synth of an app, as a scope for caching what cannot change during it.
 *
 * cdk8s (2.68) validates the whole app before it writes each chart: `app.synth()` and
 * `app.synthYaml()` call `chart.toJson()` once per chart, and each call runs every validation of
 * the app again. A validation that reads a whole chart (the network lint) would run charts² times.
 * No user code runs between those validations, so the answer of the first one stands for the
 * synth; but between two synths the user may change anything, so nothing is kept past one.
 *
 * The app's `synth` and `synthYaml` are wrapped on the instance to mark a synth in progress.
 * Where that is not possible (a method the user or another language's jsii runtime defined on the
 * instance as non-configurable; jsii runtimes also call the prototype's method), there is simply
 * no session: every validation computes afresh, correct and slower.
 */
import type { IConstruct } from 'constructs';

const SYNTH_METHODS = ['synth', 'synthYaml'] as const;

/** Per app: the cache of the synth in progress; absent outside one. */
const active = new WeakMap<IConstruct, Map<unknown, unknown>>();
const tracked = new WeakSet<IConstruct>();

/** Marks every later `synth()`/`synthYaml()` of `app` as a session; once per app. */
export function trackSynths(app: IConstruct): void {
  if (tracked.has(app)) return;
  tracked.add(app);
  const target = app as unknown as Record<string, unknown>;
  for (const method of SYNTH_METHODS) {
    const original = target[method];
    const own = Object.getOwnPropertyDescriptor(app, method);
    if (typeof original !== 'function' || (own && !own.configurable)) continue;
    Object.defineProperty(app, method, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => inSession(app, () => original.apply(app, args)),
    });
  }
}

function inSession<T>(app: IConstruct, synth: () => T): T {
  if (active.has(app)) return synth(); // a synth inside a synth belongs to the outer one
  active.set(app, new Map());
  try {
    return synth();
  } finally {
    active.delete(app);
  }
}

/**
 * `compute()`, remembered under `key` for the rest of the synth of `app` in progress;
 * outside a synth, computed every time.
 */
export function oncePerSynth<T>(app: IConstruct, key: unknown, compute: () => T): T {
  const cache = active.get(app);
  if (!cache) return compute();
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as T;
}
