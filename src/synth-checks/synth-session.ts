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
 *
 * A session also lets synth write what the lint rendered (`renderForSynth`): rendering an object
 * (`toJson()`, for cdk8s-plus workloads the larger part of a synth) then happens once, not twice.
 */
import type { IConstruct } from 'constructs';

const SYNTH_METHODS = ['synth', 'synthYaml'] as const;

interface Session {
  readonly cache: Map<unknown, unknown>;
  /** Undo what the session changed on objects (renderings not yet handed to synth). */
  readonly cleanups: (() => void)[];
}

/** Per app: the synth in progress; absent outside one. */
const active = new WeakMap<IConstruct, Session>();
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
  const session: Session = { cache: new Map(), cleanups: [] };
  active.set(app, session);
  try {
    return synth();
  } finally {
    active.delete(app);
    session.cleanups.forEach(cleanup => cleanup());
  }
}

/**
 * `compute()`, remembered under `key` for the rest of the synth of `app` in progress;
 * outside a synth, computed every time.
 */
export function oncePerSynth<T>(app: IConstruct, key: unknown, compute: () => T): T {
  const cache = active.get(app)?.cache;
  if (!cache) return compute();
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as T;
}

/** What `renderForSynth` renders: an ApiObject, or anything else with its `toJson()`. */
export interface Renderable {
  toJson(): any;
}

/**
 * `object.toJson()`; during a synth of `app`, the object's next `toJson()` call (synth writing it)
 * returns this same rendering instead of rendering again, and from then on the object renders as
 * before. Nothing can change an object during a synth, so the two renderings would be equal;
 * the caller must not modify the result. A rendering synth never asks for is dropped when the synth
 * ends, even when it fails. Objects whose `toJson` cannot be shadowed (a non-configurable own
 * property, a non-extensible object) simply render twice.
 */
export function renderForSynth(app: IConstruct, object: Renderable): any {
  const json = object.toJson();
  const session = active.get(app);
  const own = Object.getOwnPropertyDescriptor(object, 'toJson');
  if (!session || (own && !own.configurable) || !Object.isExtensible(object)) return json;
  // Dropped once handed over, so that synth holds each rendering only as long as it would anyway.
  let rendering: { readonly json: any } | undefined = { json };
  const shadow = () => {
    const handed = rendering;
    rendering = undefined;
    restore();
    return handed ? handed.json : object.toJson(); // a kept reference to the shadow, called again
  };
  const restore = () => {
    if (Object.getOwnPropertyDescriptor(object, 'toJson')?.value !== shadow) return; // already handed over
    if (own) Object.defineProperty(object, 'toJson', own);
    else delete (object as Partial<Renderable>).toJson;
  };
  Object.defineProperty(object, 'toJson', { configurable: true, writable: true, value: shadow });
  session.cleanups.push(restore);
  return json;
}
