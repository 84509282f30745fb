import { readFileSync } from 'node:fs';
import type { Command } from '../command.ts';

export function productVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

export const version: Command = {
  name: 'version',
  summary: 'print the Sluice version',
  usage: 'version',
  async run() {
    console.log(`sluice ${productVersion()}`);
    return 0;
  },
};
