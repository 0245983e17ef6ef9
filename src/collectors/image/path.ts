// Tar names as analyzers see them: absolute, no `.`/`..`, no trailing slash; what the raw name tried
// (escape the root, absolute, not UTF-8) is returned as a note for the problem list.
import { isUtf8 } from 'node:buffer';

export interface NormalisedPath {
  path: string;
  /** Why the raw name is suspicious, if it is. */
  escape?: 'absolute' | 'traversal';
}

/** `./usr/bin/../lib/` → `/usr/lib`; `../../etc/passwd` → `/etc/passwd` with escape = traversal. */
export function normaliseTarPath(raw: string): NormalisedPath {
  // Most names are already clean (`usr/bin/env`, `./etc/`, `usr/lib/`): no `.`/`..` segments, no `//`.
  let s = raw.startsWith('./') ? raw.slice(2) : raw;
  if (s.endsWith('/')) s = s.slice(0, -1);
  if (
    s !== '' &&
    s !== '.' &&
    s.charCodeAt(0) !== 0x2f &&
    !s.startsWith('./') &&
    !s.includes('//') &&
    !s.includes('..') &&
    !s.includes('/./') &&
    !s.endsWith('/.')
  )
    return { path: `/${s}` };
  let esc: NormalisedPath['escape'];
  if (raw.startsWith('/')) esc = 'absolute';
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) esc = 'traversal';
      else out.pop();
      continue;
    }
    out.push(seg);
  }
  return { path: `/${out.join('/')}`, ...(esc ? { escape: esc } : {}) };
}

/**
 * A name tar-stream decoded as latin1 (one char per byte): the UTF-8 reading when the bytes are UTF-8,
 * else the latin1 string as is (flagged). Pax names arrive already decoded as UTF-8, with U+FFFD for bad bytes.
 */
export function decodeName(latin1: string, fromPax: boolean): { name: string; badUtf8: boolean } {
  if (fromPax) return { name: latin1, badUtf8: latin1.includes('\uFFFD') };
  if (/^[\x00-\x7f]*$/.test(latin1)) return { name: latin1, badUtf8: false };
  const bytes = Buffer.from(latin1, 'latin1');
  if (isUtf8(bytes)) return { name: bytes.toString('utf8'), badUtf8: false };
  return { name: latin1, badUtf8: true };
}

export type Whiteout = { kind: 'file' | 'opaque'; path: string } | { kind: 'meta' } | undefined;

/** `.wh.NAME` deletes NAME, `.wh..wh..opq` makes its directory opaque; other `.wh..wh.*` are aufs metadata. */
export function whiteoutOf(path: string): Whiteout {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  if (!base.startsWith('.wh.')) return undefined;
  const dir = slash <= 0 ? '/' : path.slice(0, slash);
  if (base === '.wh..wh..opq') return { kind: 'opaque', path: dir };
  if (base.startsWith('.wh..wh.')) return { kind: 'meta' };
  const name = base.slice(4);
  if (name === '' || name === '.' || name === '..') return { kind: 'meta' };
  return { kind: 'file', path: dir === '/' ? `/${name}` : `${dir}/${name}` };
}

/** Two independent 32-bit hashes of a string (FNV-1a and a murmur-style mix): a 64-bit key. */
export function hash64(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  b ^= b >>> 16;
  return [a >>> 0 || 1, b >>> 0];
}

/**
 * A set of path hashes (8 bytes a path, open addressing in one typed array, grown by doubling) capped at
 * `cap` paths: past it `add` reports `full` and remembers nothing more. One per walk, cleared per layer.
 */
export class PathSet {
  private table = new Uint32Array(2 * 4096);
  private count = 0;
  full = false;

  constructor(private readonly cap: number) {}

  clear(): void {
    if (this.table.length > 2 * 65536) this.table = new Uint32Array(2 * 4096);
    else this.table.fill(0);
    this.count = 0;
    this.full = false;
  }

  has(path: string): boolean {
    const [a, b] = hash64(path);
    return this.table[this.find(a, b)] !== 0;
  }

  /** Adds the path; true when it was already there. */
  add(path: string): boolean {
    const [a, b] = hash64(path);
    const slot = this.find(a, b);
    if (this.table[slot] !== 0) return true;
    if (this.count >= this.cap) {
      this.full = true;
      return false;
    }
    this.table[slot] = a;
    this.table[slot + 1] = b;
    this.count++;
    if (this.count * 2 > this.table.length / 2) this.grow();
    return false;
  }

  /** The slot holding (a, b), or the empty slot where it would go. */
  private find(a: number, b: number): number {
    const slots = this.table.length / 2;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & (slots - 1);
    for (;;) {
      const at = 2 * i;
      const x = this.table[at]!;
      if (x === 0 || (x === a && this.table[at + 1] === b)) return at;
      i = (i + 1) & (slots - 1);
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 2) {
      const a = old[at]!;
      if (a === 0) continue;
      const slot = this.find(a, old[at + 1]!);
      this.table[slot] = a;
      this.table[slot + 1] = old[at + 1]!;
    }
  }
}
