// Denied capabilities become the grants a user writes: workspace file targets turn relative.
import { describe, expect, it } from 'vitest';
import { grantFor } from '../src/run/grant-target.js';

describe('grantFor', () => {
  const table: [string, string | null, string][] = [
    ['file:read:/ws/data/orders.csv', '/ws', 'file:read:data/orders.csv'],
    ['file:write:/ws/output/deep/r.json', '/ws', 'file:write:output/deep/r.json'],
    ['file:read:/etc/hosts', '/ws', 'file:read:/etc/hosts'],
    ['file:read:/wsx/a', '/ws', 'file:read:/wsx/a'],
    ['file:read:/ws', '/ws', 'file:read:/ws'],
    ['file:read:/ws/a', null, 'file:read:/ws/a'],
    ['http:get:https://api.example.com/x', '/ws', 'http:get:https://api.example.com/x'],
    ['env:read:HOME', '/ws', 'env:read:HOME'],
    ['console:write', '/ws', 'console:write'],
  ];
  for (const [cap, root, expected] of table)
    it(`${cap} (root ${root})`, () => expect(grantFor(cap, root)).toBe(expected));
});
