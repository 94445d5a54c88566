// The security rules of SECURITY-RULES.md as data: id, name, threat category, own severity, CWE,
// descriptions and fix hint. Data table only; the checks live in rules-*.ts and flow-*.ts.

export type RuleId =
  | 'SEC001'
  | 'SEC002'
  | 'SEC003'
  | 'SEC004'
  | 'SEC005'
  | 'SEC006'
  | 'SEC007'
  | 'SEC008'
  | 'SEC009'
  | 'SEC010'
  | 'SEC011'
  | 'SEC012'
  | 'SEC013'
  | 'SEC014'
  | 'SEC015'
  | 'SEC016';

/** A rule's own severity (SECURITY-RULES.md); mapped to a Diagnostic severity by severity.ts. */
export type RuleSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export interface SecurityRule {
  id: RuleId;
  /** Stable kebab-case name (SARIF `name`). */
  name: string;
  category: string;
  severity: RuleSeverity;
  /** `CWE-95`. */
  cwe: string;
  /** One line: what triggers the rule. */
  short: string;
  /** Why it matters. */
  full: string;
  /** What to do instead. */
  fix: string;
}

const RULE_LIST: readonly SecurityRule[] = [
  {
    id: 'SEC001',
    name: 'code-injection',
    category: 'code_injection',
    severity: 'critical',
    cwe: 'CWE-95',
    short: 'Use of a code-evaluation name (eval, exec, compile, __import__, ...) the program does not define',
    full: 'Names such as eval, exec, compile, execfile, __import__, globals, locals and vars evaluate code or expose the interpreter. ML has none of them; a use is an attempt to reach the host.',
    fix: 'Remove the call. Parse data with json.parse, or dispatch on a value with an object of functions.',
  },
  {
    id: 'SEC002',
    name: 'dangerous-builtin',
    category: 'dangerous_builtin',
    severity: 'critical',
    cwe: 'CWE-676',
    short: 'Use of a host builtin (open, exit, quit, file, raw_input, ...) the program does not define',
    full: 'open, exit, quit, file, raw_input, copyright, credits and license are Python builtins outside the capability model. ML programs use the file module and input().',
    fix: 'Use file.read / file.write (granted by a capability) instead of open, input() instead of raw_input, and return instead of exit.',
  },
  {
    id: 'SEC003',
    name: 'dunder-access',
    category: 'dunder_access',
    severity: 'critical',
    cwe: 'CWE-749',
    short: 'An identifier, function, parameter, member or key whose name starts with __',
    full: 'Double-underscore names are the internals of the host runtimes. ML never needs them; they are the usual first step of a sandbox escape.',
    fix: 'Rename the identifier or key so that it does not start with two underscores.',
  },
  {
    id: 'SEC004',
    name: 'reflection-abuse',
    category: 'reflection_abuse',
    severity: 'high',
    cwe: 'CWE-470',
    short: 'Member access or string key naming a reflection attribute (__class__, __globals__, ...)',
    full: '__class__, __bases__, __subclasses__, __mro__, __globals__, __dict__, __code__, __closure__, __defaults__ and __kwdefaults__ walk from any value to the interpreter internals.',
    fix: 'Remove the access. Use typeof(v) or isinstance(v, "name") to inspect a value.',
  },
  {
    id: 'SEC005',
    name: 'js-internals',
    category: 'js_internals',
    severity: 'critical',
    cwe: 'CWE-693',
    short: 'Access to JavaScript internals (.constructor, .prototype, this, process, require, Function, ...)',
    full: 'ML runs on V8. Members such as constructor, prototype, __proto__, caller, callee, arguments and names such as globalThis, this, process, require, module, Function, Reflect, Proxy and WebAssembly lead out of the sandbox.',
    fix: 'Remove the access; ML values have no JavaScript members. Rename a variable if it merely shares the name.',
  },
  {
    id: 'SEC006',
    name: 'computed-reflection',
    category: 'computed_reflection',
    severity: 'high',
    cwe: 'CWE-470',
    short: 'A [] index whose constant string key names an internal (__proto__, constructor, __class__, ...)',
    full: 'Computing the key ("__pro" + "to__") does not make an internal any safer than writing .__proto__; the analyzer folds + of literals before checking.',
    fix: 'Use an ordinary key name.',
  },
  {
    id: 'SEC007',
    name: 'unsafe-import',
    category: 'unsafe_import',
    severity: 'high',
    cwe: 'CWE-829',
    short: 'Import of a host module (os, sys, subprocess, pickle, ctypes, ...)',
    full: 'os, sys, subprocess, shutil, pickle, marshal, imp, importlib, types, inspect, gc, ctypes, builtins and __builtin__ give direct host access in the reference implementation; ML programs must use the capability-checked stdlib.',
    fix: 'Use the ML stdlib: file, path, env, args, http — each checked against the granted capabilities.',
  },
  {
    id: 'SEC008',
    name: 'overly-broad-capability',
    category: 'overly_broad_capability',
    severity: 'medium',
    cwe: 'CWE-250',
    short: 'A capability declaration or grant that covers everything (resource "*", *:*:**, file:*:/**)',
    full: 'A capability that matches every resource gives up the protection the capability model exists for.',
    fix: 'Name the files, directories or hosts the program needs, e.g. resource "data/*.csv".',
  },
  {
    id: 'SEC009',
    name: 'dangerous-permission',
    category: 'dangerous_permission',
    severity: 'high',
    cwe: 'CWE-269',
    short: 'allow system / allow execute without a target or with target "*"',
    full: 'A system or execute permission without a specific target asks for unrestricted host access.',
    fix: 'Name the exact target: allow execute "tool-name";',
  },
  {
    id: 'SEC010',
    name: 'capability-exceeds-grant',
    category: 'capability_exceeds_grant',
    severity: 'high',
    cwe: 'CWE-285',
    short: 'A capability declaration, or a stdlib call with a known target, that the active grant does not allow',
    full: 'The program asks for more than the run would grant; it would be refused before starting (declarations) or when the call runs.',
    fix: 'Grant the capability (--allow CAP, a profile in mlpy.yaml) or change the program to stay within its grant.',
  },
  {
    id: 'SEC011',
    name: 'sql-injection',
    category: 'sql_injection',
    severity: 'high',
    cwe: 'CWE-89',
    short: 'An SQL statement built with + from a value that is not a literal',
    full: 'Concatenating values into SQL lets the value change the statement.',
    fix: 'Pass values as parameters of the query instead of concatenating them, or validate them against a fixed list.',
  },
  {
    id: 'SEC012',
    name: 'command-injection',
    category: 'command_injection',
    severity: 'high',
    cwe: 'CWE-78',
    short: 'A shell command built with + from a value that is not a literal',
    full: 'Concatenating values into a shell command lets the value run other commands.',
    fix: 'Do not build shell commands; if a command is unavoidable, pick it from a fixed list.',
  },
  {
    id: 'SEC013',
    name: 'path-traversal',
    category: 'path_traversal',
    severity: 'high',
    cwe: 'CWE-22',
    short: 'A file/path/csv call whose path has a .. segment (literal, or joined with a non-literal)',
    full: 'A .. segment leaves the directory the program was meant to stay in.',
    fix: 'Use paths below the program folder; take file names through path.basename before joining them.',
  },
  {
    id: 'SEC014',
    name: 'suspicious-string',
    category: 'suspicious_string',
    severity: 'medium',
    cwe: 'CWE-94',
    short: 'A string that contains code (eval(, exec(, __import__(, os.system(, subprocess.) and flows into a call',
    full: 'A string holding code that is handed to a call which is not a known output function is how code smuggling looks; messages and comments are not flagged.',
    fix: 'Do not pass code around as strings. If the text is only a message, print or log it.',
  },
  {
    id: 'SEC015',
    name: 'tainted-sink',
    category: 'tainted_sink',
    severity: 'high',
    cwe: 'CWE-20',
    short:
      'Untrusted data (http, file.read, env.get, args, input) reaches a file path, URL, SQL or command string without a check',
    full: 'Data from outside the program decides which file is opened or which URL is fetched; without a check it can point anywhere the grant allows.',
    fix: 'Check the value first (compare with a fixed list, test a prefix, path.basename) inside an if around the use.',
  },
  {
    id: 'SEC016',
    name: 'floor-div-comment',
    category: 'floor_div_comment',
    severity: 'medium',
    cwe: 'CWE-480',
    short: '// parsed as floor division where the right operand ends the line (a comment that became division)',
    full: 'After a complete operand, // is floor division, so a trailing "comment" inside an unfinished expression divides by its first word.',
    fix: 'Move the comment to its own line, or finish the expression before the comment.',
  },
];

export const RULES: ReadonlyMap<RuleId, SecurityRule> = new Map(RULE_LIST.map((r) => [r.id, r]));

/** Every rule in id order. */
export const RULE_IDS: readonly RuleId[] = RULE_LIST.map((r) => r.id);

export function ruleOf(id: RuleId): SecurityRule {
  return RULES.get(id)!;
}

export function isRuleId(text: string): text is RuleId {
  return RULES.has(text as RuleId);
}

/** Where each rule is documented (anchors of docs/security-rules.md). */
export const RULE_DOCS_PATH = 'docs/security-rules.md';

export function ruleDocsAnchor(id: RuleId): string {
  return `${RULE_DOCS_PATH}#${id.toLowerCase()}`;
}
