// Public (jsii) exports of src/analysis: the facade. The core modules are TypeScript-only and reached by path.
export * from './network-analysis';
