// Conventions enforced by tests: unique permanent ids, slug = file name, scope = folder, metadata filled,
// every check file registered, docs page current.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { type AnyCheck, FACTS, SCOPES, SEVERITIES } from '../../src/core/model.js';
import { CIS_DOCKER_1_6 } from '../../src/core/profiles/cis-docker-1.6.js';
import { renderCheckIndex, renderCheckPage } from '../../src/docs/check-page.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const checksDir = join(root, 'src', 'checks');
const cisIds = new Set(CIS_DOCKER_1_6.map((c) => c.id));

const checkFiles = SCOPES.flatMap((scope) =>
  existsSync(join(checksDir, scope))
    ? readdirSync(join(checksDir, scope))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && !f.startsWith('_'))
        .map((f) => ({ scope, file: join(checksDir, scope, f) }))
    : [],
);

describe('check registry', () => {
  it('has checks', () => {
    expect(allChecks.length).toBeGreaterThan(0);
  });

  it('ids are unique, well formed, and never reused as aliases', () => {
    const seen = new Map<string, string>();
    for (const c of allChecks) {
      expect(c.id, c.slug).toMatch(/^BH-[A-Z]{3}-\d{3}$/);
      for (const id of [c.id, ...(c.aliases ?? [])]) {
        expect(seen.get(id), `${id} is used twice`).toBeUndefined();
        seen.set(id, c.slug);
      }
    }
  });

  it('every check file is registered, with slug = file name and scope = folder', async () => {
    const registered = new Set<AnyCheck>(allChecks);
    for (const { scope, file } of checkFiles) {
      const mod = (await import(file)) as { default?: AnyCheck };
      expect(mod.default, `${file} has no default export`).toBeDefined();
      const c = mod.default!;
      expect(c.slug).toBe(basename(file, '.ts'));
      expect(c.scope).toBe(scope);
      expect(registered.has(c), `${c.id} (${file}) is not listed in src/checks/${scope}/index.ts`).toBe(true);
      expect(existsSync(file.replace(/\.ts$/, '.test.ts')), `${c.id} has no test beside it`).toBe(true);
    }
    expect(checkFiles.length).toBe(allChecks.length);
  });

  it('metadata is filled', () => {
    for (const c of allChecks) {
      expect(SEVERITIES).toContain(c.severity);
      expect(
        FACTS.some((f) => c.facts.includes(f)),
        `${c.id} declares no facts`,
      ).toBe(true);
      expect(c.title.length, c.id).toBeGreaterThan(8);
      expect(c.rationale.length, c.id).toBeGreaterThan(30);
      expect(c.remediation.length, c.id).toBeGreaterThan(15);
      expect(c.refs.length, `${c.id} has no refs`).toBeGreaterThan(0);
      for (const r of c.refs) {
        if (r.kind === 'cis') expect(cisIds.has(r.id), `${c.id}: unknown CIS id ${r.id}`).toBe(true);
        if (r.kind === 'practice') expect(r.id, c.id).toMatch(/^P-(ENG|KER|HST|NET|IMG|CTR|OPS|COM)-\d$/);
        if (r.kind === 'cve') expect(r.id, c.id).toMatch(/^CVE-\d{4}-\d{4,}$/);
      }
    }
  });

  it('docs pages are generated and current (run `npm run docs`)', () => {
    const docs = join(root, 'docs', 'checks');
    for (const c of allChecks) {
      const page = join(docs, `${c.id}.md`);
      expect(existsSync(page), `${page} is missing: run npm run docs`).toBe(true);
      expect(readFileSync(page, 'utf8'), `${page} is stale: run npm run docs`).toBe(renderCheckPage(c));
    }
    expect(readFileSync(join(docs, 'README.md'), 'utf8')).toBe(renderCheckIndex(allChecks));
  });
});

describe('CIS Docker Benchmark 1.6.0 coverage', () => {
  // Section 4 controls that need an image's files or the Dockerfile (4.3, 4.4, 4.8, 4.11, 4.12) belong to
  // `bulkhead image` / `bulkhead lint`; 6.x and 7.x manual controls are covered where they can be judged.
  const mapped = new Set(allChecks.flatMap((c) => c.refs.filter((r) => r.kind === 'cis').map((r) => r.id)));
  it('maps every automated/scored control of sections 1, 2, 3, 5 and 7, and 4.1/4.5/4.6', () => {
    const required = CIS_DOCKER_1_6.filter(
      (c) => (c.label !== 'Manual' && /^[12357]\./.test(c.id)) || ['4.1', '4.5', '4.6'].includes(c.id),
    ).map((c) => c.id);
    expect(required.filter((id) => !mapped.has(id))).toEqual([]);
  });
});
