// Hand-built LayerEntry values and fixture bytes for the analyzer tests.
import type { EntryType, LayerEntry } from '../../../facts/image-scan.js';

export interface EntrySpec {
  path: string;
  layer?: number;
  type?: EntryType;
  mode?: number;
  uid?: number;
  gid?: number;
  content?: string | Buffer;
  linkname?: string;
  whiteout?: 'file' | 'opaque';
}

/** A LayerEntry whose read() serves `content`, counting the bytes asked for in `reads`. */
export function entry(spec: EntrySpec): LayerEntry & { reads: number[] } {
  const body =
    typeof spec.content === 'string' ? Buffer.from(spec.content) : (spec.content ?? Buffer.alloc(0));
  const type = spec.whiteout ? 'other' : (spec.type ?? 'file');
  const reads: number[] = [];
  const e: LayerEntry & { reads: number[] } = {
    path: spec.path,
    rawPath: spec.path.slice(1),
    type,
    mode: spec.mode ?? (type === 'dir' ? 0o755 : 0o644),
    uid: spec.uid ?? 0,
    gid: spec.gid ?? 0,
    size: type === 'file' ? body.length : 0,
    layer: spec.layer ?? 0,
    reads,
    read: async (max) => {
      reads.push(max);
      return body.subarray(0, Math.max(0, Math.min(max, body.length)));
    },
  };
  if (spec.linkname !== undefined) e.linkname = spec.linkname;
  if (spec.whiteout) e.whiteout = spec.whiteout;
  return e;
}

const uvarint = (n: number): Buffer => {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
};

const SENTINEL_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const SENTINEL_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');

export interface GoElfSpec {
  goVersion: string;
  modinfo: string;
  /** Inline strings (Go 1.18+) or pointers to string headers (older). */
  format?: 'inline' | 'pointers';
  /** Bytes of "text" before the data segment. */
  textSize?: number;
  goNote?: boolean;
}

/**
 * A minimal ELF64 little-endian executable shaped like a Go binary: program headers (PT_NOTE with the Go
 * build-id note, PT_LOAD r-x, PT_LOAD rw-), and the .go.buildinfo blob at the start of the rw- segment,
 * laid out as src/debug/buildinfo/buildinfo.go reads it. Built by hand because the test machines have no Go.
 */
export function goElf(spec: GoElfSpec): Buffer {
  const textSize = spec.textSize ?? 4096;
  const phnum = 3;
  const phoff = 64;
  const noteOff = phoff + phnum * 56;
  const note = Buffer.alloc(12 + 4 + 8);
  note.writeUInt32LE(4, 0);
  note.writeUInt32LE(8, 4);
  note.writeUInt32LE(4, 8);
  note.write(spec.goNote === false ? 'Xx\0\0' : 'Go\0\0', 12, 'latin1');
  note.write('buildid!', 16, 'latin1');
  const dataOff = Math.ceil((noteOff + note.length + textSize) / 4096) * 4096;
  const textVaddr = 0x400000;
  const dataVaddr = 0x800000;
  const modinfo = Buffer.concat([SENTINEL_START, Buffer.from(spec.modinfo), SENTINEL_END]);
  const version = Buffer.from(spec.goVersion);

  const hdr = Buffer.alloc(32);
  hdr.write('\xff Go buildinf:', 0, 'latin1');
  hdr[14] = 8;
  let data: Buffer;
  if ((spec.format ?? 'inline') === 'inline') {
    hdr[15] = 2;
    data = Buffer.concat([hdr, uvarint(version.length), version, uvarint(modinfo.length), modinfo]);
  } else {
    // Two pointers to Go string headers {ptr, len}, the strings right after them, all in the data segment.
    hdr[15] = 0;
    const sh1 = 32;
    const sh2 = 48;
    const s1 = 64;
    const s2 = s1 + version.length;
    hdr.writeBigUInt64LE(BigInt(dataVaddr + sh1), 16);
    hdr.writeBigUInt64LE(BigInt(dataVaddr + sh2), 24);
    const heads = Buffer.alloc(32);
    heads.writeBigUInt64LE(BigInt(dataVaddr + s1), 0);
    heads.writeBigUInt64LE(BigInt(version.length), 8);
    heads.writeBigUInt64LE(BigInt(dataVaddr + s2), 16);
    heads.writeBigUInt64LE(BigInt(modinfo.length), 24);
    data = Buffer.concat([hdr, heads, version, modinfo]);
  }

  const file = Buffer.alloc(dataOff + data.length + 256);
  file.write('\x7fELF', 0, 'latin1');
  file[4] = 2; // ELFCLASS64
  file[5] = 1; // little endian
  file[6] = 1;
  file.writeUInt16LE(2, 16); // ET_EXEC
  file.writeUInt16LE(62, 18); // x86-64
  file.writeUInt32LE(1, 20);
  file.writeBigUInt64LE(BigInt(textVaddr), 24);
  file.writeBigUInt64LE(BigInt(phoff), 32);
  file.writeUInt16LE(64, 52);
  file.writeUInt16LE(56, 54);
  file.writeUInt16LE(phnum, 56);
  const ph = (i: number, type: number, flags: number, off: number, vaddr: number, size: number): void => {
    const o = phoff + i * 56;
    file.writeUInt32LE(type, o);
    file.writeUInt32LE(flags, o + 4);
    file.writeBigUInt64LE(BigInt(off), o + 8);
    file.writeBigUInt64LE(BigInt(vaddr), o + 16);
    file.writeBigUInt64LE(BigInt(vaddr), o + 24);
    file.writeBigUInt64LE(BigInt(size), o + 32);
    file.writeBigUInt64LE(BigInt(size), o + 40);
    file.writeBigUInt64LE(0x1000n, o + 48);
  };
  ph(0, 4, 4, noteOff, textVaddr + noteOff, note.length);
  ph(1, 1, 5, 0, textVaddr, dataOff);
  ph(2, 1, 6, dataOff, dataVaddr, data.length + 256);
  note.copy(file, noteOff);
  data.copy(file, dataOff);
  return file;
}

/** An rpm header blob (as stored in rpmdb.sqlite's Packages table) with string and int32 tags. */
export function rpmHeaderBlob(tags: Record<number, string | number>): Buffer {
  const entries: Buffer[] = [];
  const store: Buffer[] = [];
  let off = 0;
  for (const [tag, value] of Object.entries(tags)) {
    const e = Buffer.alloc(16);
    e.writeInt32BE(Number(tag), 0);
    let bytes: Buffer;
    if (typeof value === 'number') {
      // int32 data is 4-byte aligned in the store.
      const pad = (4 - (off % 4)) % 4;
      if (pad) {
        store.push(Buffer.alloc(pad));
        off += pad;
      }
      e.writeUInt32BE(4, 4);
      bytes = Buffer.alloc(4);
      bytes.writeInt32BE(value, 0);
    } else {
      e.writeUInt32BE(6, 4);
      bytes = Buffer.from(`${value}\0`);
    }
    e.writeInt32BE(off, 8);
    e.writeUInt32BE(1, 12);
    entries.push(e);
    store.push(bytes);
    off += bytes.length;
  }
  const head = Buffer.alloc(8);
  head.writeUInt32BE(entries.length, 0);
  head.writeUInt32BE(off, 4);
  return Buffer.concat([head, ...entries, ...store]);
}
