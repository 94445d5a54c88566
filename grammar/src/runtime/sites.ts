// ML call sites at run time: each transpiled unit registers its position table, which gets a range
// of site ids; transpiled code stores the id of a call that may reach a capability check in
// callState.site, and the runtime turns the latest one into file:line:column when a check happens.
import { callState } from './call.js';
import type { HostCallSite } from './host.js';

/** ML source positions of one transpiled file: `data[2k]`, `data[2k+1]` = 0-based line, column of position k. */
export interface PositionTable {
  readonly file: string;
  readonly data: readonly number[];
  /** Site id of position 0: position k is site `site + k`. */
  readonly site: number;
}

/** Site ids per unit (a unit has fewer positions than this: one per statement or call). */
const SPAN = 2 ** 20;

/** One run's registry of position tables (created with the runtime). */
export class SiteRegistry {
  private readonly tables: PositionTable[] = [];

  /** Registers a unit's positions (called once by each unit as it starts). */
  positions(file: string, data: readonly number[]): PositionTable {
    const table = Object.freeze({ file, data: Object.freeze(data.slice()), site: this.tables.length * SPAN });
    this.tables.push(table);
    return table;
  }

  /** The latest call site stored by transpiled code, for a check made by `functionName`. */
  current(functionName?: string): HostCallSite | undefined {
    const id = callState.site;
    if (id < 0) return undefined;
    const table = this.tables[Math.floor(id / SPAN)];
    if (table === undefined) return undefined;
    const k = id % SPAN;
    const line = table.data[2 * k];
    const column = table.data[2 * k + 1];
    if (line === undefined || column === undefined) return undefined;
    const site: HostCallSite = { file: table.file, line: line + 1, column: column + 1 };
    if (functionName !== undefined) site.functionName = functionName;
    return site;
  }
}
