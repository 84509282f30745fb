import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plan } from './plan.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-plan-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  return { out: () => out.join('\n'), err: () => err.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

const pipeline = {
  format: 1,
  id: 'copy',
  name: 'Copy',
  nodes: [
    { id: 'in', type: 'source.kafka', config: { topic: 'reviews', keyField: 'id' } },
    { id: 'out', type: 'sink.kafka', config: { topic: 'copied', compacted: true } },
  ],
  edges: [{ from: { node: 'in', port: 'out' }, to: { node: 'out', port: 'in' } }],
};

describe('sluice plan', () => {
  it('prints sub-topologies, tasks, topics with roles and configs for a valid file', async () => {
    const output = capture();
    expect(await plan.run([file('ok.json', pipeline), '--partitions', '2'])).toBe(0);
    expect(output.out()).toContain('sub-topology 0: 2 partitions, reads source topic reviews');
    expect(output.out()).toContain('tasks: copy.0.0, copy.0.1');
    expect(output.out()).toMatch(/copied\s+sink\s+3 partitions\s+cleanup.policy=compact/);
    expect(output.out()).toMatch(/sluice\.copy\.dlq\s+dlq/);
  });

  it('prints the plan as JSON when asked', async () => {
    const output = capture();
    expect(await plan.run([file('ok.json', pipeline), '--json'])).toBe(0);
    const data = JSON.parse(output.out()) as { tasks: { id: string }[] };
    expect(data.tasks.map((task) => task.id)).toEqual(['copy.0.0', 'copy.0.1', 'copy.0.2']);
  });

  it('exits 1 with the issues for an invalid pipeline', async () => {
    const output = capture();
    expect(await plan.run([file('bad.json', { ...pipeline, nodes: 'none' })])).toBe(1);
    expect(output.err()).toContain('is not a valid pipeline');
  });

  it('exits 2 for a file it cannot read or parse', async () => {
    const output = capture();
    expect(await plan.run([join(dir, 'missing.json')])).toBe(2);
    expect(await plan.run([file('broken.json', '{')])).toBe(2);
    expect(output.err()).toContain('cannot read');
  });
});
