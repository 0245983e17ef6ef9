// Go binaries' build info, as debug/buildinfo reads it: the `\xff Go buildinf:` header sits at the start of
// the ELF's first writable (non-executable) PT_LOAD segment (the .go.buildinfo section the linker places
// there), 16-byte aligned within its first 64 KiB. The program headers are in the first bytes of the file,
// so the analyzer reads a small head, finds that file offset, and reads up to it plus 64 KiB: bounded by a
// window (default 64 MiB) that covers the data segment of all but the largest binaries.
// Format (src/debug/buildinfo/buildinfo.go): 14-byte magic, ptrSize, flags; flags&2 ("inline", Go 1.18+):
// uvarint-prefixed version and modinfo strings follow at offset 32; otherwise two pointers to Go string
// headers, resolved through the PT_LOAD segments. modinfo is framed by 16-byte sentinels.
import type { RawPackage } from './types.js';

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const PT_LOAD = 1;
const PT_NOTE = 4;
const PF_X = 1;
const PF_W = 2;
/** How far into the data segment debug/buildinfo searches. */
export const BUILDINFO_SEARCH = 64 * 1024;

interface Segment {
  type: number;
  flags: number;
  offset: number;
  vaddr: number;
  filesz: number;
}

export interface ElfInfo {
  is64: boolean;
  le: boolean;
  segments: Segment[];
  /** A `Go` note (the Go build ID) in a PT_NOTE segment within the bytes given. */
  goNote: boolean;
  /** File offset of the first writable, non-executable PT_LOAD segment. */
  dataOffset?: number;
}

export const isElf = (b: Buffer): boolean => b.length >= 52 && b.readUInt32BE(0) === 0x7f454c46;

/** ELF program headers from the head of a file (undefined if not ELF or the headers lie past `head`). */
export function parseElf(head: Buffer): ElfInfo | undefined {
  if (!isElf(head)) return undefined;
  const is64 = head[4] === 2;
  const le = head[5] !== 2;
  const u16 = (o: number): number => (le ? head.readUInt16LE(o) : head.readUInt16BE(o));
  const u32 = (o: number): number => (le ? head.readUInt32LE(o) : head.readUInt32BE(o));
  const u64 = (o: number): number => {
    const v = le ? head.readBigUInt64LE(o) : head.readBigUInt64BE(o);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
  };
  const phoff = is64 ? u64(0x20) : u32(0x1c);
  const phentsize = u16(is64 ? 0x36 : 0x2a);
  const phnum = u16(is64 ? 0x38 : 0x2c);
  if (phnum > 0 && (phentsize < (is64 ? 56 : 32) || phoff + phnum * phentsize > head.length))
    return undefined;
  const segments: Segment[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    segments.push(
      is64
        ? { type: u32(o), flags: u32(o + 4), offset: u64(o + 8), vaddr: u64(o + 16), filesz: u64(o + 32) }
        : { type: u32(o), offset: u32(o + 4), vaddr: u32(o + 8), filesz: u32(o + 16), flags: u32(o + 24) },
    );
  }
  let goNote = false;
  for (const s of segments.filter((x) => x.type === PT_NOTE)) {
    const end = Math.min(s.offset + s.filesz, head.length);
    for (let o = s.offset; o + 12 <= end; ) {
      const namesz = u32(o);
      const descsz = u32(o + 4);
      if (namesz === 4 && head.toString('latin1', o + 12, o + 14) === 'Go') goNote = true;
      o += 12 + ((namesz + 3) & ~3) + ((descsz + 3) & ~3);
    }
  }
  const data = segments.find((s) => s.type === PT_LOAD && (s.flags & (PF_X | PF_W)) === PF_W);
  const info: ElfInfo = { is64, le, segments, goNote };
  if (data) info.dataOffset = data.offset;
  return info;
}

function uvarint(b: Buffer, at: number): [number, number] | undefined {
  let v = 0;
  let shift = 0;
  for (let i = at; i < b.length && i < at + 10; i++) {
    const c = b[i] as number;
    v += (c & 0x7f) * 2 ** shift;
    if (c < 0x80) return [v, i + 1];
    shift += 7;
  }
  return undefined;
}

