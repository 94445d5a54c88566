// Source maps for transpiled code: the project's own line map (generated line → ML position) and
// a standard Source Map V3 built from it. Pure string work.

/** 0-based ML position a generated line came from. */
export interface MappedPosition {
  line: number;
  column: number;
}

/**
 * `lines[g]` is the ML position of generated line g (0-based), or null for lines that belong to
 * no ML statement (prelude, closing braces).
 */
export interface LineMap {
  file: string;
  lines: (MappedPosition | null)[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += B64[digit];
  } while (v > 0);
  return out;
}

export interface SourceMapV3 {
  version: 3;
  file: string;
  sources: string[];
  names: string[];
  mappings: string;
}

/** A V3 source map with one segment per mapped generated line (at column 0). */
export function toSourceMapV3(map: LineMap, generatedFile: string): SourceMapV3 {
  let prevLine = 0;
  let prevCol = 0;
  const groups: string[] = [];
  for (const pos of map.lines) {
    if (pos === null) {
      groups.push('');
      continue;
    }
    groups.push(vlq(0) + vlq(0) + vlq(pos.line - prevLine) + vlq(pos.column - prevCol));
    prevLine = pos.line;
    prevCol = pos.column;
  }
  return { version: 3, file: generatedFile, sources: [map.file], names: [], mappings: groups.join(';') };
}
