import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const rendererRoot = fileURLToPath(new URL(".", import.meta.url));

/** In `vite dev`, forward the console API to a running core (npm run serve) so the page gets live data. */
const coreOrigin = process.env.IOC_CORE_ORIGIN ?? "http://127.0.0.1:8421";

/**
 * `--mode test` (npm test, npm run bench) builds the page with the hooks end-to-end tests and
 * benchmarks read (window.__iocMap, __iocMapTest, __iocWall); every other build leaves them out.
 */
export default defineConfig(({ mode }) => ({
  root: rendererRoot,
  define: { __IOC_TEST_HOOKS__: JSON.stringify(mode === "test") },
  // Relative asset URLs: Electron loads the built page from file://.
  base: "./",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/renderer", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    // maplibre and deck.gl are large by nature; the page is loaded from disk, not a network.
    chunkSizeWarningLimit: 2500,
    sourcemap: true,
  },
  server: {
    proxy: {
      "/console-api": { target: coreOrigin, ws: true },
    },
  },
}));
