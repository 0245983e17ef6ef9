import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bulkhead: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 2;
  },
);
