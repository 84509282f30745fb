// Immutable updates of config values; an undefined value removes the key so optional fields stay absent.
export function withKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const next = { ...object };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

export function withItem(list: readonly unknown[], index: number, value: unknown): unknown[] {
  return list.map((item, i) => (i === index ? value : item));
}

export function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A field's label: its humanized name, marked when it may be left out. */
export function fieldLabel(name: string, required: boolean): string {
  return `${humanize(name)}${required ? '' : ' (optional)'}`;
}

/** "eventTimeField" → "Event time field". */
export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
