// Public API of the ML language core. Each area exports through its own barrel; consumers import
// from '@mlsec/grammar' only.
export * from './diagnostics.js';
export * from './syntax/index.js';
export * from './stdlib/index.js';
export * from './names/index.js';
export * from './runtime/index.js';
export * from './transpiler/index.js';
export * from './capabilities/index.js';
export * from './csv/index.js';
export * from './format/index.js';
export * from './config/index.js';
export * from './analysis/index.js';
export * from './protocol/index.js';
