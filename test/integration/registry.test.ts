// Image sources end to end: an image built in the test daemon, opened through the Engine API (streamed
// `docker save`), then pushed with skopeo to a real private registry (Debian's docker-registry on
// 127.0.0.1 with TLS and htpasswd auth, started by scripts/test-registry.sh) and opened from there.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openImage } from '../../src/collectors/image/index.js';
import type { OpenedImage } from '../../src/collectors/image/types.js';
import type { LayerInfo } from '../../src/facts/image-scan.js';
import { docker } from '../kit/fixtures.js';

const run = promisify(execFile);
const host = inject('dockerHost');
const TAG = 'bulkhead-fixture:image-sources';
const script = fileURLToPath(new URL('../../scripts/test-registry.sh', import.meta.url));

const registryScript = (cmd: 'start' | 'stop' | 'env'): string =>
  execFileSync('bash', [script, cmd], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    // start may apt-get install docker-registry, apache2-utils and skopeo on a fresh machine.
    timeout: 15 * 60_000,
  });

let reg: { host: string; ca: string; certDir: string; user: string; password: string };
let imageId: string;
let diffIds: string[];

interface Walked {
  layers: LayerInfo[];
  entries: string[];
  files: Record<string, string>;
}

async function walk(img: OpenedImage): Promise<Walked> {
  const entries: string[] = [];
  const files: Record<string, string> = {};
  const layers = await img.walk(async (e) => {
    entries.push(`${e.layer} ${e.type}${e.whiteout ? `(${e.whiteout})` : ''} ${e.path}`);
    if (e.type === 'file' && e.path.startsWith('/etc/'))
      files[e.path] = (await e.read(4096)).toString('utf8');
  });
  return { layers, entries, files };
}

