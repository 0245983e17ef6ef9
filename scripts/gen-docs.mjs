// Writes docs/checks/<ID>.md for every check, and the index, from the checks' metadata (run after build).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allChecks } from '../dist/checks/index.js';
import { renderCheckIndex, renderCheckPage } from '../dist/docs/check-page.js';

const dir = join(import.meta.dirname, '..', 'docs', 'checks');
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) if (f.endsWith('.md')) rmSync(join(dir, f));
for (const c of allChecks) writeFileSync(join(dir, `${c.id}.md`), renderCheckPage(c));
writeFileSync(join(dir, 'README.md'), renderCheckIndex(allChecks));
console.log(`wrote ${allChecks.length} check pages to docs/checks`);
