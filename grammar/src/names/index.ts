// Barrel of the names area: resolve(), the resolution types and the shared import-binding rule.
export { resolve } from './resolve.js';
export { importBindingIdentifier } from './collect.js';
export { NAME_CODES } from './messages.js';
export { IMPLICIT_NAMES } from './symbol-table.js';
export { closestName, editDistance } from './suggest.js';
export type * from './types.js';
