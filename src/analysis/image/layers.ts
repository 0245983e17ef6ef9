// What survives into the final filesystem, for images of any size and layers visited in any order.
// Per layer we keep only 52-bit keyed hashes of paths in Float64Arrays (8 bytes an entry, outside the JS
// heap), so a 1-million-entry layer costs 8 MB, not the 100+ MB its path strings would. A finding found in
// layer L is then resolved at finish() against the layers above L: the first one that holds the same path
// (overwrite), a non-directory at an ancestor (replaced the directory), a `.wh.` whiteout of the path or an
// ancestor, or an opaque marker on an ancestor. The hash is keyed with a per-process random seed so an image
// cannot be crafted to collide with a path we care about.
import { randomInt } from 'node:crypto';

const SEED_A = randomInt(1, 0x7fffffff);
const SEED_B = randomInt(1, 0x7fffffff);

/** A 51-bit hash of a path, as a float-exact integer. */
export function pathHash(path: string): number {
  let a = 0x811c9dc5 ^ SEED_A;
  let b = SEED_B;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // 32 bits of a + 19 bits of b = 51 bits, so that (hash * 2 + flag) stays below 2^53.
  return (a >>> 0) * 0x80000 + ((b >>> 13) & 0x7ffff);
}

/** A growable, sortable set of numbers with binary-search lookup (sorted lazily, once). */
class NumberSet {
  private data = new Float64Array(16);
  private n = 0;
  private sorted = true;

  add(v: number): void {
    if (this.n === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.n++] = v;
    this.sorted = false;
  }

  get size(): number {
    return this.n;
  }

  has(v: number): boolean {
    if (this.n === 0) return false;
    if (!this.sorted) {
      this.data = this.data.slice(0, this.n).sort();
      this.sorted = true;
    }
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = this.data[mid] as number;
      if (x === v) return true;
      if (x < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

interface LayerSets {
  /** hash*2 + 1 for directories, hash*2 for everything else. */
  entries: NumberSet;
  whiteouts: NumberSet;
  opaques: NumberSet;
}

export interface Removal {
  present: boolean;
  removedIn?: number;
}

/** `/a/b/c` → [`/a`, `/a/b`]. */
function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) out.push(path.slice(0, i));
  return out;
}

export class LayerIndex {
  private readonly layers = new Map<number, LayerSets>();

  private sets(layer: number): LayerSets {
    let s = this.layers.get(layer);
    if (!s) {
      s = { entries: new NumberSet(), whiteouts: new NumberSet(), opaques: new NumberSet() };
      this.layers.set(layer, s);
    }
    return s;
  }

  /** Records one entry of a layer (whiteout markers included). */
  add(layer: number, path: string, kind: 'dir' | 'other' | 'whiteout' | 'opaque'): void {
    const s = this.sets(layer);
    const h = pathHash(path);
    if (kind === 'whiteout') s.whiteouts.add(h);
    else if (kind === 'opaque') s.opaques.add(h);
    else s.entries.add(h * 2 + (kind === 'dir' ? 1 : 0));
  }

  entryCount(layer: number): number {
    return this.layers.get(layer)?.entries.size ?? 0;
  }

  /** Whether `path` as added by `layer` is still in the final filesystem, and if not which layer hid it. */
  resolve(path: string, layer: number): Removal {
    const h = pathHash(path);
    const up = ancestors(path).map(pathHash);
    const above = [...this.layers.keys()].filter((l) => l > layer).sort((x, y) => x - y);
    for (const l of above) {
      const s = this.layers.get(l) as LayerSets;
      if (s.entries.has(h * 2) || s.entries.has(h * 2 + 1)) return { present: false, removedIn: l };
      if (s.whiteouts.has(h)) return { present: false, removedIn: l };
      for (const a of up) {
        if (s.whiteouts.has(a) || s.opaques.has(a) || s.entries.has(a * 2))
          return { present: false, removedIn: l };
      }
    }
    return { present: true };
  }
}
