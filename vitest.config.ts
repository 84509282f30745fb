import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One project per folder. Only `integration` and `e2e` talk to the real broker,
// which their global setup starts once per run (or takes from KAFKA_BROKERS).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', include: ['shared/**/*.test.ts'] } },
      { test: { name: 'runtime', include: ['runtime/**/*.test.ts', 'tools/**/*.test.ts', 'bench/**/*.test.ts'] } },
      {
        plugins: [react()],
        test: { name: 'designer', include: ['designer/**/*.test.{ts,tsx}'], environment: 'jsdom' },
      },
      {
        test: {
          name: 'integration',
          include: ['integration/**/*.test.ts'],
          // The 3-broker tests start clusters of their own and take minutes: `npm run test:cluster` (vitest.cluster.config.ts).
          exclude: ['integration/cluster/**'],
          globalSetup: ['integration/setup/global-services.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/setup/global-sluice.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
