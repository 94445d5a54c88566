// Security analysis latency (SECURITY-RULES.md: under 20 ms for a 10,000-line file after parsing).
// Two generated 10,000-line programs: "typical" (mostly computation, string and collection work,
// one function in five doing file, environment or network I/O with data flowing between functions)
// and "io-heavy" (every function reads untrusted data that flows down a 500-deep call chain).
// Reports the median of 21 runs of analyze() on an already parsed and resolved program, the same
// with name resolution included, and a bare AST walk of the same program as a machine baseline.
// Each figure has its own loop, so that one workload's garbage is not collected in another's time.
import { analyze, grantFromConfig, parse, resolve, walk } from '@mlsec/grammar';

const TYPICAL = [
  (i) => [
    `function sum_${i}(xs) {`,
    '  total = 0;',
    '  for (x in xs) {',
    '    if (x % 2 == 0) {',
    '      total = total + x * 2;',
    '    } else {',
    `      total = total - x // ${(i % 5) + 2};`,
    '    }',
    '  }',
    '  return total;',
    '}',
  ],
  (i) => [
    `function words_${i}(text) {`,
    '  parts = text.lower().strip().split(" ");',
    '  out = [];',
    '  for (p in parts) {',
    '    if (len(p) > 3 && !p.startswith("#")) {',
    '      out.append(p.upper());',
    '    }',
    '  }',
    `  return ", ".join(out) + " (${i})";`,
    '}',
  ],
  (i) => [
    `function tally_${i}(rows) {`,
    '  counts = {};',
    '  for (r in rows) {',
    '    key = r.name;',
    '    counts[key] = json.get(counts, key, 0) + 1;',
    '  }',
    '  ordered = collections.sort(keys(counts));',
    `  return {keys: ordered, total: len(rows), id: ${i}};`,
    '}',
  ],
  (i) => [
    `function match_${i}(lines) {`,
    '  found = [];',
    '  for (line in lines) {',
    `    if (regex.test("^item-[0-9]+$", line)) {`,
    '      found.append(line);',
    '    }',
    '  }',
    '  return found;',
    '}',
  ],
  (i) => [
    `function fib_${i}(n) {`,
    '  if (n < 2) {',
    '    return n;',
    '  }',
    `  return fib_${i}(n - 1) + fib_${i}(n - 2);`,
    '}',
  ],
  (i) => [
    `function safe_div_${i}(a, b) {`,
    '  try {',
    '    if (b == 0) {',
    `      throw {message: "division by zero in ${i}"};`,
    '    }',
    '    return a / b;',
    '  } except (e) {',
    '    print("failed:", str(e));',
    '    return null;',
    '  }',
    '}',
  ],
  (i) => [
    `function scale_${i}(xs, k) {`,
    '  double = fn(x) => x * k;',
    '  kept = functional.filter(fn(x) => x > 0, xs);',
    '  return functional.map(double, kept);',
    '}',
  ],
  (i) => [
    `function report_${i}(items) {`,
    '  lines = [];',
    '  for (item in items) {',
    '    lines.append(item.name + ": " + format(item.value, ".2f"));',
    '  }',
    `  print("report ${i}");`,
    '  print("\\n".join(lines));',
    '  return len(lines);',
    '}',
  ],
  (i) => [
    `function load_${i}(name) {`,
    `  base = env.get("DATA_DIR_${i}", "data");`,
    '  if (name == "a.csv" || name == "b.csv") {',
    '    return file.read(base + "/" + name);',
    '  }',
    `  config = file.read("data/config_${i}.json");`,
    `  return words_${Math.max(0, i - 7)}(config);`,
    '}',
  ],
  (i) => [
    `function fetch_${i}() {`,
    `  response = http.get("https://api.example.com/v1/items/${i}");`,
    '  if (!response.ok()) {',
    '    return [];',
    '  }',
    '  data = response.json();',
    `  return tally_${Math.max(0, i - 7)}(data.items);`,
    '}',
  ],
];

function ioHeavy(i) {
  const prev = i === 0 ? 'print' : `step_${i - 1}`;
  return [
    `function step_${i}(items, limit) {`,
    '  total = 0;',
    '  for (x in items) {',
    '    if (x > limit) {',
    `      total = total + x // ${(i % 7) + 2};`,
    '    } elif (x == limit) {',
    '      total = total - 1;',
    '    } else {',
    `      label = "item " + str(x) + " of step ${i}";`,
    '      print(label);',
    '    }',
    '  }',
    `  name = env.get("KEY_${i}", "default");`,
    `  data = file.read("data/input_${i}.txt");`,
    '  parts = regex.split(",", data);',
    `  query = "SELECT * FROM t${i} WHERE id = " + json.stringify(total);`,
    '  target = path.basename(name) + ".json";',
    `  ${i % 2 === 0 ? 'file.write("output/" + target, query);' : 'print(query, parts);'}`,
    `  return ${prev}(parts, total);`,
    '}',
  ];
}

const HEADER = [
  'import file;',
  'import env;',
  'import http;',
  'import json;',
  'import regex;',
  'import path;',
  'import collections;',
  'import functional;',
  '',
];

/** A program of about `lines` lines built from the templates; `typical` or `io-heavy`. */
export function generate(lines, kind = 'typical') {
  const out = [...HEADER];
  let i = 0;
  while (out.length < lines) {
    out.push(...(kind === 'typical' ? TYPICAL[i % TYPICAL.length](i) : ioHeavy(i)));
    i++;
  }
  out.push(kind === 'typical' ? `print(load_8("a.csv"), fetch_9());` : `step_${i - 1}([1, 2, 3], 2);`);
  return out.join('\n') + '\n';
}

const RUNS = 21;

/** Median duration in ms of RUNS calls of `fn` (after the caller's warm-up). */
function median(fn) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

function measure(kind) {
  const text = generate(10_000, kind);
  const { program, diagnostics } = parse(text);
  if (diagnostics.some((d) => d.severity === 'error'))
    throw new Error(`generated ${kind} program does not parse: ${diagnostics[0].message}`);
  const { grant } = grantFromConfig(null, {
    root: '/bench',
    allow: ['file:read:data/**', 'env:read:KEY_*', 'env:read:DATA_DIR_*', 'http:get:https://api.example.com/**'],
  });
  const options = { text, root: '/bench', grant };
  const resolution = resolve(program);
  for (let i = 0; i < 5; i++) analyze(program, resolve(program), options);
  const findings = analyze(program, resolution, options).findings.length;
  return {
    lines: text.split('\n').length - 1,
    analyzeOnly: median(() => analyze(program, resolution, options)),
    withResolve: median(() => analyze(program, resolve(program), options)),
    walk: median(() => walk(program, () => undefined)),
    findings,
  };
}

export async function run(emit) {
  for (const kind of ['typical', 'io-heavy']) {
    const m = measure(kind);
    const name = kind.replace('-', '_');
    emit({ name: `analysis.${name}.analyze_${m.lines}_lines_median`, unit: 'ms', value: m.analyzeOnly });
    emit({ name: `analysis.${name}.resolve_and_analyze_median`, unit: 'ms', value: m.withResolve });
    emit({ name: `analysis.${name}.bare_ast_walk_median`, unit: 'ms', value: m.walk });
    emit({ name: `analysis.${name}.findings`, unit: 'count', value: m.findings });
  }
}
