import { describe, expect, it } from 'vitest';
import { resolveEnvReferences } from './sink-executor.ts';

describe('resolveEnvReferences', () => {
  it('replaces ${env:NAME} with the variable', () => {
    expect(resolveEnvReferences('${env:DATABASE_URL}', { DATABASE_URL: 'postgres://h/db' })).toBe('postgres://h/db');
    expect(resolveEnvReferences('postgres://${env:USER}@h/db', { USER: 'me' })).toBe('postgres://me@h/db');
  });

  it('names the variable that is missing', () => {
    expect(() => resolveEnvReferences('${env:NOPE}', {})).toThrow('the environment variable NOPE is not set');
  });
});
