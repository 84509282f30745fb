import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NodeConfigForm } from './NodeConfigForm.tsx';

afterEach(cleanup);

function formFor(type: Parameters<typeof NodeConfigForm>[0]['type'], config: Record<string, unknown>, issues = [] as never[]) {
  const onChange = vi.fn();
  render(<NodeConfigForm type={type} config={config} pointer="/nodes/2/config" issues={issues} onChange={onChange} />);
  return onChange;
}

describe('the generated config form', () => {
  it('offers the fields of the records reaching the node where a config names one, and of its own schema for a source', () => {
    const inputFields = [
      { name: 'courseId', type: 'string' },
      { name: 'rating', type: 'number' },
    ];
    render(
      <NodeConfigForm
        type="window"
        config={{ keyField: '', eventTimeField: '', windows: [], aggregates: [] }}
        pointer="/nodes/2/config"
        issues={[]}
        inputFields={inputFields}
        onChange={vi.fn()}
      />,
    );
    const keyField = screen.getByLabelText('Key field');
    const list = document.getElementById(String(keyField.getAttribute('list')));
    expect([...(list?.querySelectorAll('option') ?? [])].map((option) => [option.value, option.label])).toEqual([
      ['courseId', 'string'],
      ['rating', 'number'],
    ]);
    cleanup();
    formFor('source.http', { path: '/api/x', keyField: '', schema: { type: 'object', properties: { sku: { type: 'string' } } } });
    const own = document.getElementById(String(screen.getByLabelText('Key field').getAttribute('list')));
    expect([...(own?.querySelectorAll('option') ?? [])].map((option) => option.value)).toEqual(['sku']);
  });

  it("edits a source's record schema field by field: names, types, their limits, and a field added", () => {
    const schema = {
      type: 'object',
      properties: { id: { type: 'string', minLength: 1 }, stars: { type: 'integer', maximum: 5 } },
      required: ['id'],
    };
    const onChange = formFor('source.http', { path: '/api/ratings', keyField: 'id', schema });
    expect(screen.getByLabelText('Properties: name 1')).toHaveProperty('value', 'id');
    expect(screen.getByLabelText('Properties: name 2')).toHaveProperty('value', 'stars');
    const stars = document.querySelector('[data-pointer="/nodes/2/config/schema/properties/stars/type"] select');
    expect(stars).toHaveProperty('value', 'integer');
    expect(document.querySelector('[data-pointer="/nodes/2/config/schema/properties/stars/maximum"] input')).toHaveProperty('value', '5');
    fireEvent.click(screen.getByRole('button', { name: 'Add field' }));
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ schema: { ...schema, properties: { ...schema.properties, field1: { type: 'string' } } } }),
    );
    fireEvent.change(screen.getByLabelText('Properties: name 2'), { target: { value: 'rating' } });
    expect(Object.keys(onChange.mock.lastCall?.[0].schema.properties)).toEqual(['id', 'rating']);
  });

  it('shows a field per config property, its doc as help, and marks optional ones', () => {
    formFor('sink.kafka', { topic: 'out' });
    expect(screen.getByLabelText('Topic')).toHaveProperty('value', 'out');
    expect(screen.getByText('The Kafka topic to write (created when missing).')).toBeDefined();
    expect(screen.getByLabelText('Key field (optional)')).toBeDefined();
    expect(screen.getByLabelText('Partitions (optional)')).toHaveProperty('placeholder', '3');
  });

  it("puts the validator's message next to the field its path names", () => {
    const issue = {
      code: 'invalid-value' as const,
      path: '/nodes/2/config/topic',
      nodeId: 'out',
      message: "'topic' must be a Kafka topic name",
    };
    formFor('sink.kafka', { topic: '' }, [issue] as never[]);
    const field = screen.getByLabelText('Topic').closest('[data-pointer]');
    expect(field?.getAttribute('data-pointer')).toBe('/nodes/2/config/topic');
    expect(field?.textContent).toContain("'topic' must be a Kafka topic name");
  });

  it('hands back the whole config with the edited field, and drops an emptied optional field', () => {
    const onChange = formFor('sink.kafka', { topic: 'out', keyField: 'id' });
    fireEvent.change(screen.getByLabelText('Topic'), { target: { value: 'stats' } });
    expect(onChange).toHaveBeenLastCalledWith({ topic: 'stats', keyField: 'id' });
    fireEvent.change(screen.getByLabelText('Key field (optional)'), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({ topic: 'out' });
  });

  it('checks durations as they are typed', () => {
    formFor('window', { keyField: 'courseId', windows: [], aggregates: [], allowedLateness: '3 days' });
    expect(screen.getByLabelText('Allowed lateness (optional)').closest('[data-pointer]')?.textContent).toContain('not a duration');
  });

  it('offers the variants of a window as a select and switches between them', () => {
    const onChange = formFor('window', { keyField: 'courseId', windows: [{ name: 'allTime', type: 'all-time' }], aggregates: [] });
    const type = screen.getByDisplayValue('all-time');
    fireEvent.change(type, { target: { value: 'sliding' } });
    const windows = onChange.mock.lastCall?.[0].windows as Array<Record<string, unknown>>;
    expect(windows[0]).toMatchObject({ name: 'allTime', type: 'sliding' });
  });
});
