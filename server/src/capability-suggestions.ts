// Capability strings to offer where one is being written (mlpy.yaml lists, `capability` blocks):
// what the open programs need first, then every resource with its operations. Pure data building.
import { RESOURCE_NAMES, resourceInfo } from '@mlsec/grammar';

export interface CapabilitySuggestion {
  label: string;
  detail: string;
  /** Sort group: 0 needed by open programs, 1 resource:operation forms, 2 wildcards. */
  group: number;
}

const TARGET_EXAMPLE: Readonly<Record<string, string>> = {
  path: 'data/**',
  url: 'https://api.example.com/**',
  hostport: 'localhost:8080',
  name: 'NAME',
};

/** `needed`: capability strings the workspace's open programs need (already relative to the root). */
export function capabilitySuggestions(needed: Iterable<string>): CapabilitySuggestion[] {
  const out: CapabilitySuggestion[] = [];
  const seen = new Set<string>();
  const add = (s: CapabilitySuggestion): void => {
    if (seen.has(s.label)) return;
    seen.add(s.label);
    out.push(s);
  };
  for (const c of needed) add({ label: c, detail: 'needed by an open program', group: 0 });
  for (const name of RESOURCE_NAMES) {
    const info = resourceInfo(name)!;
    const example = TARGET_EXAMPLE[info.target];
    for (const op of info.operations ?? []) {
      const label = example === undefined ? `${name}:${op}` : `${name}:${op}:${example}`;
      add({ label, detail: `${name} ${op}${example === undefined ? '' : ' (edit the target)'}`, group: 1 });
    }
    add({
      label: example === undefined ? `${name}:*` : `${name}:*:${example}`,
      detail: `every ${name} operation`,
      group: 2,
    });
  }
  return out;
}
