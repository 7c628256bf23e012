import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve('shared') } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/worker-setup.ts'],
    testTimeout: 30_000,
    reporters: process.env.KPIS_TEST_REPORT
      ? ['default', ['json', { outputFile: process.env.KPIS_TEST_REPORT }]]
      : ['default'],
  },
});
