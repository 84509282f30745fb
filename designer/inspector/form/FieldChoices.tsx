// The record fields a field-name input offers as you type (a datalist: the input still takes any name).
import type { FieldChoice } from '../../../shared/index.ts';

export const choicesId = (pointer: string) => `fields${pointer}`;

export function FieldChoices({ pointer, choices }: { pointer: string; choices: FieldChoice[] }) {
  if (choices.length === 0) return null;
  return (
    <datalist id={choicesId(pointer)} data-testid={`field-choices${pointer}`}>
      {choices.map((choice) => (
        <option key={choice.name} value={choice.name} label={choice.type} />
      ))}
    </datalist>
  );
}
