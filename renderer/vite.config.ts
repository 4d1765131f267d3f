import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const rendererRoot = fileURLToPath(new URL(".", import.meta.url));

/** In `vite dev`, forward the console API to a running core (npm run serve) so the page gets live data. */
const coreOrigin = process.env.IOC_CORE_ORIGIN ?? "http://127.0.0.1:8421";

export default defineConfig({
  root: rendererRoot,
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
});
