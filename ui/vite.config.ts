import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  // Relative asset paths: the bundle is served by the desktop shell, not a web server.
  base: './',
  // The desktop shell serves the dev server on a fixed port.
  server: {
    port: 1420,
    strictPort: true,
    // Tests read files shared with the Rust side (fixtures, the command lists).
    ...(mode === 'test' ? { fs: { allow: ['..'] } } : {}),
  },
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  // Tests run in jsdom: resolve Svelte's browser build, not the server one.
  resolve: mode === 'test' ? { conditions: ['browser'] } : {},
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/tests/setup.ts'],
  },
}));
