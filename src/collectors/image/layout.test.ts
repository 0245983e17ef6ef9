import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerEntry } from '../../facts/image-scan.js';
import { openImage } from './index.js';
import {
  type BuiltLayer,
  type ImageParts,
  image,
  layer,
  legacySaveItems,
  ociLayoutItems,
  ociSaveItems,
  packTar,
  sha256,
  type TarItem,
} from './testing/tars.js';
import type { OpenedImage } from './types.js';

let dir: string;
let base: BuiltLayer;
let app: BuiltLayer;
let parts: ImageParts;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bulkhead-layout-'));
  base = await layer([
    { name: 'etc/', type: 'directory' },
    { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' },
    { name: 'bin/sh', content: 'ELF-sh', mode: 0o755 },
  ]);
  app = await layer([
    { name: 'app/', type: 'directory' },
    { name: 'app/server', content: 'ELF-app', mode: 0o755 },
    { name: 'etc/.wh.os-release' },
  ]);
  parts = image([base, app], { user: '10001' });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeTar(name: string, items: TarItem[]): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, await packTar(items));
  return p;
}

async function writeDir(name: string, items: TarItem[]): Promise<string> {
  const root = join(dir, name);
  for (const it of items) {
    const p = join(root, it.name);
    if (it.type === 'directory') await mkdir(p, { recursive: true });
    else {
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, it.content ?? '');
    }
  }
  return root;
}

async function collect(img: OpenedImage) {
  const entries: Pick<LayerEntry, 'path' | 'layer' | 'type' | 'whiteout'>[] = [];
  const contents: Record<string, string> = {};
  const layers = await img.walk(async (e) => {
    entries.push({
      path: e.path,
      layer: e.layer,
      type: e.type,
      ...(e.whiteout ? { whiteout: e.whiteout } : {}),
    });
    if (e.type === 'file') contents[`${e.layer}:${e.path}`] = (await e.read(100)).toString();
  });
  return { entries, contents, layers };
}

const expectTwoLayers = async (img: OpenedImage) => {
  expect(img.id).toBe(parts.configDigest);
  expect(img.layerCount).toBe(2);
  expect(img.config.user).toBe('10001');
  expect(img.config.exposedPorts).toEqual(['8080/tcp']);
  expect(img.platform).toEqual({ os: 'linux', architecture: 'amd64' });
  expect(img.history.map((h) => h.layer)).toEqual([0, 1, null]);
  const { entries, contents, layers } = await collect(img);
  expect(img.problems).toEqual([]);
  expect(contents['0:/etc/os-release']).toContain('ID=debian');
  expect(contents['1:/app/server']).toBe('ELF-app');
  expect(entries).toContainEqual({ path: '/etc/os-release', layer: 1, type: 'other', whiteout: 'file' });
  expect(layers.map((l) => [l.index, l.diffId, l.entries])).toEqual([
    [0, base.diffId, 3],
    [1, app.diffId, 3],
  ]);
  expect(layers[1]?.createdBy).toContain('ADD file:1');
  return layers;
};

describe('docker save archives', () => {
  it('legacy layout (manifest.json last, directories in name order)', async () => {
    const p = await writeTar('legacy.tar', legacySaveItems(parts, ['shop/api:1.0']));
    for (const ref of [p, `docker-archive:${p}`]) {
      const img = await openImage(ref);
      expect(img.source).toBe('docker-archive');
      expect(img.repoTags).toEqual(['shop/api:1.0']);
      const layers = await expectTwoLayers(img);
      expect(layers[0]?.digest).toBe(base.diffId);
    }
  });

  it('Docker 25+ layout (OCI blobs plus manifest.json) verifies blob digests', async () => {
    const p = await writeTar('oci-save.tar', ociSaveItems(parts, ['shop/api:2.0']));
    const img = await openImage(p);
    expect(img.source).toBe('docker-archive');
    const layers = await expectTwoLayers(img);
    expect(layers[0]?.digest).toBe(base.diffId);
  });

  it('picks an image by tag when the archive holds several, and says which exist otherwise', async () => {
    const other = image([base], { user: 'nobody' });
    const items = legacySaveItems(parts, ['a:1']);
    const m1 = JSON.parse(String(items.find((i) => i.name === 'manifest.json')!.content));
    const items2 = legacySaveItems(other, ['b:2']);
    const m2 = JSON.parse(String(items2.find((i) => i.name === 'manifest.json')!.content));
    const merged = [
      ...items.filter((i) => i.name !== 'manifest.json'),
      ...items2.filter((i) => i.name !== 'manifest.json' && !items.some((j) => j.name === i.name)),
      { name: 'manifest.json', content: JSON.stringify([...m1, ...m2]) },
    ];
    const p = await writeTar('multi.tar', merged);
    await expect(openImage(`docker-archive:${p}`)).rejects.toThrow(/holds 2 images; name one/);
    expect((await openImage(`docker-archive:${p}:b:2`)).config.user).toBe('nobody');
    expect((await openImage(`docker-archive:${p}:a:1`)).config.user).toBe('10001');
    await expect(openImage(`docker-archive:${p}:c:3`)).rejects.toThrow(/no image c:3/);
  });

  it('a layer path out of the archive, a missing layer, and a tampered config are problems', async () => {
    const items = legacySaveItems(parts, ['x:1']).map((i) =>
      i.name === 'manifest.json'
        ? {
            ...i,
            content: JSON.stringify([
              {
                Config: `${parts.configDigest.slice(7)}.json`,
                RepoTags: [],
                Layers: ['../../../../etc/passwd', 'nope/layer.tar'],
              },
            ]),
          }
        : i.name.endsWith('.json') && !i.name.includes('/')
          ? { ...i, content: Buffer.concat([parts.config, Buffer.from(' ')]) }
          : i,
    );
    const img = await openImage(await writeTar('bad.tar', items));
    const { layers } = await collect(img);
    expect(layers.map((l) => l.entries)).toEqual([0, 0]);
    expect(img.problems).toEqual([
      expect.stringMatching(/does not match its content .* altered/),
      expect.stringMatching(/^layer 0 .*cannot read the blob: .*no file \.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd/),
      expect.stringMatching(/^layer 1 .*cannot read the blob: .*no file nope\/layer.tar/),
    ]);
  });
});

