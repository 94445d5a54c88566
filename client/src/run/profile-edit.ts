// Computes the text edit that adds one capability to a profile of mlpy.yaml, keeping the user's
// layout and comments: a minimal insertion into an existing list, else a structural YAML edit.
// Pure text in, text out; the editor layer applies the result as an undoable workspace edit.
import { isMap, isSeq, parseDocument, YAMLSeq, type Document } from 'yaml';

const PROFILES = ['security', 'capability_profiles'] as const;

export interface TextEdit {
  /** Offsets into the original text (half-open). */
  start: number;
  end: number;
  text: string;
}

export type ProfileEdit = { kind: 'edit'; edit: TextEdit } | { kind: 'present' } | { kind: 'error'; message: string };

/** A YAML scalar for the capability: plain when unambiguous, else double-quoted. */
export function yamlScalar(capability: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_:/.*?@+~=%-]*$/.test(capability) && !capability.includes(': ')
    ? capability
    : JSON.stringify(capability);
}

function profileSeq(doc: Document, profile: string): YAMLSeq | null | 'not-a-list' {
  const node = doc.getIn([...PROFILES, profile], true);
  if (node === undefined || node === null) return null;
  return isSeq(node) ? node : 'not-a-list';
}

function seqValues(seq: YAMLSeq): string[] {
  return seq.items.map((item) => String((item as { value?: unknown }).value ?? item));
}

/** Insertion into an existing list: `[a, b]` gets `, c`; a block list gets a `- c` line. */
function insertInto(text: string, seq: YAMLSeq, scalar: string): TextEdit | null {
  const range = seq.range;
  if (!range) return null;
  if (seq.flow) {
    const close = text.lastIndexOf(']', range[1] - 1);
    if (close < range[0]) return null;
    const before = text.slice(range[0] + 1, close).trim();
    return { start: close, end: close, text: before === '' ? scalar : `, ${scalar}` };
  }
  const lineStart = text.lastIndexOf('\n', range[0] - 1) + 1;
  const indent = text.slice(lineStart, range[0]);
  if (!/^[ ]*$/.test(indent)) return null;
  let end = range[1];
  while (end > range[0] && /\s/.test(text[end - 1] ?? '')) end--;
  return { start: end, end, text: `\n${indent}- ${scalar}` };
}

function apply(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

function contains(text: string, profile: string, capability: string): boolean {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return false;
  const seq = profileSeq(doc, profile);
  return seq instanceof YAMLSeq && seqValues(seq).includes(capability);
}

/** The edit adding `capability` to `profile` in the mlpy.yaml `text` (which may be empty). */
export function addToProfile(text: string, profile: string, capability: string): ProfileEdit {
  const doc = parseDocument(text);
  if (doc.errors.length > 0)
    return { kind: 'error', message: `mlpy.yaml has YAML errors: ${doc.errors[0]?.message.split('\n')[0]}` };
  if (doc.contents !== null && !isMap(doc.contents)) return { kind: 'error', message: 'mlpy.yaml is not a mapping' };
  const seq = profileSeq(doc, profile);
  if (seq === 'not-a-list') return { kind: 'error', message: `profile '${profile}' in mlpy.yaml is not a list` };
  if (seq && seqValues(seq).includes(capability)) return { kind: 'present' };
  if (seq) {
    const edit = insertInto(text, seq, yamlScalar(capability));
    if (edit && contains(apply(text, edit), profile, capability)) return { kind: 'edit', edit };
  }
  // No such profile yet, or a layout the minimal insertion does not handle: edit the document.
  if (seq) seq.add(capability);
  else doc.setIn([...PROFILES, profile], doc.createNode([capability], { flow: true }));
  const rewritten = doc.toString();
  if (!contains(rewritten, profile, capability))
    return { kind: 'error', message: `could not add ${capability} to mlpy.yaml` };
  return { kind: 'edit', edit: { start: 0, end: text.length, text: rewritten } };
}
