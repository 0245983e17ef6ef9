// Parsers for /etc/passwd and /etc/group.
import type { GroupFact } from '../../facts/host.js';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

const lines = (text: string): string[][] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split(':'));

export function parsePasswd(text: string): PasswdEntry[] {
  const out: PasswdEntry[] = [];
  for (const f of lines(text)) {
    const uid = Number(f[2]);
    const gid = Number(f[3]);
    if (!f[0] || f[2] === '' || !Number.isInteger(uid) || !Number.isInteger(gid)) continue;
    out.push({ name: f[0], uid, gid, home: f[5] ?? '', shell: f[6] ?? '' });
  }
  return out;
}

export function parseGroup(text: string): GroupFact[] {
  const out: GroupFact[] = [];
  for (const f of lines(text)) {
    const gid = Number(f[2]);
    if (!f[0] || f[2] === '' || !Number.isInteger(gid)) continue;
    const members = (f[3] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean);
    out.push({ name: f[0], gid, members });
  }
  return out;
}
