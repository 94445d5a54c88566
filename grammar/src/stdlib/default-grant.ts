// The default grant (STDLIB.md): what a run gets with no flags, no profile and no config. Data only.

/** Resources granted with every operation by default. */
export const DEFAULT_GRANT_RESOURCES: readonly string[] = [
  'console',
  'math',
  'regex',
  'json',
  'collections',
  'functional',
  'datetime',
  'random',
  'crypto',
  'log',
  'args',
];

/** The default grant as capability strings (`console:*`, `math:*`, ...). */
export const DEFAULT_GRANT: readonly string[] = DEFAULT_GRANT_RESOURCES.map((r) => `${r}:*`);
