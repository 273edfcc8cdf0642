import { defineConfig } from 'vitest/config';

// Merged by Angular's unit-test builder into its own Vitest configuration (angular.json runnerConfig).
// A component test that drives a harness through many steps can take seconds on a loaded, shared CI
// machine: the default 5 s timeout made such a test fail there although nothing was wrong.
export default defineConfig({
  test: {
    testTimeout: 30_000,
  },
});
