// The registry source against a small in-process registry on 127.0.0.1 (no network): Bearer and Basic
// auth, manifest lists, redirects to blob storage, digest checks. The real registry is exercised in
// test/integration/registry.test.ts.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImage } from './index.js';
import { dockerConfigCredentials, parseChallenge } from './registry.js';
import { type BuiltLayer, type ImageParts, image, layer, sha256 } from './testing/tars.js';

interface FakeOptions {
  auth: 'none' | 'basic' | 'bearer';
  /** Serve this instead of the real bytes for a digest. */
  swap?: Map<string, Buffer>;
}

const USER = 'alice';
const PASS = 'pw';

class FakeRegistry {
  server: Server;
  blobs = new Map<string, Buffer>();
  manifests = new Map<string, { body: Buffer; type: string }>();
  tags = new Map<string, string>();
  log: string[] = [];
  tokenRequests: { auth?: string; scope?: string; service?: string }[] = [];
  port = 0;

  constructor(private opts: FakeOptions) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  addImage(repo: string, tag: string, parts: ImageParts): void {
    this.blobs.set(parts.configDigest, parts.config);
    for (const l of parts.layers) this.blobs.set(l.digest, l.blob);
    this.manifests.set(parts.manifestDigest, {
      body: parts.manifest,
      type: JSON.parse(parts.manifest.toString()).mediaType,
    });
    this.tags.set(`${repo}:${tag}`, parts.manifestDigest);
  }

  addIndex(repo: string, tag: string, entries: { parts: ImageParts; platform: object }[]): void {
    for (const e of entries) this.addImage(repo, `untagged-${e.parts.manifestDigest}`, e.parts);
    const body = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
        manifests: [
          ...entries.map((e) => ({
            mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
            digest: e.parts.manifestDigest,
            size: e.parts.manifest.length,
            platform: e.platform,
          })),
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: sha256('attestation'),
            size: 1,
            platform: { os: 'unknown', architecture: 'unknown' },
            annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
          },
        ],
      }),
    );
    this.manifests.set(sha256(body), {
      body,
      type: 'application/vnd.docker.distribution.manifest.list.v2+json',
    });
    this.tags.set(`${repo}:${tag}`, sha256(body));
  }

  private authorised(req: IncomingMessage): boolean {
    const h = req.headers.authorization;
    if (this.opts.auth === 'none') return true;
    if (this.opts.auth === 'basic') return h === `Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}`;
    return h === 'Bearer good-token';
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', `http://${this.host}`);
    this.log.push(
      `${url.pathname} auth=${req.headers.authorization ? req.headers.authorization.split(' ')[0] : '-'}`,
    );
    if (url.pathname === '/token') {
      this.tokenRequests.push({
        ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
        scope: url.searchParams.get('scope') ?? '',
        service: url.searchParams.get('service') ?? '',
      });
      const ok = req.headers.authorization === `Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}`;
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(ok ? JSON.stringify({ token: 'good-token' }) : '{}');
      return;
    }
    if (url.pathname.startsWith('/storage/')) {
      // Blob storage behind a redirect: must not receive the registry's credentials.
      if (req.headers.authorization) {
        res.writeHead(400);
        res.end('credentials leaked to storage');
        return;
      }
      const digest = url.pathname.slice('/storage/'.length);
      const b = this.opts.swap?.get(digest) ?? this.blobs.get(digest);
      res.writeHead(b ? 200 : 404);
      res.end(b);
      return;
    }
    if (!this.authorised(req)) {
      res.writeHead(401, {
        'www-authenticate':
          this.opts.auth === 'basic'
            ? 'Basic realm="fake"'
            : `Bearer realm="http://${this.host}/token",service="fake-registry",scope="repository:shop/api:pull"`,
      });
      res.end();
      return;
    }
    const m = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(url.pathname);
    if (!m) {
      res.writeHead(404);
      res.end();
      return;
    }
    const [, repo, kind, ref] = m as unknown as [string, string, string, string];
    if (kind === 'manifests') {
      const digest = ref.startsWith('sha256:') ? ref : this.tags.get(`${repo}:${ref}`);
      const man = digest ? this.manifests.get(digest) : undefined;
      if (!man || !digest) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
        return;
      }
      res.writeHead(200, { 'content-type': man.type, 'docker-content-digest': digest });
      res.end(this.opts.swap?.get(digest) ?? man.body);
      return;
    }
    if (!this.blobs.has(ref)) {
      res.writeHead(404);
      res.end();
      return;
    }
    // Another origin (localhost vs 127.0.0.1), like a registry redirecting to object storage.
    res.writeHead(307, { location: `http://localhost:${this.port}/storage/${ref}` });
    res.end();
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

let base: BuiltLayer;
let app: BuiltLayer;
let parts: ImageParts;
const servers: FakeRegistry[] = [];

