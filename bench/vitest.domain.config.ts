import { defineConfig } from 'vitest/config';

/** The pure domain needs no database: `npx vitest run --config bench/vitest.domain.config.ts`. */
export default defineConfig({
  test: {
    root: '.',
    include: ['src/domain/**/*.test.ts', 'test/domain/**/*.test.ts'],
    env: { TZ: 'UTC' },
  },
});
