import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerEntry } from '../../facts/image-scan.js';
import { type LayerSource, type WalkState, walkLayer, zstdWindow } from './layer.js';
import { layerThreadStarted } from './layer-thread.js';
import { PathSet } from './path.js';
import { packTar, rawTar, sha256 } from './testing/tars.js';
import { DEFAULT_LIMITS, type WalkLimits } from './types.js';

interface Seen {
  path: string;
  rawPath: string;
  type: string;
  whiteout?: string;
  linkname?: string;
  mode: number;
  content?: string;
}

async function walk(
  blob: Buffer,
  opts: {
    src?: Partial<LayerSource>;
    limits?: Partial<WalkLimits>;
    read?: number;
    visit?: (e: LayerEntry) => Promise<void>;
    chunk?: number;
  } = {},
) {
  const seen: Seen[] = [];
  const state: WalkState = {
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
    problems: [],
    imageBytes: 0,
    imageCapHit: false,
    paths: new PathSet(1000),
    visit:
      opts.visit ??
      (async (e) => {
        const s: Seen = { path: e.path, rawPath: e.rawPath, type: e.type, mode: e.mode };
        if (e.whiteout) s.whiteout = e.whiteout;
        if (e.linkname) s.linkname = e.linkname;
        if (e.type === 'file' && opts.read !== 0)
          s.content = (await e.read(opts.read ?? 1024)).toString('utf8');
        seen.push(s);
      }),
  };
  const size = opts.chunk ?? 4096;
  const chunks: Buffer[] = [];
  for (let i = 0; i < blob.length; i += size) chunks.push(blob.subarray(i, i + size));
  const info = await walkLayer(
    { index: 3, digest: '', verifyDigest: false, ...opts.src },
    Readable.from(chunks),
    state,
  );
  return { seen, info, problems: state.problems, state };
}

/** A zstd frame holding `data` in raw (stored) blocks: what a zstd encoder writes for incompressible data. */
function zstdRaw(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 7 << 3])]; // 128 KiB window
  const max = 128 * 1024;
  for (let at = 0; at < data.length || at === 0; at += max) {
    const block = data.subarray(at, Math.min(data.length, at + max));
    const last = at + max >= data.length ? 1 : 0;
    const h = (block.length << 3) | last;
    parts.push(Buffer.from([h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff]), block);
    if (last) break;
  }
  return Buffer.concat(parts);
}

