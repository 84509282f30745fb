import { pino } from 'pino';

// Structured and quiet: one line per lifecycle event, never one per record.
export const logger = pino({
  name: 'sluice',
  // Tests assert on behaviour, not on log lines: they stay at warnings unless LOG_LEVEL says otherwise.
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info'),
  base: undefined,
});

export type Logger = typeof logger;
