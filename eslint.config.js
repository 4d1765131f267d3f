// @ts-check
import tseslint from "typescript-eslint";

const NODE_BUILTINS = ["node:*", "fs", "fs/*", "path", "os", "child_process", "worker_threads", "http", "https", "net", "crypto", "url", "stream", "events", "util"];

/** Import direction, enforced here and by the separate tsconfigs:
 *  shared/    → imports only shared/ and pure libraries (zod);
 *  renderer/  → shared/ and browser libraries, never Node code or electron; a feature's model/ is
 *               pure (no React, map, player, store or components);
 *  backend/, electron/core, electron/web → Node, never `electron`;
 *  electron/core → shared/ only (hosted by electron/main and electron/web, which never import each other);
 *  electron/main, electron/web → core and shared/, never backend/ or the renderer's code;
 *  only electron/main and electron/preload import `electron`. */
const restrict = (patterns, paths = []) => ({
  "no-restricted-imports": ["error", { patterns, paths }],
});
/** The electron package itself (and its subpaths like electron/main), not our own ../electron/ folder. */
const ELECTRON_MODULE = { regex: "^electron(/.*)?$" };
const RENDERER_RESTRICTIONS = [
  { ...ELECTRON_MODULE, message: "The renderer is a browser page: no electron (use the console API client)." },
  { group: NODE_BUILTINS, message: "The renderer is a browser page: no Node built-ins." },
  { group: ["**/electron/**", "**/backend/**"], message: "The renderer talks to the core only through the console API client." },
];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "bench/results.json", "test-results/**", "playwright-report/**", ".cache/**", "release/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: restrict([
      { ...ELECTRON_MODULE, message: "shared/ runs everywhere: no Electron." },
      { group: ["react", "react-*", "react/*", ...NODE_BUILTINS], message: "shared/ runs everywhere: no React or Node built-ins." },
      { group: ["**/electron/**", "**/renderer/**", "**/backend/**"], message: "shared/ must not import environment-specific code." },
    ]),
  },
  {
    files: ["renderer/**/*.ts", "renderer/**/*.tsx"],
    ignores: ["renderer/vite.config.ts"],
    rules: restrict(RENDERER_RESTRICTIONS),
  },
  {
    // A feature's model is pure: what it decides is tested without a browser, a map or a player.
    // (The renderer's own restrictions are repeated: a later block replaces the rule, it does not add to it.)
    files: ["renderer/src/features/*/model/**/*.ts"],
    rules: restrict([
      ...RENDERER_RESTRICTIONS,
      {
        group: ["react", "react-*", "react/*", "maplibre-gl", "@deck.gl/*", "hls.js", "i18next"],
        // Their types describe data a model may build (a map style, a player's settings).
        allowTypeImports: true,
        message: "A feature's model is pure logic: no React, map, player or i18n library (those belong in its hooks, components or platform).",
      },
      { group: ["**/components/**", "**/hooks/**", "**/platform/**", "**/api/**", "**/store/**"], message: "A feature's model is pure logic: it may import other models and shared/, never components, hooks, platform code or the store." },
    ]),
  },
  {
    files: ["backend/**/*.ts", "electron/core/**/*.ts", "electron/web/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts"],
    rules: restrict([
      { ...ELECTRON_MODULE, message: "Only electron/main and electron/preload may import electron; keep behaviour in Node-only modules." },
      { group: ["**/renderer/**"], message: "Node code must not import the renderer." },
    ]),
  },
  {
    files: ["backend/**/*.ts"],
    rules: restrict([
      { ...ELECTRON_MODULE, message: "The backend never imports electron." },
      { group: ["**/electron/**", "**/renderer/**"], message: "The backend is a separate server: it shares only shared/ with the console." },
    ]),
  },
  {
    files: ["electron/core/**/*.ts"],
    rules: restrict([
      { ...ELECTRON_MODULE, message: "The console core runs in Node (Electron's or a plain one): no electron." },
      { group: ["**/main/**", "**/web/**"], message: "The console core is hosted by the Electron shell and the web server, never the other way round." },
      { group: ["**/backend/**"], message: "The console core talks to the backend over its protocol only (shared/protocol)." },
      { group: ["**/renderer/**"], message: "Node code must not import the renderer." },
    ]),
  },
  {
    files: ["electron/web/**/*.ts"],
    rules: restrict([
      { ...ELECTRON_MODULE, message: "The browser console's web server runs in plain Node: no electron." },
      { group: ["**/main/**"], message: "The web server and the Electron shell are two hosts of the core: neither imports the other." },
      { group: ["**/backend/**"], message: "The web server serves the console, not the backend: only shared/protocol." },
      { group: ["**/renderer/**"], message: "Node code must not import the renderer (it serves its built files)." },
    ]),
  },
  {
    files: ["electron/main/**/*.ts"],
    rules: restrict([
      { group: ["**/web/**"], message: "The Electron shell and the web server are two hosts of the core: neither imports the other." },
      { group: ["**/backend/**"], message: "The Electron shell talks to the backend only through the core." },
      { group: ["**/renderer/**"], message: "The Electron shell loads the renderer's built page; it never imports its code." },
    ]),
  },
  {
    files: ["electron/preload/**/*.ts"],
    rules: restrict([{ group: ["**/core/**", "**/web/**", "**/backend/**", ...NODE_BUILTINS], message: "The preload is sandboxed: only electron and shared/." }]),
  },
);