// Compressed layers are decoded in the worker thread (layer-thread.ts) unless BULKHEAD_LAYER_THREAD=0 or no
// worker can start; every case runs both ways and must give the same results.
for (const mode of ['worker thread', 'in-process'] as const)
  describe(`decoding in ${mode}`, () => {
    const saved = process.env.BULKHEAD_LAYER_THREAD;
    beforeAll(() => {
      if (mode === 'in-process') process.env.BULKHEAD_LAYER_THREAD = '0';
      else delete process.env.BULKHEAD_LAYER_THREAD;
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.BULKHEAD_LAYER_THREAD;
      else process.env.BULKHEAD_LAYER_THREAD = saved;
    });

    it('uses the worker thread only when asked to', async () => {
      const gz = gzipSync(await packTar([{ name: 'a', content: 'x' }]));
      const { seen } = await walk(gz);
      expect(seen.map((s) => s.content)).toEqual(['x']);
      if (mode === 'worker thread') expect(layerThreadStarted()).toBe(true);
    });

    it('decodes zstd layers', async () => {
      const tar = await packTar([
        { name: 'etc/hostname', content: 'zstd-host\n' },
        { name: 'big', content: Buffer.alloc(300 * 1024, 7) },
        { name: 'last', content: 'end' },
      ]);
      const { seen, problems, info } = await walk(zstdRaw(tar), {
        src: { diffId: sha256(tar) },
        chunk: 65536,
      });
      expect(problems).toEqual([]);
      expect(seen.map((s) => [s.path, s.content?.length])).toEqual([
        ['/etc/hostname', 10],
        ['/big', 1024],
        ['/last', 3],
      ]);
      expect(info.entries).toBe(3);
    });

    it('gzip layers: the per-layer cap cuts in the decoder, the per-image cap where the layers are counted', async () => {
      const tar = await packTar([
        { name: 'a', content: 'first' },
        { name: 'f', content: Buffer.alloc(3 * 1024 * 1024, 1) },
        { name: 'z', content: 'never' },
      ]);
      const gz = gzipSync(tar);
      const layerCap = await walk(gz, { limits: { maxLayerBytes: 2 * 1024 * 1024 }, chunk: 65536 });
      expect(layerCap.problems).toEqual([expect.stringMatching(/per-layer cap of 2097152 bytes: layer cut/)]);
      expect(layerCap.seen.map((s) => s.path)).toEqual(['/a', '/f']);
      const imageCap = await walk(gz, { limits: { maxImageBytes: 2 * 1024 * 1024 }, chunk: 65536 });
      expect(imageCap.problems).toEqual([expect.stringMatching(/per-image cap of 2097152 bytes/)]);
      expect(imageCap.state.imageCapHit).toBe(true);
      expect(imageCap.seen.map((s) => s.path)).toEqual(['/a', '/f']);
    });

    it('gzip layers: right digests pass, a wrong blob digest and diff id are both named', async () => {
      const tar = await packTar([{ name: 'a', content: 'same' }]);
      const gz = gzipSync(tar);
      const ok = await walk(gz, { src: { digest: sha256(gz), verifyDigest: true, diffId: sha256(tar) } });
      expect(ok.problems).toEqual([]);
      expect(ok.info.size).toBe(gz.length);
      const wrong = await walk(gz, {
        src: { digest: sha256('other'), verifyDigest: true, diffId: sha256('other tar') },
      });
      expect(wrong.problems).toEqual([
        expect.stringMatching(/blob content is sha256:.* not the sha256:.* altered or corrupted in transit/),
        expect.stringMatching(/uncompressed tar is sha256:.* not the diff id/),
      ]);
    });

    describe('walkLayer: ordinary layers', () => {
      it('normalises entries, reads content, and accepts gzip and plain tars', async () => {
        const tar = await packTar([
          { name: './', type: 'directory' },
          { name: './etc/', type: 'directory' },
          { name: './etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' },
          { name: 'usr/bin/sudo', content: 'ELF', mode: 0o4755 },
          { name: 'bin/sh', type: 'symlink', linkname: '/bin/busybox' },
          { name: 'bin/ash', type: 'link', linkname: 'usr/bin/sudo' },
        ]);
        for (const blob of [tar, gzipSync(tar)]) {
          const { seen, info, problems } = await walk(blob, {
            src: { diffId: sha256(tar), digest: sha256(blob), verifyDigest: true },
          });
          expect(problems).toEqual([]);
          expect(info).toMatchObject({ index: 3, entries: 6, size: blob.length, diffId: sha256(tar) });
          expect(seen.map((s) => [s.path, s.type])).toEqual([
            ['/', 'dir'],
            ['/etc', 'dir'],
            ['/etc/passwd', 'file'],
            ['/usr/bin/sudo', 'file'],
            ['/bin/sh', 'symlink'],
            ['/bin/ash', 'hardlink'],
          ]);
          expect(seen[2]?.content).toBe('root:x:0:0::/root:/bin/sh\n');
          expect(seen[3]?.mode).toBe(0o4755);
          expect(seen[4]?.linkname).toBe('/bin/busybox');
        }
      });

      it('turns whiteouts and opaque markers into entries with `whiteout`, and hides aufs metadata', async () => {
        const tar = await packTar([
          { name: 'etc/.wh.shadow' },
          { name: 'var/cache/.wh..wh..opq' },
          { name: '.wh.tmp' },
          { name: '.wh..wh.plnk/', type: 'directory' },
          { name: '.wh..wh.aufs' },
        ]);
        const { seen, problems } = await walk(gzipSync(tar), { read: 0 });
        expect(problems).toEqual([]);
        expect(seen).toEqual([
          { path: '/etc/shadow', rawPath: 'etc/.wh.shadow', type: 'other', whiteout: 'file', mode: 0o644 },
          {
            path: '/var/cache',
            rawPath: 'var/cache/.wh..wh..opq',
            type: 'other',
            whiteout: 'opaque',
            mode: 0o644,
          },
          { path: '/tmp', rawPath: '.wh.tmp', type: 'other', whiteout: 'file', mode: 0o644 },
        ]);
      });

      it('read(max) reads at most max bytes, shares them between readers, and skips unread content', async () => {
        const big = Buffer.alloc(3 * 1024 * 1024, 'a');
        const tar = await packTar([
          { name: 'big', content: big },
          { name: 'after', content: 'tail' },
        ]);
        const reads: number[] = [];
        let afterContent = '';
        const { problems, info } = await walk(gzipSync(tar), {
          visit: async (e) => {
            if (e.path === '/big') {
              const a = await e.read(10);
              const b = await e.read(5);
              const c = await e.read(20);
              reads.push(a.length, b.length, c.length);
              expect(c.subarray(0, 10).equals(a)).toBe(true);
            } else afterContent = (await e.read(100)).toString();
          },
        });
        expect(problems).toEqual([]);
        expect(reads).toEqual([10, 5, 20]);
        expect(afterContent).toBe('tail');
        expect(info.entries).toBe(2);
      });

      it('reports a blob digest and a diff id that do not match, and keeps the findings', async () => {
        const tar = await packTar([{ name: 'a', content: 'x' }]);
        const blob = gzipSync(tar);
        const { seen, problems } = await walk(blob, {
          src: { digest: sha256('other'), verifyDigest: true, diffId: sha256('other tar') },
        });
        expect(seen).toHaveLength(1);
        expect(problems).toHaveLength(2);
        expect(problems[0]).toMatch(/^layer 3 \(sha256:[0-9a-f]{12}\): blob content is sha256:.* altered/);
        expect(problems[1]).toMatch(/not the diff id/);
      });

      it('an uncompressed blob is hashed once for both checks: right digests pass, wrong ones are named', async () => {
        const tar = await packTar([{ name: 'a', content: 'x' }]);
        const good = await walk(tar, {
          src: { digest: sha256(tar), verifyDigest: true, diffId: sha256(tar) },
        });
        expect(good.problems).toEqual([]);
        const bad = await walk(tar, {
          src: { digest: sha256(tar), verifyDigest: true, diffId: sha256('other tar') },
        });
        expect(bad.problems).toHaveLength(1);
        expect(bad.problems[0]).toMatch(/uncompressed tar is sha256:.*, not the diff id/);
      });

      it('a visitor that throws is a problem, not a crash', async () => {
        const tar = await packTar([
          { name: 'a', content: 'x' },
          { name: 'b', content: 'y' },
        ]);
        let calls = 0;
        const { problems } = await walk(tar, {
          visit: async () => {
            calls++;
            throw new Error('boom');
          },
        });
        expect(calls).toBe(2);
        expect(problems).toEqual([
          'layer 3: analyzer failed on /a: boom',
          'layer 3: analyzer failed on /b: boom',
        ]);
      });
    });

    describe('walkLayer: hostile layers', () => {
      it.each([
        ['../../etc/passwd', '/etc/passwd', /climbs out of the root/],
        ['a/../../../root/.ssh/authorized_keys', '/root/.ssh/authorized_keys', /climbs out of the root/],
        ['/etc/cron.d/evil', '/etc/cron.d/evil', /absolute name/],
      ])('path %s is read inside the root as %s and reported', async (name, path, problem) => {
        const { seen, problems } = await walk(rawTar([{ name, content: 'x' }]));
        expect(seen.map((s) => s.path)).toEqual([path]);
        expect(seen[0]?.rawPath).toBe(name);
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(problem);
      });

      it('a link or fifo that carries bytes (hostile) is drained, not stalled on', async () => {
        const tar = rawTar([
          { name: 'ln', type: 'symlink', linkname: 'target', content: Buffer.alloc(70000, 1) },
          { name: 'pipe', type: 'fifo', content: 'data in a fifo' },
          { name: 'after', content: 'still read' },
        ]);
        for (const blob of [tar, gzipSync(tar)]) {
          const { seen, problems } = await walk(blob);
          expect(problems).toEqual([]);
          expect(seen.map((s) => [s.path, s.type, s.content])).toEqual([
            ['/ln', 'symlink', undefined],
            ['/pipe', 'fifo', undefined],
            ['/after', 'file', 'still read'],
          ]);
        }
      });

      it('a normal relative name is not a problem', async () => {
        const { problems } = await walk(rawTar([{ name: 'usr/../etc/ok', content: 'x' }]));
        expect(problems).toEqual([]);
      });

      it('hardlinks out of the image or to a missing entry are problems; to an earlier entry they are not', async () => {
        const tar = rawTar([
          { name: 'bin/busybox', content: 'ELF' },
          { name: 'bin/sh', type: 'link', linkname: 'bin/busybox' },
          { name: 'x', type: 'link', linkname: '../../../etc/shadow' },
          { name: 'y', type: 'link', linkname: 'not/here' },
          { name: 'z', type: 'symlink', linkname: '../../../../etc/shadow' },
        ]);
        const { seen, problems } = await walk(tar);
        expect(seen).toHaveLength(5);
        expect(problems).toEqual([
          'layer 3: hardlink target "../../../etc/shadow" is outside the image',
          'layer 3: hardlink target "not/here" is not an earlier entry of this layer',
        ]);
      });

      it('duplicate entries are all visited (the later wins) and reported', async () => {
        const tar = rawTar([
          { name: 'etc/passwd', content: 'one' },
          { name: './etc/passwd', content: 'two' },
        ]);
        const { seen, problems } = await walk(tar);
        expect(seen.map((s) => s.content)).toEqual(['one', 'two']);
        expect(problems).toEqual(['layer 3: duplicate entry /etc/passwd (the later one wins)']);
      });

      it('non-UTF-8 names are kept as latin1 and reported; UTF-8 names are decoded', async () => {
        const tar = rawTar([
          { name: Buffer.from([0x63, 0x61, 0x66, 0xe9]), content: 'x' }, // "café" in latin1
          { name: Buffer.from('naïve', 'utf8'), content: 'y' },
        ]);
        const { seen, problems } = await walk(tar);
        expect(seen.map((s) => s.path)).toEqual(['/café', '/naïve']);
        expect(problems).toEqual(['layer 3: name is not UTF-8, kept as latin1: "café"']);
      });

      it('summarises after maxProblemsPerKind problems of one kind', async () => {
        const items = Array.from({ length: 8 }, (_, i) => ({ name: `../f${i}`, content: 'x' }));
        const { problems, seen } = await walk(rawTar(items), { limits: { maxProblemsPerKind: 3 } });
        expect(seen).toHaveLength(8);
        expect(problems).toHaveLength(4);
        expect(problems[3]).toBe('layer 3: 5 more path traversal entries not listed');
      });

      it('a gzip bomb is cut by the ratio cap', async () => {
        const tar = await packTar([
          { name: 'zeros', content: Buffer.alloc(64 * 1024 * 1024) },
          { name: 'never', content: 'x' },
        ]);
        const blob = gzipSync(tar);
        const { problems, seen } = await walk(blob, { limits: { maxRatio: 20 }, read: 0, chunk: 65536 });
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(/decompression ratio passed 20:1 .* layer cut/);
        expect(seen.map((s) => s.path)).not.toContain('/never');
      });

      it('the per-layer and per-image caps cut the layer; the image cap is remembered', async () => {
        const tar = await packTar([{ name: 'f', content: Buffer.alloc(2 * 1024 * 1024, 1) }]);
        const layerCap = await walk(tar, { limits: { maxLayerBytes: 1024 * 1024 }, read: 0 });
        expect(layerCap.problems[0]).toMatch(/per-layer cap of 1048576 bytes: layer cut/);
        const imageCap = await walk(tar, { limits: { maxImageBytes: 1024 * 1024 }, read: 0 });
        expect(imageCap.problems[0]).toMatch(/per-image cap/);
        expect(imageCap.state.imageCapHit).toBe(true);
      });

      it('a truncated tar is reported after the entries that arrived; the visitor gets the partial content', async () => {
        const tar = rawTar([
          { name: 'a', content: 'complete' },
          { name: 'b', content: Buffer.alloc(5000, 'b') },
        ]);
        const { seen, problems, info } = await walk(tar.subarray(0, 512 + 512 + 512 + 1000));
        expect(seen.map((s) => s.path)).toEqual(['/a', '/b']);
        expect(seen[1]?.content?.length).toBeLessThanOrEqual(1000);
        expect(info.entries).toBe(2);
        expect(problems).toEqual([
          expect.stringMatching(/^layer 3: tar corrupt or truncated after 2 entries/),
        ]);
      });

      it('a visitor that reads only after the layer broke gets what arrived, without hanging', async () => {
        const tar = rawTar([{ name: 'b', content: Buffer.alloc(5000, 'b') }]);
        const got: number[] = [];
        const { problems } = await walk(tar.subarray(0, 512 + 1000), {
          visit: async (e) => {
            await new Promise((r) => setTimeout(r, 30));
            got.push((await e.read(5000)).length);
          },
        });
        expect(got.length).toBe(1);
        expect(got[0]).toBeLessThanOrEqual(1000);
        expect(problems).toEqual([expect.stringMatching(/tar corrupt or truncated after 1 entries/)]);
      });

      it('truncated and corrupt gzip streams are reported', async () => {
        const tar = await packTar([{ name: 'a', content: Buffer.alloc(100000, 'q') }]);
        const gz = gzipSync(tar);
        const truncated = await walk(gz.subarray(0, gz.length - 20));
        expect(truncated.problems).toEqual([expect.stringMatching(/gzip stream corrupt or truncated/)]);
        const corrupt = Buffer.from(gz);
        corrupt.fill(0x55, 40, 80);
        const bad = await walk(corrupt);
        expect(bad.problems).toEqual([expect.stringMatching(/gzip stream corrupt or truncated/)]);
      });

      it('garbage instead of a tar header is reported as a corrupt tar', async () => {
        const { problems, seen } = await walk(Buffer.alloc(2048, 0x41));
        expect(seen).toEqual([]);
        expect(problems).toEqual([
          expect.stringMatching(/tar corrupt or truncated after 0 entries: Invalid tar header/),
        ]);
      });

      it('bzip2/xz layers and an empty blob are reported, not scanned', async () => {
        expect((await walk(Buffer.from('BZh91AY&SY....'))).problems[0]).toMatch(
          /bzip2-compressed layer not supported/,
        );
        expect((await walk(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0, 1, 2]))).problems[0]).toMatch(
          /xz-compressed/,
        );
        expect((await walk(Buffer.alloc(0))).problems).toEqual(['layer 3: empty blob']);
      });

      it('a zstd frame asking for a huge window is refused before decoding', async () => {
        // magic, FHD=0 (window descriptor follows), WD exponent 21 → 2 GiB window.
        const bomb = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 21 << 3, 0, 0, 0, 0]);
        expect(zstdWindow(bomb)).toBe(2 ** 31);
        const { problems } = await walk(bomb);
        expect(problems[0]).toMatch(/zstd window of 2147483648 bytes exceeds/);
      });

      it('huge files are not read unless asked, and read(max) stays bounded', async () => {
        const tar = await packTar([{ name: 'huge', content: Buffer.alloc(20 * 1024 * 1024, 7) }]);
        let got = -1;
        await walk(gzipSync(tar), {
          chunk: 65536,
          visit: async (e) => {
            got = (await e.read(4096)).length;
          },
        });
        expect(got).toBe(4096);
      });

      it('read() after the visitor returned is an error (content is gone)', async () => {
        let saved: LayerEntry | undefined;
        await walk(await packTar([{ name: 'a', content: 'x' }]), {
          visit: async (e) => {
            saved = e;
          },
        });
        await expect(saved?.read(1)).rejects.toThrow(/after the visitor returned/);
      });
    });
  });
