// `bulkhead lint` end to end over a fixture tree (test/fixtures/lint) and over broken input: which files are
// found (excludes honoured), what is reported where, and that one bad file never stops the others.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findTargets, runLint } from '../../src/lint/run.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'lint');
const tmp = mkdtempSync(join(tmpdir(), 'bulkhead-lint-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lint = (paths: string[], cwd = fixtures, extra: Partial<Parameters<typeof runLint>[0]> = {}) =>
  runLint({ config: {}, paths, cwd, env: {}, now: new Date('2026-11-28T00:00:00Z'), ...extra });

describe('bulkhead lint over a fixture tree', () => {
  it('walks directories for Dockerfiles and compose files, honouring .gitignore and .dockerignore', () => {
    const t = findTargets(['.'], [], fixtures);
    const rel = (p: string) => p.slice(fixtures.length + 1);
    expect(t.dockerfiles.map(rel)).toEqual([
      'app/Dockerfile',
      'hardened/Dockerfile',
      'nested/deep/api.Dockerfile',
      'vendor/Dockerfile.legacy',
    ]);
    expect(t.projects.map((p) => p.map(rel))).toEqual([['app/compose.yaml']]);
  });

  it('reports findings with file, line, column and stage, and applies inline suppressions', () => {
    const { report, diagnostics } = lint(['.']);
    expect(diagnostics).toEqual([]);
    const maintainer = report.results.find((r) => r.checkId === 'BH-DKF-016' && r.status === 'fail');
    expect(maintainer?.location).toEqual({ path: 'vendor/Dockerfile.legacy', line: 2, column: 1 });
    expect(maintainer?.subject).toEqual({ kind: 'file', path: 'vendor/Dockerfile.legacy', name: 'stage 1' });
    // compose services are judged by the audit's container checks, at their lines
    const privileged = report.results.find((r) => r.checkId === 'BH-CTR-005' && r.status === 'fail');
    expect(privileged?.location).toEqual({ path: 'app/compose.yaml', line: 5, column: 5 });
    // and a compose file's own inline suppression covers its line
    const ssh = report.results.find((r) => r.checkId === 'BH-CTR-040');
    expect(ssh?.status).toBe('suppressed');
    expect(ssh?.suppression?.source).toBe('app/compose.yaml:9');
  });

  it('reads a Dockerfile from stdin as <stdin>', () => {
    const { report } = lint(['-'], tmp, { stdin: () => 'FROM debian:12\nMAINTAINER me\n' });
    const r = report.results.find((x) => x.checkId === 'BH-DKF-016');
    expect(r?.location).toEqual({ path: '<stdin>', line: 2, column: 1 });
  });
});

describe('broken input: one clear line per file, the rest still linted', () => {
  const dir = join(tmp, 'broken');
  mkdirSync(join(dir, 'yaml'), { recursive: true });
  writeFileSync(join(dir, 'heredoc.Dockerfile'), 'FROM debian:12\nRUN <<EOF\necho never closed\n');
  writeFileSync(join(dir, 'empty.Dockerfile'), '');
  writeFileSync(join(dir, 'binary.Dockerfile'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0, 255]));
  writeFileSync(join(dir, 'big.Dockerfile'), `FROM debian:12\n${'RUN true\n'.repeat(1_200_000)}`);
  writeFileSync(join(dir, 'yaml', 'compose.yaml'), 'services:\n  web: [unclosed\n');
  writeFileSync(join(dir, 'good.Dockerfile'), 'FROM debian:12\nMAINTAINER still-linted\n');

  it('names each broken file once, with line and column where there is one', () => {
    const { report, diagnostics } = lint(['.'], dir);
    const by = (name: string) => diagnostics.filter((d) => d.startsWith(name));
    expect(by('heredoc.Dockerfile')).toEqual(['heredoc.Dockerfile:2:1: unterminated heredoc <<EOF']);
    expect(by('empty.Dockerfile')).toEqual([
      'empty.Dockerfile: empty file: Docker refuses an empty Dockerfile',
    ]);
    expect(by('binary.Dockerfile')).toEqual(['binary.Dockerfile: binary file (NUL bytes), not a Dockerfile']);
    expect(by('big.Dockerfile')).toEqual([
      expect.stringMatching(/^big\.Dockerfile: \d+ bytes, larger than \d+; not linted$/),
    ]);
    expect(by('yaml/compose.yaml')).toHaveLength(1);
    expect(by('yaml/compose.yaml')[0]).toMatch(/^yaml\/compose\.yaml:\d+:\d+: /);
    expect(diagnostics).toHaveLength(5);
    expect(
      report.results.some((r) => r.checkId === 'BH-DKF-016' && r.subject.path === 'good.Dockerfile'),
    ).toBe(true);
  });
});
