export { InputError } from './input-error';
export { loadManifests } from './load-manifests';
export { checkNetworkPolicies } from './check-network-policies';
export type { InvalidPolicies } from './check-network-policies';
export { loadModel, modelOf } from './load-model';
export type { LoadedModel } from './load-model';
export { parsePortQuery } from './port-query';
