// What the sandbox worker bundles of the grammar (its '@mlsec/grammar' alias, so start-up stays
// small): the capability model its gate checks, and the CSV text format and Python str() of values
// that its csv file bridges share with the runtime. Every name here is also in index.ts.
export * from './capabilities/index.js';
export * from './csv/index.js';
export { MLObject, type Value } from './runtime/values.js';
export { pyStr, pyTypeName } from './runtime/text.js';
