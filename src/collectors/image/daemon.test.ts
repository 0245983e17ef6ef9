// The daemon source against a fake Engine API on a unix socket: layer order recovered from a save stream
// that puts manifest.json last (second pass), Docker 25+'s diff-id-named blobs (one pass), the history
// refined from the config in the stream. The real daemon is exercised in test/integration.

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainIds, topLevelRaw, V1Ids } from './daemon.js';
import { openImage } from './index.js';
import {
  type BuiltLayer,
  type ImageParts,
  image,
  layer,
  legacySaveItems,
  ociSaveItems,
  packTar,
  sha256,
  type TarItem,
} from './testing/tars.js';
import type { OpenedImage } from './types.js';

let dir: string;
let base: BuiltLayer;
let mid: BuiltLayer;
let top: BuiltLayer;
let parts: ImageParts;
const servers: Server[] = [];

async function fakeEngine(save: TarItem[]): Promise<{ host: string; gets: () => number }> {
  const body = await packTar(save);
  const cfg = JSON.parse(parts.config.toString());
  let gets = 0;
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    const json = (v: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(v));
    };
    if (url === '/version') return json({ ApiVersion: '1.41', MinAPIVersion: '1.12', Version: '20.10.24' });
    if (/^\/v1\.41\/images\/(shop\/api:1|sha256:[a-f0-9]+)\/json$/.test(url))
      return json({
        Id: parts.configDigest,
        RepoTags: ['shop/api:1'],
        RepoDigests: [],
        Os: 'linux',
        Architecture: 'amd64',
        Created: '2024-01-02T03:04:05Z',
        Config: cfg.config,
        RootFS: { Type: 'layers', Layers: cfg.rootfs.diff_ids },
      });
    if (url.endsWith('/history'))
      // Newest first, no empty_layer flags; sizes say which steps made layers.
      return json([
        { Id: parts.configDigest, CreatedBy: '/bin/sh -c #(nop)  CMD ["sh"]', Size: 0, Created: 1704164645 },
        { Id: '<missing>', CreatedBy: '/bin/sh -c #(nop) ADD file:2 in / ', Size: 10 },
        { Id: '<missing>', CreatedBy: '/bin/sh -c #(nop) ADD file:1 in / ', Size: 10 },
        { Id: '<missing>', CreatedBy: '/bin/sh -c #(nop) ADD file:0 in / ', Size: 10 },
      ]);
    if (url === `/v1.41/images/${parts.configDigest}/get`) {
      gets++;
      res.writeHead(200, { 'content-type': 'application/x-tar' });
      // Small writes, so the client really streams.
      let i = 0;
      const pump = (): void => {
        while (i < body.length) {
          const ok = res.write(body.subarray(i, i + 1000));
          i += 1000;
          if (!ok) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `No such image: ${url}` }));
  });
  const sock = join(dir, `engine-${servers.length}.sock`);
  await new Promise<void>((r) => server.listen(sock, () => r()));
  servers.push(server);
  return { host: `unix://${sock}`, gets: () => gets };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bulkhead-daemon-'));
  base = await layer([{ name: 'etc/os-release', content: 'ID=debian\n' }]);
  mid = await layer([{ name: 'usr/bin/curl', content: 'ELF', mode: 0o755 }]);
  top = await layer([{ name: 'app/run', content: 'ELF' }, { name: 'etc/.wh.os-release' }]);
  parts = image([base, mid, top], { user: 'app' });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await rm(dir, { recursive: true, force: true });
});

async function walk(img: OpenedImage) {
  const seen: string[] = [];
  const layers = await img.walk(async (e) => {
    seen.push(`${e.layer}:${e.path}${e.whiteout ? ` (${e.whiteout})` : ''}`);
    if (e.type === 'file') await e.read(3);
  });
  return { seen: seen.sort(), layers };
}

const EXPECTED = ['0:/etc/os-release', '1:/usr/bin/curl', '2:/app/run', '2:/etc/os-release (file)'];

