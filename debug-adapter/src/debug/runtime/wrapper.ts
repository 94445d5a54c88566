// Builds the closure body of a debug run: the debug agent bundle (dist/debug-agent.js, evaluated
// inside the run's closure, installing nothing global), the runtime over the agent-wrapped host,
// the user modules and the main unit, each called with the agent's `$D` handle. Never executes it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MlUnits } from '../../sandbox/program-wrapper.js';
import { reportThrown } from '../../sandbox/program-wrapper.js';
import { makeRuntimeHost } from '../../sandbox/runtime-host.js';

/** Global name the agent bundle's IIFE assigns (a `var` local to the run's closure). */
export const AGENT_GLOBAL = '__mlsecDebugAgent';

/** dist/debug-agent.js next to the bundled CLI. */
export function defaultAgentPath(): string {
  return fileURLToPath(new URL('./debug-agent.js', import.meta.url));
}

const cache = new Map<string, string>();

/** The agent bundle's source (read once per path). */
export function loadAgentSource(file: string): string {
  let source = cache.get(file);
  if (source === undefined) {
    source = readFileSync(file, 'utf8');
    if (!source.includes(`var ${AGENT_GLOBAL}`)) throw new Error(`${file} is not the mlsec debug agent bundle`);
    cache.set(file, source);
  }
  return source;
}

/** The closure body for the engine (`$0` host facade, `$1` file name), like wrapMlProgram's. */
export function wrapDebugProgram(units: MlUnits, agentSource: string): string {
  const bind = (code: string): string => `(($rt) => (${code})($rt, __mlsecD))`;
  const lines = [
    `"use strict";const __mlsecReport=${reportThrown.toString()};`,
    agentSource,
    'try{',
    `const __mlsecAgent=${AGENT_GLOBAL}.createDebugAgent($0);`,
    `const __mlsecRt=globalThis.__mlsecRuntime.createRuntime(__mlsecAgent.wrapHost((${makeRuntimeHost.toString()})($0,${JSON.stringify(units.info)})));`,
    '__mlsecAgent.attach(__mlsecRt);',
    'const __mlsecD=__mlsecAgent.handle;',
  ];
  for (const m of units.modules) lines.push(`__mlsecRt.defineUserModule(${JSON.stringify(m.name)},${bind(m.code)});`);
  lines.push('__mlsecAgent.start();');
  lines.push(`const __mlsecResult=__mlsecRt.run(${bind(units.main)});`);
  lines.push('return __mlsecResult.ok?null:__mlsecReport(__mlsecResult.error,$1);');
  lines.push('}catch(e){return __mlsecReport(e,$1)}');
  return lines.join('\n');
}
