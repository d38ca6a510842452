import { defineConfig } from "vitest/config";

// Built into ui/dist and embedded in the app: no CDN, no web fonts.
// Preact through the automatic JSX runtime: no plugin needed. Vite 8
// transforms with Oxc (its `esbuild: { jsx, jsxImportSource }` is only a
// deprecated alias that its types no longer accept), so this says it to Oxc.
export default defineConfig({
  clearScreen: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari16",
    // Two pages: the main window and the summary window (its own bundle).
    rolldownOptions: { input: { main: "index.html", summary: "summary.html" } },
  },
  server: { fs: { allow: [".."] } },
  test: {
    environment: "happy-dom",
    include: ["test/**/*.test.{ts,tsx}"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 20000,
  },
});
