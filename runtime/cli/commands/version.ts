import { readFileSync } from 'node:fs';
import { projectFile } from '../../local/project-root.ts';
import type { Command } from '../command.ts';

export function productVersion(): string {
  const manifest = JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as { version: string };
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
