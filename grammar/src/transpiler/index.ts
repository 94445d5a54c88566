// Barrel of the transpiler area: AST → JavaScript unit source + line maps.
export { transpile, type TranspileOptions, type TranspileResult } from './transpile.js';
export { toSourceMapV3, type LineMap, type MappedPosition, type SourceMapV3 } from './source-map.js';
export type { DebugUnitInfo, DebugFunctionInfo } from './debug-gen.js';
export {
  compileDebugExpression,
  compileDebugStatement,
  compileLogMessage,
  type DebugExpr,
  type DebugStatement,
  type DebugCompileOptions,
  type DebugCompileResult,
  type LogPart,
} from './debug-expression.js';
