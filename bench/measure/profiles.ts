// Reads the main thread's .cpuprofile a process wrote into <profileDir>/<label>/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../runtime/local/project-root.ts';
import { asCpuProfile, mainThreadProfile, type ProfileSummary, summariseProfile } from './cpu-profile.ts';

export function readProfile(profileDir: string, label: string, count = 15): ProfileSummary | undefined {
  const folder = join(profileDir, label);
  if (!existsSync(folder)) return undefined;
  const file = mainThreadProfile(readdirSync(folder));
  if (!file) return undefined;
  const profile = asCpuProfile(JSON.parse(readFileSync(join(folder, file), 'utf8')));
  return profile && summariseProfile(profile, count, repoRoot);
}
