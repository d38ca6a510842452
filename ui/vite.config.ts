import { defineConfig } from "vitest/config";

// Built into ui/dist and embedded in the app: no CDN, no web fonts.
export default defineConfig({
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari16",
  },
  test: {
    environment: "happy-dom",
    include: ["test/**/*.test.ts"],
  },
});
