// End-to-end tests run against the product as `npm start` runs it: its own broker, PostgreSQL and designer, on free
// ports, stopped when the run ends.
import type { TestProject } from 'vitest/node';
import { startSluice } from './sluice-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sluiceUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // While working on the tests themselves, SLUICE_E2E_URL points them at a Sluice already running.
  const running = process.env.SLUICE_E2E_URL;
  if (running) {
    project.provide('sluiceUrl', running.replace(/\/$/, ''));
    return;
  }
  const sluice = await startSluice();
  project.provide('sluiceUrl', sluice.url);
  return () => sluice.stop();
}
