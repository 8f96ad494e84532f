import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The token theme is configuration, not code: RETOUR_THEME_CSS points to a municipality's token CSS
// and RETOUR_THEME_CLASS names the class it scopes its tokens to (docs/theming.md).
const defaultThemeCss = fileURLToPath(
  import.meta.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css'),
);
const themeCss = process.env.RETOUR_THEME_CSS ? resolve(process.env.RETOUR_THEME_CSS) : defaultThemeCss;

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  envPrefix: ['VITE_', 'RETOUR_THEME_CLASS'],
  resolve: { alias: { 'virtual:retour-theme.css': themeCss } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
