// Links to the security rules' documentation (docs/security-rules.md#secnnn) for diagnostic code
// descriptions and reports. The base is the docs shipped beside the server, or the client's choice.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isRuleId, RULE_DOCS_PATH } from '@mlsec/grammar';

/** The docs file beside the installed server (`server/dist` or `server/out` → repository root). */
export function defaultRulesDocs(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return pathToFileURL(path.resolve(here, '..', '..', RULE_DOCS_PATH)).href;
}

/** Link to a rule's section, or undefined for codes that are no security rule. */
export function ruleHref(base: string, code: string): string | undefined {
  return isRuleId(code) ? `${base}#${code.toLowerCase()}` : undefined;
}
