import { describe, expect, it } from 'vitest';
import { documentWith } from '../test-utils/documents.ts';
import { documentText } from './document-text.ts';
import { readJsonText } from './read-json-text.ts';

const doc = documentWith([['reviews', 'source.kafka']]);

describe('reading the JSON view’s text', () => {
  it('reads a drawable document', () => {
    expect(readJsonText(documentText(doc))).toEqual({ ok: true, doc });
  });

  it('says where a syntax error is, by line and column', () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    const read = readJsonText(text);
    expect(read).toEqual({
      ok: false,
      problem: { message: expect.stringMatching(/^JSON syntax: Expected ',' or '}'/), line: 3, column: 3 },
    });
  });

  it('leaves the position out of the message, since it is given as line and column', () => {
    const read = readJsonText('{}\n oops');
    expect(read).toEqual({ ok: false, problem: { message: expect.not.stringMatching(/position|line \d/), line: 2, column: 2 } });
  });

  it('puts text that ends too early at its end', () => {
    const read = readJsonText('{\n  "nodes": [');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toEqual({ message: 'JSON syntax: the text ends too early', line: 2, column: 13 });
  });

  it('names the part of valid JSON the canvas cannot draw, where it is', () => {
    const text = documentText({ ...doc, nodes: [{ id: 'x', type: 'teleport' as never, config: {} }] });
    const read = readJsonText(text);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problem.message).toContain("/nodes/0/type: unknown node type 'teleport'");
      expect(text.split('\n')[read.problem.line - 1]).toContain('teleport');
    }
  });
});
