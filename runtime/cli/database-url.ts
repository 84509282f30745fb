import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../local/kafka/broker.ts';
import { UsageError } from './command.ts';

export const dataDir = () => process.env.SLUICE_DATA_DIR ?? join(repoRoot, '.data');
const urlFile = () => join(dataDir(), 'postgres', 'url');

/** `npm start` records where its embedded PostgreSQL listens, so CLI commands find it. */
export function rememberLocalDatabaseUrl(url: string): void {
  writeFileSync(urlFile(), url);
}

/** DATABASE_URL, or the embedded PostgreSQL of a running `npm start`. */
export function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (existsSync(urlFile())) return readFileSync(urlFile(), 'utf8').trim();
  throw new UsageError('no database: set DATABASE_URL, or run `npm start` (it starts an embedded PostgreSQL)');
}
