export { NetworkLint } from './acknowledge';
