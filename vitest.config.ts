import { defineConfig } from "vitest/config";

export default defineConfig({
  // Renderer modules compiled for tests keep their test hooks, as the page built with --mode test does.
  define: { __IOC_TEST_HOOKS__: "true" },
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    exclude: ["tests/e2e/**", "tests/electron/**", "node_modules/**"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests start servers and ffmpeg; two cores do not like many at once.
    maxWorkers: 2,
  },
});
