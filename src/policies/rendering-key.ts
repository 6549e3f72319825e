/**
 * When a library policy may reuse what it rendered last. cdk8s validates the whole app once per
 * chart it writes, so the synth-time lint reads each policy many times in one synth; rendering
 * (cdk8s' resolution of every value) and validating it each time would dominate the synth.
 *
 * A policy's spec is fixed when it is constructed (the library wrote it; `rewritePolicy`, which
 * `ConnectionGraph` uses as connections are added, drops what it rendered), so what it renders
 * depends only on its metadata (name, namespace, labels, annotations: `metadata.toJson()`), the
 * acknowledgements on it and its scopes, its JSON patches (which only its own `addJsonPatch`
 * adds) and the app's resolvers. The first three are in the key; an app with a resolver of its
 * own (which may answer differently each time) renders every time it is asked, but for a NetworkApp
 * synth, during which one rendering stands (network-app.ts).
 */
import { App, ImplicitTokenResolver, LazyResolver, NumberStringUnionResolver } from 'cdk8s';
import type { ApiObject } from 'cdk8s';

/** The key of what `policy` renders now, or undefined when it must render afresh every time. */
export function renderingKey(policy: ApiObject, patches: number, acknowledgements: string): string | undefined {
  if (!onlyBuiltInResolvers(App.of(policy) as App)) return undefined;
  return `${patches}\n${acknowledgements}\n${JSON.stringify(policy.metadata.toJson())}`;
}

/** cdk8s' own resolvers give the same answer for the same value every time. */
function onlyBuiltInResolvers(app: App): boolean {
  return app.resolvers.every(resolver => resolver instanceof LazyResolver
    || resolver instanceof ImplicitTokenResolver || resolver instanceof NumberStringUnionResolver);
}
