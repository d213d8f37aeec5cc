// Vite builds the browser client: index.html → src/game/main.ts. The scenarios are bundled as raw
// text (import.meta.glob in src/game/scenarios.ts), so the game makes no network request at run time.
import { defineConfig } from 'vite';
import { unitSymbols, withoutSchemaDescriptions } from './src/game/build-plugins.ts';

export default defineConfig({
  // Relative asset paths: the static build works from any folder or sub-path.
  base: './',
  plugins: [unitSymbols(), withoutSchemaDescriptions()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Phaser alone is about 1.4 MB minified: it gets its own chunk, and the warning limit sits
    // just above its size.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ },
            // The shipped scenarios, maps and doctrines (YAML text): data, kept apart from the code.
            { name: 'scenario-data', test: /[\\/]scenarios[\\/].*\.ya?ml\?raw$/ },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
  },
  preview: {
    host: '127.0.0.1',
  },
});
