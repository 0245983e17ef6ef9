import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RootFs, statFact } from './fs-root.js';

let root: string;
const names = { users: new Map([[0, 'root']]), groups: new Map([[0, 'root']]) };

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bulkhead-rootfs-'));
  await mkdir(path.join(root, 'run/docker'), { recursive: true });
  await mkdir(path.join(root, 'var'), { recursive: true });
  await writeFile(path.join(root, 'run/docker/state'), 'x');
  await symlink('/run', path.join(root, 'var/run')); // absolute: must stay inside the root
  await symlink('../../etc/passwd', path.join(root, 'run/docker/up')); // climbs above the root
  await symlink('/nowhere', path.join(root, 'run/dangling'));
  await symlink('/run/loop-b', path.join(root, 'run/loop-a'));
  await symlink('/run/loop-a', path.join(root, 'run/loop-b'));
  await mkdir(path.join(root, 'etc'), { recursive: true });
  await writeFile(path.join(root, 'etc/passwd'), 'root:x:0:0::/root:/bin/sh\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('RootFs', () => {
  it('resolves absolute links inside the root', async () => {
    const fs = new RootFs(root);
    expect(await fs.resolve('/var/run/docker/state', true)).toBe(path.join(root, 'run/docker/state'));
    expect(await fs.readText('/var/run/docker/state')).toBe('x');
  });

  it('clamps .. at the root', async () => {
    const fs = new RootFs(root);
    expect(await fs.resolve('/run/docker/up', true)).toBe(path.join(root, 'etc/passwd'));
    expect(await fs.resolve('/../../etc/passwd', true)).toBe(path.join(root, 'etc/passwd'));
  });

  it('leaves the last component alone when asked (for lstat)', async () => {
    const fs = new RootFs(root);
    expect(await fs.resolve('/var/run/dangling', false)).toBe(path.join(root, 'run/dangling'));
  });

  it('stops symlink loops', async () => {
    await expect(new RootFs(root).resolve('/run/loop-a', true)).rejects.toMatchObject({ code: 'ELOOP' });
  });

  it('is a no-op on the live root', async () => {
    const fs = new RootFs('/');
    expect(fs.isLive).toBe(true);
    expect(await fs.resolve('/var/run/x', true)).toBe('/var/run/x');
  });
});

describe('statFact', () => {
  it('follows links to the file they name', async () => {
    const f = await statFact(new RootFs(root), '/var/run/docker/state', names);
    expect(f).toMatchObject({ path: '/var/run/docker/state', exists: true, type: 'file', user: 'root' });
  });

  it('reports a dangling link as missing', async () => {
    expect(await statFact(new RootFs(root), '/run/dangling', names)).toEqual({
      path: '/run/dangling',
      exists: false,
      type: 'symlink',
      error: 'dangling symlink',
    });
  });

  it('reports a missing file without an error', async () => {
    expect(await statFact(new RootFs(root), '/etc/docker/daemon.json', names)).toEqual({
      path: '/etc/docker/daemon.json',
      exists: false,
    });
  });

  it('records a symlink loop as an error', async () => {
    const f = await statFact(new RootFs(root), '/run/loop-a', names);
    expect(f.error).toMatch(/too many symlinks/);
  });
});
