// Builds the renderer into dist/renderer with relative asset paths, so the same files load from file:// in
// Electron and from the browser preview's loopback server. Vite's config loader provides __dirname.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: __dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
  },
});