export interface BuildInfo {
  goVersion: string;
  path?: string;
  main?: { path: string; version: string };
  deps: { path: string; version: string }[];
}

/** Finds and decodes the build info in `buf` (the file's first bytes), searching from the data segment. */
export function readBuildInfo(buf: Buffer, elf: ElfInfo): BuildInfo | undefined {
  const from = elf.dataOffset ?? 0;
  let at = -1;
  for (
    let i = buf.indexOf(MAGIC, from);
    i !== -1 && i < from + BUILDINFO_SEARCH;
    i = buf.indexOf(MAGIC, i + 1)
  ) {
    if ((i - from) % 16 === 0) {
      at = i;
      break;
    }
  }
  if (at === -1 || at + 32 > buf.length) return undefined;
  const ptrSize = buf[at + 14] as number;
  const flags = buf[at + 15] as number;
  let version: string | undefined;
  let modinfo: string | undefined;
  if (flags & 2) {
    let o = at + 32;
    const strs: string[] = [];
    for (let k = 0; k < 2; k++) {
      const v = uvarint(buf, o);
      if (!v || v[1] + v[0] > buf.length) return undefined;
      strs.push(buf.toString('utf8', v[1], v[1] + v[0]));
      o = v[1] + v[0];
    }
    [version, modinfo] = strs;
  } else {
    // Before Go 1.18: pointers (in the header's byte order) to string headers {data, len}.
    const big = (flags & 1) === 1;
    const ptr = (o: number): number | undefined => {
      if (o + ptrSize > buf.length) return undefined;
      if (ptrSize === 8) return Number(big ? buf.readBigUInt64BE(o) : buf.readBigUInt64LE(o));
      if (ptrSize === 4) return big ? buf.readUInt32BE(o) : buf.readUInt32LE(o);
      return undefined;
    };
    const fileOff = (vaddr: number): number | undefined => {
      const s = elf.segments.find(
        (x) => x.type === PT_LOAD && vaddr >= x.vaddr && vaddr < x.vaddr + x.filesz,
      );
      return s ? s.offset + (vaddr - s.vaddr) : undefined;
    };
    const goString = (hdrAddr: number | undefined): string | undefined => {
      const h = hdrAddr === undefined ? undefined : fileOff(hdrAddr);
      if (h === undefined) return undefined;
      const data = ptr(h);
      const len = ptr(h + ptrSize);
      const d = data === undefined ? undefined : fileOff(data);
      if (d === undefined || len === undefined || len > 1 << 20 || d + len > buf.length) return undefined;
      return buf.toString('utf8', d, d + len);
    };
    version = goString(ptr(at + 16));
    modinfo = goString(ptr(at + 16 + ptrSize));
  }
  if (!version) return undefined;
  const info: BuildInfo = { goVersion: version, deps: [] };
  let mi = modinfo ?? '';
  if (mi.length >= 33 && mi[mi.length - 17] === '\n') mi = mi.slice(16, -16);
  let last: { path: string; version: string } | undefined;
  for (const line of mi.split('\n')) {
    const [key, p, v] = line.split('\t');
    if (key === 'path' && p) info.path = p;
    else if ((key === 'mod' || key === 'dep') && p) {
      last = { path: p, version: v ?? '' };
      if (key === 'mod') info.main = last;
      else info.deps.push(last);
    } else if (key === '=>' && p && last) {
      // A replace directive: the replacement is what was built.
      last.path = p;
      last.version = v ?? '';
    }
  }
  return info;
}

/** golang packages: deps, the main module when versioned, and `stdlib` at the toolchain's version. */
export function goPackages(info: BuildInfo): RawPackage[] {
  const out: RawPackage[] = [];
  const m = /^go(\d+\.\d+(?:\.\d+)?)/.exec(info.goVersion.trim());
  if (m) out.push({ ecosystem: 'golang', name: 'stdlib', version: `v${m[1]}` });
  const mods = info.main ? [info.main, ...info.deps] : info.deps;
  for (const d of mods) {
    if (!d.version || d.version === '(devel)') continue;
    out.push({ ecosystem: 'golang', name: d.path, version: d.version });
  }
  return out;
}
