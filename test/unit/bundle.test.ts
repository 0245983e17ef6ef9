// The built CLI (scripts/build.mjs, bin/bulkhead.js): one CommonJS bundle compiled through node:vm with the
// V8 code cache the build made. Runs against dist/, which `npm ci` / scripts/test.sh build first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { WASM_TIERING_FLAG } from '../../src/vulndb/store.js';

const repo = join(import.meta.dirname, '../..');
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(repo, 'bin/bulkhead.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups) c();
});

describe('the CLI bundle', () => {
  it('starts from the code cache the build made (this Node accepts it)', () => {
    const r = cli(['--version'], { BULKHEAD_DEBUG_STARTUP: '1' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
    expect(r.stderr).toMatch(/^bulkhead: code cache used \(.*dist\/bulkhead\.cjs\.cache\)$/m);
  });

  it('sets, before compiling, the same V8 flag the vulnerability database sets (else V8 rejects the cache)', () => {
    // Importing the loader would run the CLI: its text is read instead.
    const text = readFileSync(join(repo, 'bin/bulkhead.js'), 'utf8');
    expect(text).toContain(`export const WASM_TIERING_FLAG = '${WASM_TIERING_FLAG}';`);
  });

  it('scans an image with the decoder thread the loader started early, as without any thread', () => {
    const work = mkdtempSync(join(tmpdir(), 'bulkhead-bundle-'));
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));
    const img = { path: join(work, 'image.tar') };
    const gen = spawnSync(
      process.execPath,
      [join(repo, 'scripts/image-corpus.mjs'), img.path, '--size', '2', '--seed', '3', '--level', '1'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(gen.status, gen.stderr).toBe(0);
    const scan = (env: Record<string, string>) => {
      const out = join(work, `r-${Object.keys(env).length}.json`);
      const r = cli(['image', 'scan', img.path, '--db', join(work, 'none.db'), '-f', 'json', '-o', out], {
        BULKHEAD_DEBUG_STARTUP: '1',
        ...env,
      });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr.includes('layer decoder thread: the one started before the bundle loaded')).toBe(
        env.BULKHEAD_LAYER_THREAD !== '0',
      );
      const rep = JSON.parse(readFileSync(out, 'utf8')) as { results: unknown[] };
      return rep.results;
    };
    const threaded = scan({});
    expect(threaded.length).toBeGreaterThan(10);
    expect(scan({ BULKHEAD_LAYER_THREAD: '0' })).toEqual(threaded);
  });

  it('has no import() left: a vm.Script has no module loader behind it', () => {
    const bundle = readFileSync(join(repo, 'dist/bulkhead.cjs'), 'utf8');
    expect(bundle).not.toMatch(/\bimport\((["'`])[^"'`]+\1\)/);
  });
});
