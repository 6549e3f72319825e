export { InputError } from './input-error';
export { loadManifests } from './load-manifests';
export { checkNetworkPolicies } from './check-network-policies';
export { parsePortQuery } from './port-query';