describe('OCI layouts', () => {
  it('a directory and the same as a tar', async () => {
    const items = ociLayoutItems([{ parts }]);
    const d = await writeDir('oci-dir', items);
    const t = await writeTar('oci.tar', items);
    for (const ref of [d, `oci:${d}`, t, `oci:${t}`]) {
      const img = await openImage(ref);
      expect(img.source).toBe('oci');
      expect(img.digest).toBe(parts.manifestDigest);
      const layers = await expectTwoLayers(img);
      expect(layers.map((l) => l.digest)).toEqual([base.digest, app.digest]);
      expect(layers[0]?.size).toBe(base.blob.length);
    }
  });

  it('multi-arch (nested) index: the platform asked for, the host default, and a clear miss', async () => {
    const arm = image([app], { architecture: 'arm64', variant: 'v8', user: 'arm' });
    const amd = image([base], { architecture: 'amd64', user: 'amd' });
    const items = ociLayoutItems(
      [
        { parts: arm, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        { parts: amd, platform: { os: 'linux', architecture: 'amd64' } },
      ],
      { nestedIndex: true, refName: 'latest' },
    );
    const d = await writeDir('multi-arch', items);
    expect((await openImage(`oci:${d}`, { platform: 'linux/arm64' })).config.user).toBe('arm');
    expect((await openImage(`oci:${d}`, { platform: 'linux/amd64' })).config.user).toBe('amd');
    expect((await openImage(`oci:${d}:latest`, { platform: 'linux/arm64/v8' })).platform).toEqual({
      os: 'linux',
      architecture: 'arm64',
      variant: 'v8',
    });
    await expect(openImage(`oci:${d}`, { platform: 'linux/s390x' })).rejects.toThrow(
      /no image for linux\/s390x \(offered: linux\/arm64\/v8, linux\/amd64\)/,
    );
    const host = await openImage(`oci:${d}`);
    expect(host.config.user).toBe(process.arch === 'arm64' ? 'arm' : 'amd');
  });

  it('a blob whose content does not match its digest is reported, and its entries still come', async () => {
    const items = ociLayoutItems([{ parts }]).map((i) =>
      i.name === `blobs/sha256/${app.digest.slice(7)}` ? { ...i, content: base.blob } : i,
    );
    const img = await openImage(await writeDir('tampered', items));
    const { layers } = await collect(img);
    expect(layers[1]?.entries).toBe(3);
    expect(img.problems).toEqual([
      expect.stringMatching(
        /^layer 1 .*blob content is sha256:.*not the sha256:.* altered or corrupted in transit/,
      ),
      expect.stringMatching(/^layer 1 .*not the diff id/),
    ]);
  });

  it('never follows a symlinked blob out of the layout', async () => {
    const items = ociLayoutItems([{ parts }]);
    const d = await writeDir('symlinked', items);
    const victim = join(dir, 'victim.tar');
    await writeFile(victim, await packTar([{ name: 'host-secret', content: 'x' }]));
    const target = join(d, 'blobs', 'sha256', app.digest.slice(7));
    await rm(target);
    await symlink(victim, target);
    const img = await openImage(d);
    const { layers } = await collect(img);
    expect(layers[1]?.entries).toBe(0);
    expect(img.problems).toEqual([
      expect.stringMatching(/^layer 1 .*cannot read the blob: .*it is a symlink/),
    ]);
  });

  it('a missing or malformed layout is a clear error', async () => {
    const empty = await writeDir('empty', [{ name: 'x', content: '' }]);
    await expect(openImage(`oci:${empty}`)).rejects.toThrow(
      /neither a docker save archive .* nor an OCI layout/,
    );
    const notTar = join(dir, 'not.tar');
    await writeFile(notTar, Buffer.alloc(1024, 0x41));
    await expect(openImage(notTar)).rejects.toThrow(/not a tar archive/);
    const badIndex = await writeDir('bad-index', [{ name: 'index.json', content: '{"manifests": "no"}' }]);
    await expect(openImage(badIndex)).rejects.toThrow(/lists no image manifests/);
  });
});

describe('the per-image cap', () => {
  it('stops the walk and says which layers were not scanned', async () => {
    const big = await layer([{ name: 'f', content: Buffer.alloc(600 * 1024, 1) }]);
    const p = image([big, big, big]);
    const d = await writeDir('capped', ociLayoutItems([{ parts: p }]));
    const img = await openImage(d, { limits: { maxImageBytes: 1024 * 1024 } });
    const { layers } = await collect(img);
    expect(layers.map((l) => l.entries)).toEqual([1, 1, 0]);
    expect(img.problems).toEqual([
      expect.stringMatching(/^layer 1 .*per-image cap/),
      '1 layers not scanned: the per-image size cap was reached',
    ]);
    expect(sha256('x')).toMatch(/^sha256:/);
  });
});
