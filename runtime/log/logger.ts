import { pino } from 'pino';

// Structured and quiet: one line per lifecycle event, never one per record.
export const logger = pino({
  name: 'sluice',
  level: process.env.LOG_LEVEL ?? 'info',
  base: undefined,
});

export type Logger = typeof logger;
