// Test helpers: tars, layers and whole images (docker save, OCI layout) built in memory. Used by the unit
// tests beside the sources; not imported by the product.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { type Header, pack } from 'tar-stream';

export interface TarItem {
  name: string;
  type?: Header['type'];
  content?: string | Buffer;
  mode?: number;
  linkname?: string;
  uid?: number;
  gid?: number;
}

/** A tar built with tar-stream's packer (ustar, pax for long or non-ASCII names). */
export async function packTar(items: TarItem[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c) => {
    chunks.push(c as Buffer);
  });
  const done = new Promise<void>((resolve, reject) => {
    p.on('end', () => resolve());
    p.on('error', reject);
  });
  for (const it of items) {
    const body = it.content === undefined ? undefined : Buffer.from(it.content);
    const header: Header = {
      name: it.name,
      type: it.type ?? 'file',
      mode: it.mode ?? (it.type === 'directory' ? 0o755 : 0o644),
      uid: it.uid ?? 0,
      gid: it.gid ?? 0,
      size: body?.length ?? 0,
      mtime: new Date(0),
      linkname: it.linkname ?? '',
      uname: '',
      gname: '',
      devmajor: 0,
      devminor: 0,
    };
    await new Promise<void>((resolve, reject) => {
      if (body) p.entry(header, body, (err) => (err ? reject(err) : resolve()));
      else p.entry(header, (err) => (err ? reject(err) : resolve())).end(undefined as never);
    });
  }
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

const TYPEFLAG: Record<string, string> = {
  file: '0',
  link: '1',
  symlink: '2',
  'character-device': '3',
  'block-device': '4',
  directory: '5',
  fifo: '6',
};

const octal = (n: number, width: number): string => `${n.toString(8).padStart(width - 1, '0')}\0`;

/** One raw ustar header: the name is written byte for byte (for non-UTF-8 and hostile names). */
export function rawHeader(
  name: Buffer | string,
  opts: { size?: number; type?: string; mode?: number; linkname?: string } = {},
): Buffer {
  const h = Buffer.alloc(512);
  Buffer.from(name).copy(h, 0, 0, 100);
  h.write(octal(opts.mode ?? 0o644, 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1');
  h.write(octal(0, 8), 116, 'latin1');
  h.write(octal(opts.size ?? 0, 12), 124, 'latin1');
  h.write(octal(0, 12), 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write(TYPEFLAG[opts.type ?? 'file'] ?? opts.type ?? '0', 156, 'latin1');
  if (opts.linkname) h.write(opts.linkname, 157, 'latin1');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

export interface RawItem {
  name: Buffer | string;
  type?: string;
  content?: Buffer | string;
  linkname?: string;
  mode?: number;
}

/** A tar of raw headers; `end` false leaves out the two zero blocks. */
export function rawTar(items: RawItem[], end = true): Buffer {
  const parts: Buffer[] = [];
  for (const it of items) {
    const body = it.content === undefined ? Buffer.alloc(0) : Buffer.from(it.content);
    parts.push(
      rawHeader(it.name, {
        size: body.length,
        ...(it.type ? { type: it.type } : {}),
        ...(it.linkname ? { linkname: it.linkname } : {}),
        ...(it.mode !== undefined ? { mode: it.mode } : {}),
      }),
    );
    parts.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  if (end) parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export const sha256 = (b: Buffer | string): string =>
  `sha256:${createHash('sha256').update(b).digest('hex')}`;

export interface BuiltLayer {
  tar: Buffer;
  blob: Buffer;
  diffId: string;
  digest: string;
  mediaType: string;
}

export async function layer(items: TarItem[], gzip = true): Promise<BuiltLayer> {
  const tar = await packTar(items);
  const blob = gzip ? gzipSync(tar) : tar;
  return {
    tar,
    blob,
    diffId: sha256(tar),
    digest: sha256(blob),
    mediaType: gzip
      ? 'application/vnd.oci.image.layer.v1.tar+gzip'
      : 'application/vnd.oci.image.layer.v1.tar',
  };
}

export interface ImageParts {
  layers: BuiltLayer[];
  config: Buffer;
  configDigest: string;
  manifest: Buffer;
  manifestDigest: string;
}

/** An image config + OCI manifest for the layers; history gets one step per layer plus a CMD step. */
export function image(
  layers: BuiltLayer[],
  opts: { architecture?: string; os?: string; variant?: string; user?: string; docker?: boolean } = {},
): ImageParts {
  const history = [
    ...layers.map((_, i) => ({
      created_by: `/bin/sh -c #(nop) ADD file:${i} in / `,
      created: '2024-01-01T00:00:00Z',
    })),
    { created_by: '/bin/sh -c #(nop)  CMD ["sh"]', empty_layer: true },
  ];
  const config = Buffer.from(
    JSON.stringify({
      architecture: opts.architecture ?? 'amd64',
      os: opts.os ?? 'linux',
      ...(opts.variant ? { variant: opts.variant } : {}),
      created: '2024-01-02T03:04:05Z',
      config: {
        User: opts.user ?? '',
        Env: ['PATH=/usr/bin:/bin'],
        Cmd: ['sh'],
        ExposedPorts: { '8080/tcp': {} },
        Labels: { 'org.example': 'yes' },
      },
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
      history,
    }),
  );
  const configDigest = sha256(config);
  const docker = opts.docker === true;
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: docker
        ? 'application/vnd.docker.distribution.manifest.v2+json'
        : 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: docker
          ? 'application/vnd.docker.container.image.v1+json'
          : 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers: layers.map((l) => ({
        mediaType: docker ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : l.mediaType,
        digest: l.digest,
        size: l.blob.length,
      })),
    }),
  );
  return { layers, config, configDigest, manifest, manifestDigest: sha256(manifest) };
}

const hex = (d: string): string => d.replace(/^sha256:/, '');

/** Entries of an OCI layout (for a directory or a tar). `images` with platforms make an index. */
export function ociLayoutItems(
  images: { parts: ImageParts; platform?: { os: string; architecture: string; variant?: string } }[],
  opts: { nestedIndex?: boolean; refName?: string } = {},
): TarItem[] {
  const blobs = new Map<string, Buffer>();
  for (const { parts } of images) {
    blobs.set(parts.configDigest, parts.config);
    blobs.set(parts.manifestDigest, parts.manifest);
    for (const l of parts.layers) blobs.set(l.digest, l.blob);
  }
  const descriptors = images.map(({ parts, platform }) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: parts.manifestDigest,
    size: parts.manifest.length,
    ...(platform ? { platform } : {}),
    ...(opts.refName ? { annotations: { 'org.opencontainers.image.ref.name': opts.refName } } : {}),
  }));
  let top = descriptors;
  if (opts.nestedIndex) {
    const inner = Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: descriptors }));
    blobs.set(sha256(inner), inner);
    top = [
      {
        mediaType: 'application/vnd.oci.image.index.v1+json',
        digest: sha256(inner),
        size: inner.length,
        ...(opts.refName ? { annotations: { 'org.opencontainers.image.ref.name': opts.refName } } : {}),
      },
    ];
  }
  return [
    { name: 'oci-layout', content: JSON.stringify({ imageLayoutVersion: '1.0.0' }) },
    { name: 'index.json', content: JSON.stringify({ schemaVersion: 2, manifests: top }) },
    { name: 'blobs/', type: 'directory' },
    { name: 'blobs/sha256/', type: 'directory' },
    ...[...blobs].map(([d, b]) => ({ name: `blobs/sha256/${hex(d)}`, content: b })),
  ];
}

