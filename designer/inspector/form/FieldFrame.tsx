// The frame around one field: its label, its doc as help text and the validator's messages for its JSON pointer.
import type { ReactNode } from 'react';
import { useIssuesAt } from './form-context.tsx';

type Props = {
  label: string;
  pointer: string;
  help?: string | undefined;
  children: ReactNode;
  extraError?: string | undefined;
  inline?: boolean;
};

export function FieldFrame({ label, pointer, help, children, extraError, inline }: Props) {
  const issues = useIssuesAt(pointer);
  const errors = [...(extraError ? [extraError] : []), ...issues.map((issue) => issue.message)];
  return (
    <div className={`field${errors.length > 0 ? ' field-invalid' : ''}${inline ? ' field-inline' : ''}`} data-pointer={pointer}>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the control is `children`, rendered inside the label */}
      <label>
        <span className="field-label">{label}</span>
        {children}
      </label>
      {help && <p className="field-help">{help}</p>}
      <FieldErrors messages={errors} />
    </div>
  );
}

/** The validator's messages for a field or a group of fields. */
export function FieldErrors({ messages }: { messages: readonly string[] }) {
  return messages.map((message) => (
    <p key={message} className="field-error" role="alert">
      {message}
    </p>
  ));
}
