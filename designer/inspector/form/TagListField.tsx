// A list of strings as tags: Enter or comma adds, × removes.
import { type KeyboardEvent, useState } from 'react';
import { choicesId, FieldChoices } from './FieldChoices.tsx';
import { FieldFrame } from './FieldFrame.tsx';
import { useFieldChoices } from './form-context.tsx';
import type { FieldProps } from './SchemaField.tsx';
import { asList, fieldLabel } from './values.ts';

export function TagListField({ name, schema, value, pointer, required, onChange }: FieldProps) {
  const [draft, setDraft] = useState('');
  const choices = useFieldChoices(schema.items?.['x-sluice-field']);
  const defaults = Array.isArray(schema.default) ? schema.default : [];
  const tags = (value === undefined ? defaults : asList(value)).map(String);
  function add() {
    const tag = draft.trim();
    if (tag !== '' && !tags.includes(tag)) onChange([...tags, tag]);
    setDraft('');
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) onChange(tags.slice(0, -1));
  }
  return (
    <FieldFrame label={fieldLabel(name, required)} pointer={pointer} help={schema.description}>
      <div className="tags">
        {tags.map((tag, index) => (
          <span key={tag} className="tag">
            {tag}
            <button type="button" aria-label={`Remove ${tag}`} onClick={() => onChange(tags.filter((_, i) => i !== index))}>
              ×
            </button>
          </span>
        ))}
        <input
          value={draft}
          placeholder="add…"
          list={choices.length > 0 ? choicesId(pointer) : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={add}
        />
        <FieldChoices pointer={pointer} choices={choices} />
      </div>
    </FieldFrame>
  );
}
