// DAP framing: messages split at any byte (also inside a multi-byte character) decode the same.
import { describe, expect, it } from 'vitest';
import { DapReader, encodeMessage, type DapMessage } from '../src/run/dap-stream.js';

const messages = [
  { seq: 1, type: 'event', event: 'output', body: { category: 'stdout', output: 'héllo ✓ 🌍\n' } },
  { seq: 2, type: 'response', command: 'launch', request_seq: 2, success: false, message: 'cannot read the program' },
  { seq: 3, type: 'event', event: 'terminated' },
];
const wire = Buffer.concat(messages.map((m) => encodeMessage(m)));

function decode(chunks: Buffer[]): { got: DapMessage[]; errors: string[] } {
  const got: DapMessage[] = [];
  const errors: string[] = [];
  const reader = new DapReader(
    (m) => got.push(m),
    (e) => errors.push(e),
  );
  for (const c of chunks) reader.feed(c);
  return { got, errors };
}

describe('DapReader', () => {
  it('decodes one buffer with several messages', () => {
    expect(decode([wire])).toEqual({ got: messages, errors: [] });
  });

  it('decodes every split point, byte by byte included', () => {
    for (let cut = 1; cut < wire.length; cut += 7) {
      expect(decode([wire.subarray(0, cut), wire.subarray(cut)]).got).toEqual(messages);
    }
    expect(decode([...wire].map((b) => Buffer.from([b]))).got).toEqual(messages);
  });

  it('reports a frame without Content-Length once and stops', () => {
    const bad = Buffer.from('Content-Type: x\r\n\r\n{}');
    expect(decode([bad, wire])).toEqual({ got: [], errors: ['a DAP frame without Content-Length: "Content-Type: x"'] });
  });

  it('reports a body that is not JSON', () => {
    expect(decode([Buffer.from('Content-Length: 3\r\n\r\n{x}')]).errors).toEqual(['a DAP message that is not JSON']);
  });
});