beforeAll(async () => {
  const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((p) => existsSync(p));
  if (!busybox) throw new Error('no static busybox found; install busybox-static');
  const dir = await mkdtemp(join(tmpdir(), 'bulkhead-image-src-'));
  try {
    await copyFile(busybox, join(dir, 'busybox'));
    await mkdir(join(dir, 'rootfs', 'etc'), { recursive: true });
    await writeFile(join(dir, 'rootfs', 'etc', 'os-release'), 'ID=bulkhead-test\nVERSION_ID="1"\n');
    await writeFile(join(dir, 'rootfs', 'etc', 'doomed.conf'), 'password=hunter2\n');
    await writeFile(
      join(dir, 'Dockerfile'),
      [
        'FROM scratch',
        'COPY busybox /bin/busybox',
        'COPY rootfs/ /',
        'RUN ["/bin/busybox", "rm", "/etc/doomed.conf"]',
        'ENV APP_MODE=test',
        'LABEL bulkhead.test=1',
        'EXPOSE 8080',
        'USER 1000:1000',
        'CMD ["/bin/busybox", "sh"]',
        '',
      ].join('\n'),
    );
    await docker(host, ['build', '-q', '--rm', '-t', TAG, dir], { timeoutMs: 300_000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  imageId = await docker(host, ['image', 'inspect', '--format', '{{.Id}}', TAG]);
  diffIds = JSON.parse(await docker(host, ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', TAG]));

  registryScript('start');
  const env = registryScript('env');
  const value = (name: string): string => {
    const v = new RegExp(`^export ${name}=(\\S+)$`, 'm').exec(env)?.[1];
    if (!v) throw new Error(`scripts/test-registry.sh env printed no ${name}`);
    return v;
  };
  reg = {
    host: value('BULKHEAD_TEST_REGISTRY'),
    ca: value('BULKHEAD_TEST_REGISTRY_CA'),
    certDir: value('BULKHEAD_TEST_REGISTRY_CERT_DIR'),
    user: value('BULKHEAD_TEST_REGISTRY_USER'),
    password: value('BULKHEAD_TEST_REGISTRY_PASSWORD'),
  };
  // skopeo reads the image from the test daemon and pushes it over TLS with the test CA and credentials.
  await run(
    'skopeo',
    [
      'copy',
      '--quiet',
      '--src-daemon-host',
      host,
      '--dest-cert-dir',
      reg.certDir,
      '--dest-creds',
      `${reg.user}:${reg.password}`,
      `docker-daemon:${TAG}`,
      `docker://${reg.host}/bulkhead/sources:it`,
    ],
    { timeout: 300_000 },
  );
}, 20 * 60_000);

afterAll(async () => {
  await docker(host, ['rmi', '-f', TAG]).catch(() => undefined);
  if (process.env.BULKHEAD_KEEP_REGISTRY !== '1') registryScript('stop');
}, 120_000);

const expectImage = (img: OpenedImage, w: Walked) => {
  expect(img.id).toBe(imageId);
  expect(img.layerCount).toBe(3);
  expect(img.config).toMatchObject({
    user: '1000:1000',
    cmd: ['/bin/busybox', 'sh'],
    exposedPorts: ['8080/tcp'],
    labels: { 'bulkhead.test': '1' },
  });
  expect(img.config.env).toContain('APP_MODE=test');
  expect(img.platform.os).toBe('linux');
  expect(img.history.filter((h) => h.layer !== null).map((h) => h.layer)).toEqual([0, 1, 2]);
  expect(w.layers.map((l) => l.diffId)).toEqual(diffIds);
  expect(w.layers[2]?.createdBy).toMatch(/busybox.*rm.*doomed\.conf/);
  expect(w.entries).toContain('0 file /bin/busybox');
  expect(w.entries).toContain('1 file /etc/os-release');
  expect(w.entries).toContain('1 file /etc/doomed.conf');
  expect(w.entries).toContain('2 other(file) /etc/doomed.conf');
  expect(w.files['/etc/os-release']).toBe('ID=bulkhead-test\nVERSION_ID="1"\n');
  expect(img.problems).toEqual([]);
};

describe('daemon source', () => {
  it('streams the image from the Engine API by name, each layer placed without a second pass', async () => {
    const img = await openImage(`docker:${TAG}`, { connection: { host } });
    expect(img.source).toBe('daemon');
    expect(img.repoTags).toEqual([TAG]);
    const w = await walk(img);
    expectImage(img, w);
    // Docker < 25 names layer directories by v1 ids we recompute; 25+ by diff id: one pass either way.
    expect((img as OpenedImage & { passes: number }).passes).toBe(1);
  });

  it('opens the same image by id, and says clearly when an image is not there', async () => {
    const img = await openImage(`docker:${imageId}`, { connection: { host } });
    expectImage(img, await walk(img));
    await expect(openImage('docker:bulkhead-no-such-image:1', { connection: { host } })).rejects.toThrow(
      /no image bulkhead-no-such-image:1 in the daemon/,
    );
  });
});

describe('registry source (docker-registry with TLS and htpasswd)', () => {
  it('opens the pushed image with the CA and credentials: same config, layers and content', async () => {
    const img = await openImage(`registry:${reg.host}/bulkhead/sources:it`, {
      ca: reg.ca,
      username: reg.user,
      password: reg.password,
      dockerConfigDir: '/nonexistent',
    });
    expect(img.source).toBe('registry');
    expect(img.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    const w = await walk(img);
    expectImage(img, w);
    expect(w.layers.every((l) => /^sha256:[a-f0-9]{64}$/.test(l.digest) && l.size > 0)).toBe(true);

    const byDigest = await openImage(`registry:${reg.host}/bulkhead/sources@${img.digest}`, {
      ca: reg.ca,
      username: reg.user,
      password: reg.password,
      dockerConfigDir: '/nonexistent',
    });
    expect(byDigest.id).toBe(imageId);
  });

  it('a wrong password is a clear authentication error', async () => {
    await expect(
      openImage(`registry:${reg.host}/bulkhead/sources:it`, {
        ca: reg.ca,
        username: reg.user,
        password: 'wrong',
        dockerConfigDir: '/nonexistent',
      }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/authentication to registry 127\.0\.0\.1:\d+ failed/),
      hint: expect.stringMatching(/user name and password/),
    });
  });

  it('without the CA the TLS check fails; --insecure skips it', async () => {
    const creds = { username: reg.user, password: reg.password, dockerConfigDir: '/nonexistent' };
    await expect(openImage(`registry:${reg.host}/bulkhead/sources:it`, creds)).rejects.toMatchObject({
      message: expect.stringMatching(/TLS with registry 127\.0\.0\.1:\d+ failed/),
      hint: expect.stringMatching(/--ca FILE/),
    });
    const img = await openImage(`registry:${reg.host}/bulkhead/sources:it`, { ...creds, insecure: true });
    expect(img.id).toBe(imageId);
  });

  it("takes the credentials from the docker config's credential helper", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bulkhead-it-credhelper-'));
    try {
      // docker's helper protocol: the server on stdin, {Username, Secret} on stdout.
      await writeFile(
        join(dir, 'docker-credential-bhtest'),
        `#!/bin/sh\nread -r server\n[ "$server" = "${reg.host}" ] || exit 1\nprintf '{"Username":"${reg.user}","Secret":"${reg.password}"}'\n`,
        { mode: 0o755 },
      );
      await writeFile(join(dir, 'config.json'), JSON.stringify({ credHelpers: { [reg.host]: 'bhtest' } }));
      const img = await openImage(`registry:${reg.host}/bulkhead/sources:it`, {
        ca: reg.ca,
        dockerConfigDir: dir,
        env: { PATH: `${dir}:${process.env.PATH ?? ''}` },
      });
      expect(img.id).toBe(imageId);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
