// `npm run bench:vulndb`: benchmarks written as vitest files (bench/*.bench-test.ts), kept out of `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['bench/**/*.bench-test.ts'], environment: 'node', testTimeout: 600_000 },
});
