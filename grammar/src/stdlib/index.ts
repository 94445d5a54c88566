// Barrel of the stdlib catalogue area: names, catalogue data and query API. No I/O.
export * from './names.js';