describe('daemon source', () => {
  it('legacy save stream with unplaceable directories: a second request streams the rest', async () => {
    const engine = await fakeEngine(legacySaveItems(parts, ['shop/api:1']));
    const img = await openImage('docker:shop/api:1', { connection: { host: engine.host } });
    expect(img).toMatchObject({
      source: 'daemon',
      id: parts.configDigest,
      repoTags: ['shop/api:1'],
      layerCount: 3,
    });
    expect(img.config.user).toBe('app');
    const { seen, layers } = await walk(img);
    expect(seen).toEqual(EXPECTED);
    expect(layers.map((l) => l.diffId)).toEqual([base.diffId, mid.diffId, top.diffId]);
    expect(layers.map((l) => l.createdBy)).toEqual([
      '/bin/sh -c #(nop) ADD file:0 in / ',
      '/bin/sh -c #(nop) ADD file:1 in / ',
      '/bin/sh -c #(nop) ADD file:2 in / ',
    ]);
    expect(engine.gets()).toBe(2);
    expect(img.problems).toEqual([]);
  });

  it('manifest.json first: one pass', async () => {
    const engine = await fakeEngine(legacySaveItems(parts, ['shop/api:1'], true));
    const img = await openImage('docker:shop/api:1', { connection: { host: engine.host } });
    expect((await walk(img)).seen).toEqual(EXPECTED);
    expect(engine.gets()).toBe(1);
  });

  it('Docker 25+ save (blobs named by diff id): one pass, blob digests checked', async () => {
    const engine = await fakeEngine(ociSaveItems(parts, ['shop/api:1']));
    const img = await openImage('docker:shop/api:1', { connection: { host: engine.host } });
    const { seen, layers } = await walk(img);
    expect(seen).toEqual(EXPECTED);
    expect(layers.map((l) => l.digest)).toEqual([base.diffId, mid.diffId, top.diffId]);
    expect(engine.gets()).toBe(1);
    expect(img.problems).toEqual([]);
  });

  it('a missing image is a clear error', async () => {
    const engine = await fakeEngine([]);
    await expect(openImage('docker:nope:1', { connection: { host: engine.host } })).rejects.toThrow(
      /no image nope:1 in the daemon at unix:\/\//,
    );
  });
});

describe('v1 ids of a legacy docker save (moby image/tarexport)', () => {
  const diffIds = [sha256('a'), sha256('b')];
  it('chain ids', () => {
    const c = chainIds(diffIds);
    expect(c[0]).toBe(diffIds[0]);
    expect(c[1]).toBe(sha256(`${diffIds[0]} ${diffIds[1]}`));
  });

  it('recomputes the ids moby gives each layer directory from its json', () => {
    // What moby writes: lower layers are {created: epoch, container_config: {...}} plus id/parent/os.
    const tpl = '"container_config":{"Hostname":"","Cmd":null},"created":"1970-01-01T00:00:00Z"';
    const chain = chainIds(diffIds);
    const id0 = sha256(`{${tpl},"layer_id":"${chain[0]}"}`).slice(7);
    const topFields = `"architecture":"amd64","config":{"User":"app"},"created":"2024-01-01T00:00:00Z","os":"linux"`;
    const id1 = sha256(
      `{${sortFields(`${topFields},"layer_id":"${chain[1]}","parent":"sha256:${id0}"`)}}`,
    ).slice(7);
    const v1 = new V1Ids(diffIds);
    expect(v1.indexOf(id0, `{"id":"${id0}",${tpl},"os":"linux"}`)).toBe(0);
    expect(v1.indexOf(id1, `{"id":"${id1}","parent":"${id0}",${topFields}}`)).toBe(1);
    expect(v1.indexOf('f'.repeat(64), `{"id":"x",${tpl}}`)).toBeUndefined();
  });

  it('splits a JSON object into raw members', () => {
    expect([...(topLevelRaw('{"a":{"b":[1,"}"]},"c":"x\\"y","d":null}') ?? [])]).toEqual([
      ['a', '{"b":[1,"}"]}'],
      ['c', '"x\\"y"'],
      ['d', 'null'],
    ]);
    expect(topLevelRaw('[1]')).toBeUndefined();
  });
});

/** Sorts the members of a compact JSON object body by key (what Go does for a map). */
function sortFields(inner: string): string {
  const m = topLevelRaw(`{${inner}}`)!;
  return [...m.keys()]
    .sort()
    .map((k) => `${JSON.stringify(k)}:${m.get(k)}`)
    .join(',');
}
