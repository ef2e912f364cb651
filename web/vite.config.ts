/// <reference types="vitest/config" />
// Vite builds the client into dist/ (served by the gateway with SPA fallback). The small plugin
// below writes dist/sw.js from sw/service-worker.js with the list of shell files of this build,
// so the service worker can precache exactly the shell and nothing else (never API answers).
import { readFileSync } from "node:fs";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

const SHELL_EXTRA = ["/", "/index.html", "/manifest.webmanifest", "/icons/icon.svg",
  "/icons/icon-192.png", "/icons/icon-512.png", "/icons/maskable-512.png", "/icons/apple-touch-icon.png"];

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(36);
}

function serviceWorker(): Plugin {
  return {
    name: "clientarea-service-worker",
    apply: "build",
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle)
        .filter((name) => /\.(js|css|woff2?|svg|png)$/.test(name) && !name.endsWith(".map"))
        .map((name) => `/${name}`);
      const files = [...new Set([...SHELL_EXTRA, ...built])].sort();
      const template = readFileSync(new URL("./sw/service-worker.js", import.meta.url), "utf8");
      const source = template
        .replace("__SHELL_FILES__", JSON.stringify(files))
        .replace("__CACHE_VERSION__", JSON.stringify(hash(files.join("\n"))));
      this.emitFile({ type: "asset", fileName: "sw.js", source });
    },
  };
}

export default defineConfig({
  plugins: [react(), serviceWorker()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://127.0.0.1:8080", changeOrigin: false } },
  },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
