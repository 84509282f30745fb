import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Monaco's JSON language reaches its worker through a module that imports every editor feature; see the stand-in. */
function monacoJsonWorkerOnly(): Plugin {
  const standIn = designerFile('code/monaco-json-worker.ts');
  return {
    name: 'sluice:monaco-json-worker-only',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromJsonLanguage = importer?.replaceAll('\\', '/').includes('/monaco-editor/esm/vs/languages/features/json/');
      return fromJsonLanguage && source.endsWith('/internal/common/workers.js') ? standIn : undefined;
    },
  };
}

const sluiceUrl = process.env.SLUICE_URL ?? 'http://127.0.0.1:8080';

const designerFile = (path: string) => fileURLToPath(new URL(`designer/${path}`, import.meta.url));

// The designer is built into dist/designer and served by the runtime on the same port.
export default defineConfig({
  root: 'designer',
  plugins: [react(), monacoJsonWorkerOnly()],
  build: {
    outDir: '../dist/designer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    // The runtime answers only requests addressed to its own name and takes changes only from its own pages
    // (runtime/http/local-only.ts): the dev server, which checks its own Host against DNS rebinding, stands in
    // for the runtime's origin. Not proxied: the designer's own modules under designer/api/ (served at /api/*.ts).
    proxy: {
      '^/api/(?![^?]*\\.tsx?(\\?|$))': {
        target: sluiceUrl,
        changeOrigin: true,
        configure: (proxy) =>
          proxy.on('proxyReq', (request) => {
            if (request.getHeader('origin')) request.setHeader('origin', new URL(sluiceUrl).origin);
          }),
      },
    },
  },
});
