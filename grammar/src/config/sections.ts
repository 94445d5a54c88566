// Validation of the `security` and `sandbox` sections of mlpy.yaml into typed config values.
// Capability strings are checked with the capability parser and errors mapped into the scalar.
import type { Scalar } from 'yaml';
import { parseCapability } from '../capabilities/parse.js';
import { suggest } from '../capabilities/issues.js';
import type { ConfigReader } from './walk.js';
import {
  CONFIG_CODES as CFG,
  type AnalysisLevel,
  type CapabilityProfile,
  type Located,
  type SandboxLimits,
  type SecurityConfig,
  type SuppressEntry,
} from './types.js';

const SECURITY_KEYS = [
  'default_capabilities',
  'capability_profiles',
  'denied_capabilities',
  'analysis_level',
  'suppress',
] as const;
const SANDBOX_KEYS = ['max_memory_mb', 'max_execution_time', 'max_wall_time', 'max_output_kb'] as const;
const LEVELS: readonly AnalysisLevel[] = ['strict', 'moderate', 'permissive'];

/** Validates one capability string scalar; returns it when it has no error. */
function capability(reader: ConfigReader, node: Scalar<string>, denial: boolean): Located<string> | null {
  const text = node.value;
  // Denials may be written without `!`; offsets then shift by the added character.
  const written = denial && !text.startsWith('!') ? `!${text}` : text;
  const shift = written.length - text.length;
  const parsed = parseCapability(written);
  for (const i of parsed.issues) {
    const code =
      i.severity === 'error'
        ? CFG.badCapability
        : i.severity === 'warning'
          ? CFG.capabilityWarning
          : CFG.capabilityHint;
    const range = reader.positions.withinScalar(node, Math.max(0, i.offset - shift), Math.max(1, i.length));
    reader.report(code, `${i.message} (${i.code})`, range, i.severity);
  }
  if (parsed.capability === null) return null;
  if (!denial && parsed.capability.denial) {
    reader.report(CFG.badCapability, 'denials (`!...`) belong in `denied_capabilities`', reader.rangeOf(node));
    return null;
  }
  return { value: text, range: reader.rangeOf(node) };
}

function capabilityList(reader: ConfigReader, node: unknown, what: string, denial = false): Located<string>[] {
  const out: Located<string>[] = [];
  for (const item of reader.list(node, what)) {
    const s = reader.string(item, `each entry of \`${what}\``);
    if (s === null) continue;
    const c = capability(reader, s, denial);
    if (c !== null) out.push(c);
  }
  return out;
}

function profiles(reader: ConfigReader, node: unknown): Map<string, CapabilityProfile> {
  const out = new Map<string, CapabilityProfile>();
  for (const pair of reader.map(node, 'capability_profiles')) {
    const name = pair.key.value;
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
      reader.report(
        CFG.wrongType,
        `profile name \`${name}\` may contain only letters, digits, \`_\`, \`-\` and \`.\``,
        reader.rangeOf(pair.key),
      );
      continue;
    }
    const capabilities = capabilityList(reader, pair.value, `capability_profiles.${name}`);
    out.set(name, {
      name,
      capabilities,
      keyRange: reader.rangeOf(pair.key),
      valueRange: reader.rangeOf(pair.value ?? pair.key),
      flow: reader.isFlowList(pair.value),
    });
  }
  return out;
}

function suppressList(reader: ConfigReader, node: unknown): SuppressEntry[] {
  const out: SuppressEntry[] = [];
  for (const item of reader.list(node, 'suppress')) {
    const s = reader.string(item, 'each entry of `suppress`');
    if (s === null) continue;
    const m = /^([A-Z]{2,4}\d{3})(?::line_(\d+))?$/.exec(s.value);
    const line = m?.[2] === undefined ? null : Number(m[2]);
    if (m === null || line === 0) {
      reader.report(
        CFG.badSuppress,
        `\`${s.value}\` is not a rule id (\`SEC005\`) optionally followed by a line (\`SEC005:line_45\`)`,
        reader.rangeOf(s),
      );
      continue;
    }
    out.push({ rule: m[1]!, line, range: reader.rangeOf(s) });
  }
  return out;
}

export function readSecurity(reader: ConfigReader, node: unknown): SecurityConfig {
  const security: SecurityConfig = {
    defaultCapabilities: null,
    profiles: new Map(),
    deniedCapabilities: [],
    analysisLevel: null,
    suppress: [],
  };
  for (const pair of reader.map(node, 'security')) {
    const key = pair.key.value;
    switch (key) {
      case 'default_capabilities':
        security.defaultCapabilities = capabilityList(reader, pair.value, key);
        break;
      case 'capability_profiles':
        security.profiles = profiles(reader, pair.value);
        break;
      case 'denied_capabilities':
        security.deniedCapabilities = capabilityList(reader, pair.value, key, true);
        break;
      case 'analysis_level': {
        const s = reader.string(pair.value, '`analysis_level`');
        if (s === null) break;
        if ((LEVELS as readonly string[]).includes(s.value))
          security.analysisLevel = { value: s.value as AnalysisLevel, range: reader.rangeOf(s) };
        else
          reader.report(
            CFG.badEnum,
            `\`analysis_level\` must be one of ${LEVELS.join(', ')}; found \`${s.value}\``,
            reader.rangeOf(s),
          );
        break;
      }
      case 'suppress':
        security.suppress = suppressList(reader, pair.value);
        break;
      default:
        reader.unknownKey(pair.key, 'security', SECURITY_KEYS, suggest(key, SECURITY_KEYS));
    }
  }
  return security;
}

export function readSandbox(reader: ConfigReader, node: unknown): SandboxLimits {
  const limits: SandboxLimits = { maxMemoryMb: null, maxExecutionTime: null, maxWallTime: null, maxOutputKb: null };
  for (const pair of reader.map(node, 'sandbox')) {
    const key = pair.key.value;
    const field = {
      max_memory_mb: 'maxMemoryMb',
      max_execution_time: 'maxExecutionTime',
      max_wall_time: 'maxWallTime',
      max_output_kb: 'maxOutputKb',
    }[key] as keyof SandboxLimits | undefined;
    if (field === undefined) {
      reader.unknownKey(pair.key, 'sandbox', SANDBOX_KEYS, suggest(key, SANDBOX_KEYS));
      continue;
    }
    const integer = key === 'max_memory_mb' || key === 'max_output_kb';
    const value = reader.positiveNumber(pair.value, key, integer);
    if (value !== null) limits[field] = { value, range: reader.rangeOf(pair.value) };
  }
  return limits;
}