async function fake(opts: FakeOptions): Promise<FakeRegistry> {
  const f = new FakeRegistry(opts);
  await f.start();
  servers.push(f);
  f.addImage('shop/api', '1.0', parts);
  return f;
}

beforeAll(async () => {
  base = await layer([{ name: 'etc/os-release', content: 'ID=alpine\n' }]);
  app = await layer([{ name: 'app/run', content: 'ELF', mode: 0o755 }], false);
  parts = image([base, app], { docker: true, user: 'app' });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

const walkAll = async (img: Awaited<ReturnType<typeof openImage>>) => {
  const paths: string[] = [];
  const layers = await img.walk((e) => {
    paths.push(`${e.layer}:${e.path}`);
  });
  return { paths, layers };
};

// The fake speaks plain http, which the client only uses with insecure.
const insecure = { insecure: true, dockerConfigDir: '/nonexistent' };

describe('registry source', () => {
  it('Bearer auth: token from the realm with basic credentials, layers streamed and verified', async () => {
    const reg = await fake({ auth: 'bearer' });
    const img = await openImage(`registry:${reg.host}/shop/api:1.0`, {
      ...insecure,
      username: USER,
      password: PASS,
    });
    expect(img).toMatchObject({
      source: 'registry',
      id: parts.configDigest,
      digest: parts.manifestDigest,
      repoTags: [`${reg.host}/shop/api:1.0`],
      layerCount: 2,
    });
    expect(img.config.user).toBe('app');
    const { paths, layers } = await walkAll(img);
    expect(paths).toEqual(['0:/etc/os-release', '1:/app/run']);
    expect(layers.map((l) => l.digest)).toEqual([base.digest, app.digest]);
    expect(img.problems).toEqual([]);
    expect(reg.tokenRequests[0]).toMatchObject({
      scope: 'repository:shop/api:pull',
      service: 'fake-registry',
    });
    // Storage (after the redirect) never saw the Authorization header: it would have answered 400.
    expect(reg.log.some((l) => l.startsWith('/storage/') && !l.endsWith('auth=-'))).toBe(false);
  });

  it('by digest, and from ~/.docker/config.json auths', async () => {
    const reg = await fake({ auth: 'basic' });
    const cfgDir = await mkdtemp(join(tmpdir(), 'bulkhead-dockercfg-'));
    await writeFile(
      join(cfgDir, 'config.json'),
      JSON.stringify({ auths: { [reg.host]: { auth: Buffer.from(`${USER}:${PASS}`).toString('base64') } } }),
    );
    try {
      const img = await openImage(`registry:${reg.host}/shop/api@${parts.manifestDigest}`, {
        insecure: true,
        dockerConfigDir: cfgDir,
      });
      expect(img.id).toBe(parts.configDigest);
      expect(img.repoTags).toEqual([]);
      expect(dockerConfigCredentials(reg.host, cfgDir, {})).toEqual({ username: USER, password: PASS });
    } finally {
      await rm(cfgDir, { recursive: true });
    }
  });

  it('from a credential helper (credHelpers, then credsStore), as the docker CLI asks one', async () => {
    const reg = await fake({ auth: 'basic' });
    const dir = await mkdtemp(join(tmpdir(), 'bulkhead-credhelper-'));
    // A helper speaking docker's protocol: the server on stdin, JSON on stdout, exit 1 when it has nothing.
    const helper = (name: string, body: string) =>
      writeFile(join(dir, `docker-credential-${name}`), `#!/bin/sh\nread -r server\n${body}\n`, {
        mode: 0o755,
      });
    await helper(
      'shop',
      `[ "$server" = "${reg.host}" ] || { echo "credentials not found in native keychain"; exit 1; }\nprintf '{"ServerURL":"%s","Username":"${USER}","Secret":"${PASS}"}' "$server"`,
    );
    await helper('empty', 'echo "credentials not found in native keychain"; exit 1');
    await helper('token', `printf '{"Username":"<token>","Secret":"refresh"}'`);
    const env = { PATH: `${dir}:${process.env.PATH ?? ''}` };
    const config = async (cfg: unknown) => {
      await writeFile(join(dir, 'config.json'), JSON.stringify(cfg));
      return dir;
    };
    try {
      const viaHelpers = await config({ credHelpers: { [reg.host]: 'shop' }, credsStore: 'empty' });
      expect(dockerConfigCredentials(reg.host, viaHelpers, env)).toEqual({ username: USER, password: PASS });
      const img = await openImage(`registry:${reg.host}/shop/api@${parts.manifestDigest}`, {
        insecure: true,
        dockerConfigDir: viaHelpers,
        env,
      });
      expect(img.id).toBe(parts.configDigest);

      const viaStore = await config({ credsStore: 'shop', auths: { [reg.host]: {} } });
      expect(dockerConfigCredentials(reg.host, viaStore, env)).toEqual({ username: USER, password: PASS });
      // The store has nothing for this server: the auths entry still counts.
      const fallback = await config({
        credsStore: 'empty',
        auths: { [reg.host]: { auth: Buffer.from(`${USER}:${PASS}`).toString('base64') } },
      });
      expect(dockerConfigCredentials(reg.host, fallback, env)).toEqual({ username: USER, password: PASS });
      // An identity token is no password.
      expect(dockerConfigCredentials(reg.host, await config({ credsStore: 'token' }), env)).toBeUndefined();
      const missing = await config({ credsStore: 'missing' });
      expect(() => dockerConfigCredentials(reg.host, missing, env)).toThrow(
        /credential helper docker-credential-missing, which is not on the PATH/,
      );
      const odd = await config({ credHelpers: { [reg.host]: '../../bin/sh' } });
      expect(() => dockerConfigCredentials(reg.host, odd, env)).toThrow(/not a plain name/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('wrong or missing credentials are one clear error', async () => {
    const reg = await fake({ auth: 'bearer' });
    await expect(
      openImage(`registry:${reg.host}/shop/api:1.0`, { ...insecure, username: USER, password: 'wrong' }),
    ).rejects.toThrow(/authentication to registry 127\.0\.0\.1:\d+ failed/);
    const basic = await fake({ auth: 'basic' });
    await expect(openImage(`registry:${basic.host}/shop/api:1.0`, insecure)).rejects.toMatchObject({
      message: expect.stringMatching(/authentication .* failed/),
      hint: expect.stringMatching(/wants credentials/),
    });
  });

  it('manifest list: picks the platform, skips attestations, explains a miss', async () => {
    const reg = await fake({ auth: 'none' });
    const arm = image([app], { architecture: 'arm64', docker: true, user: 'arm' });
    reg.addIndex('shop/api', 'multi', [
      { parts, platform: { os: 'linux', architecture: 'amd64' } },
      { parts: arm, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
    ]);
    const ref = `registry:${reg.host}/shop/api:multi`;
    expect((await openImage(ref, { ...insecure, platform: 'linux/arm64' })).config.user).toBe('arm');
    expect((await openImage(ref, { ...insecure, platform: 'linux/amd64' })).config.user).toBe('app');
    await expect(openImage(ref, { ...insecure, platform: 'windows/amd64' })).rejects.toThrow(
      /no image for windows\/amd64 \(offered: linux\/amd64, linux\/arm64\/v8\)/,
    );
  });

  it('a layer blob that does not match its digest is a problem; its entries are still reported', async () => {
    const reg = await fake({
      auth: 'none',
      swap: new Map([[app.digest, (await layer([{ name: 'evil', content: 'x' }], false)).blob]]),
    });
    const img = await openImage(`registry:${reg.host}/shop/api:1.0`, insecure);
    const { paths } = await walkAll(img);
    expect(paths).toContain('1:/evil');
    expect(img.problems).toEqual([
      expect.stringMatching(
        /^layer 1 \(sha256:.{12}\): blob content is sha256:.* altered or corrupted in transit/,
      ),
      expect.stringMatching(/^layer 1 .*not the diff id/),
    ]);
  });

  it('a manifest swapped under a digest reference is refused', async () => {
    const other = image([base], { docker: true });
    const reg = await fake({ auth: 'none', swap: new Map([[parts.manifestDigest, other.manifest]]) });
    await expect(
      openImage(`registry:${reg.host}/shop/api@${parts.manifestDigest}`, insecure),
    ).rejects.toThrow(/manifest content is sha256:.*not the requested .* tampered/);
  });

  it('unknown tags, refused connections and https-only without --insecure are clear errors', async () => {
    const reg = await fake({ auth: 'none' });
    await expect(openImage(`registry:${reg.host}/shop/api:nope`, insecure)).rejects.toThrow(
      /manifest shop\/api:nope not found on 127\.0\.0\.1/,
    );
    await expect(
      openImage(`registry:${reg.host}/shop/api:1.0`, { dockerConfigDir: '/nonexistent' }),
    ).rejects.toThrow(/TLS with registry .* failed|registry 127\.0\.0\.1:\d+: /);
    await expect(openImage('registry:127.0.0.1:1/shop/api:1.0', insecure)).rejects.toThrow(
      /connection refused/,
    );
  });
});

describe('parseChallenge', () => {
  it.each([
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/alpine:pull',
        },
      },
    ],
    ['Basic realm="Registry Realm"', { scheme: 'basic', params: { realm: 'Registry Realm' } }],
    [undefined, undefined],
  ])('%s', (header, expected) => {
    expect(parseChallenge(header)).toEqual(expected);
  });
});
