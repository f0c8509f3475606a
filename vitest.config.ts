import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/web/unit/**/*.test.ts'],
    environment: 'node',
    // Only bounds a hang: the longest test (heap-flat, 3,000 steps with everything in between) takes a
    // few seconds on a quiet 2-core machine and several times that on a busy one.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