/** A legacy `docker save` (Docker < 25): <v1id>/{VERSION,json,layer.tar}, <config>.json, manifest.json. */
export function legacySaveItems(parts: ImageParts, tags: string[], manifestFirst = false): TarItem[] {
  const dirs = parts.layers.map((l, i) => createHash('sha256').update(`v1-${i}-${l.diffId}`).digest('hex'));
  const manifest: TarItem = {
    name: 'manifest.json',
    content: JSON.stringify([
      {
        Config: `${hex(parts.configDigest)}.json`,
        RepoTags: tags,
        Layers: dirs.map((d) => `${d}/layer.tar`),
      },
    ]),
  };
  const layerItems = parts.layers.flatMap((l, i) => [
    { name: `${dirs[i]}/`, type: 'directory' as const },
    { name: `${dirs[i]}/VERSION`, content: '1.0' },
    {
      name: `${dirs[i]}/json`,
      content: JSON.stringify({ id: dirs[i], ...(i ? { parent: dirs[i - 1] } : {}) }),
    },
    { name: `${dirs[i]}/layer.tar`, content: l.tar },
  ]);
  // docker writes the directories in name order, so layer order is lost until manifest.json.
  const sorted = [...layerItems].sort((a, b) => a.name.localeCompare(b.name));
  const rest = [
    { name: `${hex(parts.configDigest)}.json`, content: parts.config },
    { name: 'repositories', content: '{}' },
  ];
  return manifestFirst ? [manifest, ...sorted, ...rest] : [...sorted, ...rest, manifest];
}

/** Docker 25+ `docker save`: an OCI layout (uncompressed layer blobs) plus manifest.json. */
export function ociSaveItems(parts: ImageParts, tags: string[]): TarItem[] {
  const plain = parts.layers.map((l) => ({
    ...l,
    blob: l.tar,
    digest: l.diffId,
    mediaType: 'application/vnd.oci.image.layer.v1.tar',
  }));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: parts.configDigest,
        size: parts.config.length,
      },
      layers: plain.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.blob.length })),
    }),
  );
  const manifestDigest = sha256(manifest);
  const items = ociLayoutItems([{ parts: { ...parts, layers: plain, manifest, manifestDigest } }]);
  items.push({
    name: 'manifest.json',
    content: JSON.stringify([
      {
        Config: `blobs/sha256/${hex(parts.configDigest)}`,
        RepoTags: tags,
        Layers: plain.map((l) => `blobs/sha256/${hex(l.diffId)}`),
      },
    ]),
  });
  return items;
}
