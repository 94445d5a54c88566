// Tells ML from OCaml by content, for `.ml` files another extension (OCaml) claimed: ML uses `//`
// comments, braces and `;`, OCaml uses `(* *)`, `let ... in`, `;;` and `match ... with`. Pure.

const ML_SIGNS: readonly RegExp[] = [
  /^\s*\/\/.*$/m, // line comment
  /^\s*import\s+[A-Za-z_][\w.]*(\s+as\s+\w+)?\s*;/m,
  /^\s*function\s+\w+\s*\([^)]*\)\s*\{/m,
  /^\s*capability\s+\w+\s*\{/m,
  /\b(elif|nonlocal)\b/,
  /^\s*\}\s*(elif|else|except|finally)\b/m,
  /^\s*[A-Za-z_]\w*\s*=\s*[^=;][^;]*;\s*$/m, // `x = ...;`
];

const OCAML_SIGNS: readonly RegExp[] = [
  /\(\*[\s\S]*?\*\)/, // block comment
  /^\s*let\s+(rec\s+)?\w+[^=]*=.*$/m,
  /\bin\s*$/m, // `let ... in` line ending
  /;;/,
  /\bmatch\b[\s\S]*?\bwith\b/,
  /^\s*(open|module|type)\s+[A-Z]/m,
  /\bfun\s+\w+\s*->/,
];

/** True when `text` reads as ML rather than OCaml (ties and empty files are not claimed). */
export function looksLikeMl(text: string): boolean {
  const sample = text.slice(0, 20_000);
  const ml = ML_SIGNS.filter((r) => r.test(sample)).length;
  const ocaml = OCAML_SIGNS.filter((r) => r.test(sample)).length;
  return ml > ocaml;
}
