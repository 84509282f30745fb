// The window node's config as the state logic sees it: a structural copy of the
// declaration's (declaration.ts), so the pure operator and its tests need no zod;
// the shapes are the same by construction.

export type WindowDeclaration =
  | { name: string; type: 'all-time' }
  | { name: string; type: 'tumbling'; size: string }
  | { name: string; type: 'hopping'; size: string; advance: string }
  | { name: string; type: 'sliding'; size: string };

export type AggregateDeclaration = { name: string; fn: 'count' } | { name: string; fn: 'sum' | 'avg' | 'min' | 'max'; field: string };

export interface WindowNodeConfig {
  keyField: string;
  eventTimeField: string;
  idField?: string;
  windows: WindowDeclaration[];
  aggregates: AggregateDeclaration[];
  allowedLateness: string;
}

/** Windows with their durations in milliseconds: what the state logic works with. */
export type ResolvedWindow =
  | { name: string; type: 'all-time' }
  | { name: string; type: 'sliding'; size: number }
  /** Tumbling is hopping with advance === size. */
  | { name: string; type: 'bucketed'; size: number; advance: number };

export interface ResolvedWindowConfig {
  keyField: string;
  windows: ResolvedWindow[];
  aggregates: AggregateDeclaration[];
  allowedLateness: number;
}

export type ParseDuration = (text: string) => number | undefined;

/**
 * Turns duration strings into milliseconds. The parser is injected (shared/duration.ts
 * `parseDuration` in production) so this file does not depend on a module still being written.
 */
export function resolveWindowConfig(
  config: WindowNodeConfig,
  parseDuration: ParseDuration,
): { ok: true; config: ResolvedWindowConfig } | { ok: false; message: string } {
  const windows: ResolvedWindow[] = [];
  const positive = (text: string, what: string): number => {
    const ms = parseDuration(text);
    if (ms === undefined || !(ms > 0)) throw new RangeError(`${what}: '${text}' is not a positive duration`);
    return ms;
  };
  try {
    for (const window of config.windows) {
      if (window.type === 'all-time') windows.push(window);
      else if (window.type === 'sliding') windows.push({ name: window.name, type: 'sliding', size: positive(window.size, window.name) });
      else if (window.type === 'tumbling') {
        const size = positive(window.size, window.name);
        windows.push({ name: window.name, type: 'bucketed', size, advance: size });
      } else
        windows.push({
          name: window.name,
          type: 'bucketed',
          size: positive(window.size, window.name),
          advance: positive(window.advance, window.name),
        });
    }
    const lateness = parseDuration(config.allowedLateness);
    if (lateness === undefined || lateness < 0) throw new RangeError(`allowedLateness: '${config.allowedLateness}' is not a duration`);
    return { ok: true, config: { keyField: config.keyField, windows, aggregates: config.aggregates, allowedLateness: lateness } };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
