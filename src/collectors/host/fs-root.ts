// File access under a root directory: a fake root in tests, '/' on a live host. Absolute symlinks inside a
// fake root are resolved against that root, so a fixture never reaches the real host's files.

import type { Stats } from 'node:fs';
import { lstat, readFile, readlink, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { FileFact } from '../../facts/host.js';

const MAX_LINKS = 40;

export class RootFs {
  constructor(readonly root: string) {}

  get isLive(): boolean {
    return path.resolve(this.root) === '/';
  }

  /** Host path -> path on the machine running the collector, without resolving symlinks. */
  join(hostPath: string): string {
    return this.isLive ? hostPath : path.join(this.root, hostPath);
  }

  /** Resolves symlinks inside the root (all components, or all but the last). */
  async resolve(hostPath: string, followLast: boolean): Promise<string> {
    if (this.isLive) return hostPath;
    let parts = hostPath.split('/').filter(Boolean);
    let cur = '/';
    let links = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (part === '.') continue;
      if (part === '..') {
        cur = path.posix.dirname(cur);
        continue;
      }
      const next = path.posix.join(cur, part);
      const isLast = i === parts.length - 1;
      if (isLast && !followLast) {
        cur = next;
        break;
      }
      let st: Stats;
      try {
        st = await lstat(path.join(this.root, next));
      } catch {
        cur = path.posix.join(next, ...parts.slice(i + 1));
        break;
      }
      if (st.isSymbolicLink()) {
        if (++links > MAX_LINKS)
          throw Object.assign(new Error(`too many symlinks: ${hostPath}`), { code: 'ELOOP' });
        const target = await readlink(path.join(this.root, next));
        const expanded = target.startsWith('/') ? target : path.posix.join(cur, target);
        parts = [...expanded.split('/').filter(Boolean), ...parts.slice(i + 1)];
        cur = '/';
        i = -1;
        continue;
      }
      cur = next;
    }
    return path.join(this.root, cur);
  }

  async readText(hostPath: string): Promise<string> {
    return readFile(await this.resolve(hostPath, true), 'utf8');
  }

  async lstat(hostPath: string): Promise<Stats> {
    return lstat(await this.resolve(hostPath, false));
  }

  async stat(hostPath: string): Promise<Stats> {
    return stat(await this.resolve(hostPath, true));
  }
}

export const errCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;

export const errMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const typeOf = (st: Stats): NonNullable<FileFact['type']> =>
  st.isFile()
    ? 'file'
    : st.isDirectory()
      ? 'dir'
      : st.isSocket()
        ? 'socket'
        : st.isSymbolicLink()
          ? 'symlink'
          : 'other';

export interface NameMaps {
  users: Map<number, string>;
  groups: Map<number, string>;
}

/** lstat, then stat through a symlink so the facts describe the file the link points at. */
export async function statFact(fs: RootFs, hostPath: string, names: NameMaps): Promise<FileFact> {
  let st: Stats;
  try {
    st = await fs.lstat(hostPath);
  } catch (e) {
    if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR') return { path: hostPath, exists: false };
    return { path: hostPath, exists: false, error: errMessage(e) };
  }
  if (st.isSymbolicLink()) {
    try {
      st = await fs.stat(hostPath);
    } catch (e) {
      if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR')
        return { path: hostPath, exists: false, type: 'symlink', error: 'dangling symlink' };
      return { path: hostPath, exists: true, type: 'symlink', error: errMessage(e) };
    }
  }
  const fact: FileFact = {
    path: hostPath,
    exists: true,
    type: typeOf(st),
    mode: st.mode & 0o7777,
    uid: st.uid,
    gid: st.gid,
  };
  const user = names.users.get(st.uid);
  const group = names.groups.get(st.gid);
  if (user !== undefined) fact.user = user;
  if (group !== undefined) fact.group = group;
  return fact;
}
