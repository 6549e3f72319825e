/**
 * The ingress controller as the policies see it: a pod with labels in a namespace with labels
 * (docs/ingress-paths.md). The controller's own pods are rarely in the input, so it is
 * described, not read: either np-guard's anonymous controller or a profile of a known one.
 */
import type { Labels } from './model';
import { NAMESPACE_NAME_LABEL } from './model-builder';
import { dns1123LabelProblem } from './validation/dns-1123';
import { labelValueProblem, qualifiedNameProblem } from './validation/qualified-name';

export interface IngressController {
  /** How output names it, between braces: `{ingress-controller}`, `{ingress-nginx}`. */
  readonly name: string;
  readonly namespace: string;
  /** Labels of its namespace besides `kubernetes.io/metadata.name`, which is always set. */
  readonly namespaceLabels: Labels;
  readonly podLabels: Labels;
}

/**
 * np-guard netpol-analyzer's controller: an unlabelled pod in namespace `ingress-controller-ns`,
 * a namespace no policy names. Only rules admitting any namespace (or any source) admit it.
 */
export const ANONYMOUS_CONTROLLER: IngressController = {
  name: 'ingress-controller',
  namespace: 'ingress-controller-ns',
  namespaceLabels: {},
  podLabels: {},
};

/** Known controllers as their upstream manifests install them (sources in docs/ingress-paths.md). */
export const INGRESS_CONTROLLER_PROFILES: Readonly<Record<string, IngressController>> = {
  'ingress-nginx': {
    name: 'ingress-nginx',
    namespace: 'ingress-nginx',
    namespaceLabels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx' },
    podLabels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
  },
  'openshift': {
    name: 'openshift-ingress',
    namespace: 'openshift-ingress',
    namespaceLabels: { 'policy-group.network.openshift.io/ingress': '', 'network.openshift.io/policy-group': 'ingress' },
    podLabels: { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default' },
  },
  'traefik': {
    name: 'traefik',
    namespace: 'traefik',
    namespaceLabels: {},
    podLabels: { 'app.kubernetes.io/name': 'traefik', 'app.kubernetes.io/instance': 'traefik-traefik' },
  },
};

/** The namespace's labels as the API server holds them: the given ones plus the name label. */
export function controllerNamespaceLabels(controller: IngressController): Labels {
  return { ...controller.namespaceLabels, [NAMESPACE_NAME_LABEL]: controller.namespace };
}

/**
 * A controller named by a profile (`ingress-nginx`, `openshift`, `traefik`) or written as
 * `<namespace>/<key=value,...>` (its namespace and its pods' labels; `<namespace>/` for
 * unlabelled pods). Throws an Error naming the mistake and the accepted forms.
 */
export function parseIngressController(text: string): IngressController {
  const profile = Object.hasOwn(INGRESS_CONTROLLER_PROFILES, text) ? INGRESS_CONTROLLER_PROFILES[text] : undefined;
  if (profile) return profile;
  const forms = `use ${Object.keys(INGRESS_CONTROLLER_PROFILES).join(', ')} or <namespace>/<key=value,...> (e.g. ingress/app=router)`;
  const slash = text.indexOf('/');
  if (slash < 0) throw new Error(`unknown ingress controller '${text}'; ${forms}`);
  const namespace = text.slice(0, slash);
  const namespaceProblem = dns1123LabelProblem(namespace);
  if (namespaceProblem) throw new Error(`ingress controller '${text}': namespace '${namespace}' ${namespaceProblem}; ${forms}`);
  const podLabels: Record<string, string> = {};
  for (const pair of text.slice(slash + 1).split(',').filter(p => p !== '')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? undefined : pair.slice(eq + 1);
    const problem = value === undefined ? 'has no value' : qualifiedNameProblem(key) ?? labelValueProblem(value);
    if (problem) throw new Error(`ingress controller '${text}': pod label '${pair}' ${problem}; write key=value pairs separated by commas`);
    podLabels[key] = value!;
  }
  return { name: namespace, namespace, namespaceLabels: {}, podLabels };
}
