// Barrel of the stdlib catalogue area: names, catalogue data, default grant and query API. No I/O.
export type * from './types.js';
export * from './names.js';
export * from './catalogue.js';
export * from './default-grant.js';
export * from './templates.js';
export { parseParams } from './define.js';
