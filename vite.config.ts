import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Dev server (`npm start`), production build (`dist/`) and preview (used by the e2e suite). */
export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
