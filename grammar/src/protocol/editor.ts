// Editor-facing constants shared by client and server: command ids the server's code lenses use and
// the semantic token legend (the client declares the custom type and modifier). Constants only.

/** Client command run by the "needs: ..." code lens; arguments: `[uri: string, functionName: string | null]`. */
export const SHOW_REQUIRED_CAPABILITIES_COMMAND = 'ml.showRequiredCapabilities';

/** Semantic token types in legend order. `capability` is custom (a capability declaration's name). */
export const SEMANTIC_TOKEN_TYPES = [
  'keyword',
  'function',
  'method',
  'parameter',
  'variable',
  'namespace',
  'property',
  'string',
  'number',
  'comment',
  'operator',
  'capability',
] as const;

/** Semantic token modifiers in legend order. `securitySensitive` is custom: a call that needs capabilities. */
export const SEMANTIC_TOKEN_MODIFIERS = ['declaration', 'defaultLibrary', 'securitySensitive'] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];
