export { NetworkLint } from './acknowledge';
export { NetworkApp } from './network-app';
