import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The designer is built into dist/designer and served by the runtime on the same port.
export default defineConfig({
  root: 'designer',
  plugins: [react()],
  build: {
    outDir: '../dist/designer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
