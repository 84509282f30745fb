// The node id, editable: applied on Enter or blur when it is a valid, unused id; renames update edges and layout.
import { useEffect, useState } from 'react';
import { nodeIdSchema } from '../../shared/index.ts';

type Props = { id: string; taken: ReadonlySet<string>; onRename(to: string): void };

export function NodeIdField({ id, taken, onRename }: Props) {
  const [draft, setDraft] = useState(id);
  useEffect(() => setDraft(id), [id]);
  const error =
    draft === id ? undefined : taken.has(draft) ? `'${draft}' is already used` : nodeIdSchema.safeParse(draft).error?.issues[0]?.message;
  function apply() {
    if (draft !== id && !error) onRename(draft);
    else setDraft(id);
  }
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label>
        <span className="field-label">Node id</span>
        <input value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={apply} onKeyDown={(e) => e.key === 'Enter' && apply()} />
      </label>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
