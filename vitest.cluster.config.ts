import { defineConfig } from 'vitest/config';

// `npm run test:cluster`: tests on a local 3-broker KRaft cluster that each file starts for itself (brokers are
// killed and restarted). Apart from `npm test` because they take minutes; .ci/run runs both.
export default defineConfig({
  test: {
    name: 'cluster',
    include: ['integration/cluster/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
