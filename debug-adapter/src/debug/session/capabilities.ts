// What the adapter tells a DAP client it supports (the initialize response) and its exception
// filters. Advertise only what is implemented and tested (TOOLING.md).
import type { DebugProtocol } from '@vscode/debugprotocol';

export const EXCEPTION_FILTERS: DebugProtocol.ExceptionBreakpointsFilter[] = [
  {
    filter: 'uncaught',
    label: 'Uncaught errors',
    default: true,
    description: 'Stop where an error is raised that no except clause will catch.',
  },
  { filter: 'all', label: 'All errors', default: false, description: 'Stop where any error is raised, caught or not.' },
  {
    filter: 'denied',
    label: 'Capability denied',
    default: true,
    description: 'Stop on the statement whose call is about to be refused a capability, showing what it asked for.',
  },
];

export function adapterCapabilities(): DebugProtocol.Capabilities {
  return {
    supportsConfigurationDoneRequest: true,
    supportsConditionalBreakpoints: true,
    supportsHitConditionalBreakpoints: true,
    supportsLogPoints: true,
    supportsFunctionBreakpoints: true,
    exceptionBreakpointFilters: EXCEPTION_FILTERS,
    supportsExceptionInfoRequest: true,
    supportsEvaluateForHovers: true,
    supportsSetVariable: true,
    supportsCompletionsRequest: true,
    completionTriggerCharacters: ['.'],
    supportsLoadedSourcesRequest: true,
    supportsTerminateRequest: true,
    supportsRestartRequest: true,
    supportsDelayedStackTraceLoading: true,
    supportsValueFormattingOptions: false,
    supportsStepBack: false,
  };
}
