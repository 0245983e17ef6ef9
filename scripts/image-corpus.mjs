// Generated container images for `npm run bench:image`: a Debian-like runtime image with a Node app and a
// Python environment, written as a `docker save` tar of the Docker 25+ shape (an OCI layout plus
// manifest.json) whose layer blobs are gzip, as Docker's containerd image store saves them. Both readers of
// bulkhead accept it (docker-archive: and oci:).
//
// Shape of the content, scaled by `sizeMB` (uncompressed bytes of all layers):
//   - many small files (~70% of the bytes, 200 B – 64 KiB, log-uniform): a /usr/lib tree of shared objects
//     and symlinks, /usr/bin tools (sudo setuid, curl, bash), /usr/share/doc, a dpkg status with a few
//     hundred packages plus their info/*.list and *.md5sums, node_modules with package.json files, Python
//     site-packages with *.dist-info, text configs (a few that trip secret rules: .env, .npmrc, a private
//     key, .docker/config.json, AWS credentials; one deleted by a whiteout in a later layer);
//   - a few large files (~30%): a model blob, a big shared library, a JSON data set, a log.
// Contents mix incompressible pseudo-random bytes, low-entropy "machine code" and dictionary text so gzip
// ratios land where real images do (~2.5x). Everything comes from one seeded PRNG (xoshiro128**), so a seed
// gives the same bytes and digests on every machine. Generation streams: one layer is never held in memory
// (files are written in 1 MiB slices; blobs go to temp files, then are copied into the outer tar).
//
// CLI: node scripts/image-corpus.mjs OUT.tar [--size MB] [--seed N] [--level 1-9]
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdirSync,
  openSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const MTIME = 1_700_000_000;
const MiB = 1024 * 1024;

// ---------------------------------------------------------------------------------- PRNG

/** xoshiro128**: fast, good enough statistically, seeded through splitmix32. */
export class Rng {
  constructor(seed) {
    let s = seed >>> 0 || 1;
    const split = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
  }
  u32() {
    const r = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r;
  }
  float() {
    return this.u32() / 4294967296;
  }
  int(n) {
    return Math.floor(this.float() * n);
  }
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }
  pick(a) {
    return a[this.int(a.length)];
  }
  /** Log-uniform integer in [lo, hi]: many small values, a tail of big ones (file sizes). */
  logUniform(lo, hi) {
    return Math.round(Math.exp(Math.log(lo) + this.float() * (Math.log(hi) - Math.log(lo))));
  }
  fillRandom(buf, start, end) {
    let i = start;
    for (; i + 4 <= end; i += 4) buf.writeUInt32LE(this.u32(), i);
    for (; i < end; i++) buf[i] = this.u32() & 0xff;
  }
}
const rotl = (x, k) => ((x << k) | (x >>> (32 - k))) >>> 0;

// ---------------------------------------------------------------------------------- content

const SYL =
  'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go ha he hi ho ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo str int len buf ptr ctx cfg req res err val key map'.split(
    ' ',
  );
const PUNCT = [' ', ' ', ' ', ' ', ' ', '.', ', ', '(', ') ', ' = ', '; ', ': ', '_', '/', '.'];
const INDENT = ['', '', '  ', '    ', '    ', '      ', '        ', '\t', '\t\t'];
const KEYWORDS =
  'const  return  function  if (  } else {  import  from  self.  def  export  for (  let  this.  # '.split(
    '  ',
  );

export class Content {
  constructor(rng) {
    this.rng = rng;
    // A vocabulary drawn once: text is words of it, so it compresses like prose and code (~3-4x).
    this.words = [];
    for (let i = 0; i < 800; i++) {
      let w = '';
      const n = rng.range(1, 4);
      for (let j = 0; j < n; j++) w += rng.pick(SYL);
      this.words.push(w);
    }
    // Pre-rendered text pool: slicing it is much faster than building strings per file, and offsets are
    // random, so files differ and gzip sees prose-like redundancy, not one repeated block.
    const parts = [];
    let len = 0;
    while (len < 4 * MiB) {
      // Lines of code or prose: indentation, a keyword, words, punctuation.
      let line = INDENT[rng.int(INDENT.length)] + (rng.float() < 0.6 ? rng.pick(KEYWORDS) : '');
      const words = rng.range(2, 9);
      for (let i = 0; i < words; i++) line += this.word() + rng.pick(PUNCT);
      line += '\n';
      parts.push(line);
      len += line.length;
    }
    this.pool = Buffer.from(parts.join(''), 'latin1');
    // Machine-code-like bytes: "instructions" drawn from a pool of short byte strings, so gzip finds the
    // short repeats it finds in real text sections (~2x) rather than noise.
    this.snippets = [];
    for (let i = 0; i < 1024; i++) {
      const b = Buffer.allocUnsafe(rng.range(2, 9));
      rng.fillRandom(b, 0, b.length);
      this.snippets.push(b);
    }
  }
  word() {
    // Zipf-ish: low indexes far more often.
    const r = this.rng.float();
    return this.words[Math.floor(r * r * r * r * this.words.length)];
  }
  /** `n` bytes of text into buf[at..]. */
  text(buf, at, n) {
    let o = at;
    const end = at + n;
    while (o < end) {
      const take = Math.min(end - o, this.rng.range(200, 4000));
      const from = this.rng.int(this.pool.length - take);
      this.pool.copy(buf, o, from, from + take);
      o += take;
    }
  }
  /**
   * `n` bytes of a binary: 4 KiB pages of random data (packed sections, ~1x), skewed "code" (~1.7x),
   * zero padding with sparse bytes, and string tables (text). Overall ~2.5-3x under gzip -6, like ELF files.
   */
  binary(buf, at, n, randomShare = 0.08) {
    const rng = this.rng;
    let o = at;
    const end = at + n;
    while (o < end) {
      const take = Math.min(end - o, 4096);
      const k = rng.float();
      if (k < randomShare) rng.fillRandom(buf, o, o + take);
      else if (k < randomShare + 0.5) {
        for (let i = o; i < o + take; ) {
          const r = rng.u32();
          const sn =
            this.snippets[((r & 0x3ff) * (((r >>> 11) & 0xff) / 256) * (((r >>> 19) & 0xff) / 256)) | 0];
          i += sn.copy(buf, i, 0, Math.min(sn.length, o + take - i));
          if (r >>> 30 === 0 && i < o + take) buf[i++] = r >>> 22;
        }
      } else if (k < randomShare + 0.68) {
        buf.fill(0, o, o + take);
        for (let j = 0; j < 24; j++) buf[o + rng.int(take)] = rng.u32() & 0xff;
      } else this.text(buf, o, take);
      o += take;
    }
  }
}

/** An ELF64 little-endian header without program headers: bulkhead reads such files as ELF executables. */
const ELF = (() => {
  const h = Buffer.alloc(64);
  h.write('\x7fELF', 0, 'latin1');
  h[4] = 2;
  h[5] = 1;
  h[6] = 1;
  h.writeUInt16LE(3, 16); // ET_DYN
  h.writeUInt16LE(62, 18); // x86-64
  h.writeUInt32LE(1, 20);
  h.writeUInt16LE(64, 52);
  return h;
})();
const elf = (b) => {
  if (b.length >= 64) ELF.copy(b, 0);
  return b;
};

// ---------------------------------------------------------------------------------- tar writing

function octal(n, width) {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name, { size = 0, type = '0', mode = 0o644, linkname = '', uid = 0, gid = 0 } = {}) {
  const h = Buffer.alloc(512);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    // ustar prefix/name split at a slash; PAX only when no split fits.
    const cut = name.lastIndexOf('/', 155);
    if (
      cut > 0 &&
      Buffer.byteLength(name.slice(cut + 1)) <= 100 &&
      Buffer.byteLength(name.slice(0, cut)) <= 155
    ) {
      prefix = name.slice(0, cut);
      base = name.slice(cut + 1);
    } else return null;
  }
  h.write(base, 0, 100, 'utf8');
  h.write(octal(mode, 8), 100, 'latin1');
  h.write(octal(uid, 8), 108, 'latin1');
  h.write(octal(gid, 8), 116, 'latin1');
  h.write(octal(size, 12), 124, 'latin1');
  h.write(octal(MTIME, 12), 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write(type, 156, 'latin1');
  if (linkname) h.write(linkname, 157, 100, 'utf8');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  h.write(uid === 0 ? 'root' : 'app', 265, 'latin1');
  h.write(gid === 0 ? 'root' : 'app', 297, 'latin1');
  if (prefix) h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

function paxRecord(key, value) {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (`${len}`.length + Buffer.byteLength(body) !== len) len = `${len}`.length + Buffer.byteLength(body);
  return `${len}${body}`;
}

const pad = (n) => (512 - (n % 512)) % 512;
const ZEROS = Buffer.alloc(1024);

/** A layer tar streamed through gzip into a file, hashing the tar (diff id) and the blob (digest). */
class LayerWriter {
  constructor(path, level) {
    this.path = path;
    this.tarHash = createHash('sha256');
    this.blobHash = createHash('sha256');
    this.tarBytes = 0;
    this.blobBytes = 0;
    this.files = 0;
    this.gz = createGzip({ level, chunkSize: 256 * 1024 });
    this.out = createWriteStream(path, { highWaterMark: MiB });
    this.gz.on('data', (c) => {
      this.blobHash.update(c);
      this.blobBytes += c.length;
      if (!this.out.write(c)) {
        this.gz.pause();
        this.out.once('drain', () => this.gz.resume());
      }
    });
    this.pending = [];
    this.pendingBytes = 0;
    this.dirs = new Set();
  }
  async push(buf) {
    this.tarHash.update(buf);
    this.tarBytes += buf.length;
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    if (this.pendingBytes >= MiB) await this.flush();
  }
  async flush() {
    if (this.pendingBytes === 0) return;
    const b = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.gz.write(b)) await once(this.gz, 'drain');
  }
  async head(name, opts) {
    let h = header(name, opts);
    if (!h) {
      const rec = Buffer.from(paxRecord('path', name));
      await this.push(header('PaxHeaders/entry', { size: rec.length, type: 'x' }));
      await this.push(rec);
      await this.push(Buffer.alloc(pad(rec.length)));
      h = header(name.slice(-99).replace(/^[^/]*\//, ''), opts);
    }
    await this.push(h);
  }
  /** Parent directories first, once each, as `docker build` layers have them. */
  async parents(path) {
    const parts = path.split('/');
    let p = '';
    for (let i = 0; i < parts.length - 1; i++) {
      p += `${parts[i]}/`;
      if (this.dirs.has(p)) continue;
      this.dirs.add(p);
      await this.head(p, { type: '5', mode: 0o755 });
    }
  }
  async dir(path, mode = 0o755) {
    const p = path.endsWith('/') ? path : `${path}/`;
    await this.parents(p.slice(0, -1));
    if (this.dirs.has(p)) return;
    this.dirs.add(p);
    await this.head(p, { type: '5', mode });
  }
  async file(path, data, mode = 0o644, owner = 0) {
    await this.parents(path);
    const body = typeof data === 'string' ? Buffer.from(data) : data;
    await this.head(path, { size: body.length, mode, uid: owner, gid: owner });
    await this.push(body);
    if (pad(body.length)) await this.push(ZEROS.subarray(0, pad(body.length)));
    this.files++;
  }
  /** A large file produced in 1 MiB slices by fill(buf, at, n). */
  async bigFile(path, size, fill, mode = 0o644) {
    await this.parents(path);
    await this.head(path, { size, mode });
    for (let done = 0; done < size; ) {
      const n = Math.min(MiB, size - done);
      const b = Buffer.allocUnsafe(n);
      fill(b, 0, n);
      await this.push(b);
      done += n;
    }
    if (pad(size)) await this.push(ZEROS.subarray(0, pad(size)));
    this.files++;
  }
  async symlink(path, target) {
    await this.parents(path);
    await this.head(path, { type: '2', mode: 0o777, linkname: target });
  }
  async hardlink(path, target) {
    await this.parents(path);
    await this.head(path, { type: '1', linkname: target });
  }
  async close() {
    await this.push(ZEROS);
    await this.flush();
    this.gz.end();
    await once(this.gz, 'end');
    this.out.end();
    await once(this.out, 'finish');
    return {
      path: this.path,
      diffId: `sha256:${this.tarHash.digest('hex')}`,
      digest: `sha256:${this.blobHash.digest('hex')}`,
      size: this.blobBytes,
      uncompressed: this.tarBytes,
      files: this.files,
    };
  }
}

// ---------------------------------------------------------------------------------- the image

// Packages that the OSV fixtures of the repository know (test/fixtures/osv), so a scan with that database
// has something to match; the rest are made up.
const REAL_DEBS = [
  ['openssl', '3.0.8-1', 'openssl'],
  ['libssl3', '3.0.8-1', 'openssl'],
  ['curl', '7.88.1-10', 'curl'],
  ['libcurl4', '7.88.1-10', 'curl'],
  ['vim-tiny', '2:9.0.1378-2', 'vim'],
  ['openssh-client', '1:9.2p1-2', 'openssh'],
  ['bash', '5.2.15-2+b2', 'bash'],
  ['sudo', '1.9.13p3-1', 'sudo'],
  ['libc6', '2.36-9+deb12u1', 'glibc'],
  ['coreutils', '9.1-1', 'coreutils'],
  ['tar', '1.34+dfsg-1.2', 'tar'],
  ['gzip', '1.12-1', 'gzip'],
  ['dpkg', '1.21.22', 'dpkg'],
  ['apt', '2.6.1', 'apt'],
  ['python3.11', '3.11.2-6', 'python3.11'],
];
const REAL_NPM = [
  ['semver', '7.5.1'],
  ['ua-parser-js', '0.7.30'],
  ['express', '4.18.2'],
  ['lodash', '4.17.21'],
];
const REAL_PY = [
  ['requests', '2.30.0'],
  ['Jinja2', '3.1.2'],
  ['urllib3', '2.0.2'],
];

const b62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randStr = (rng, n, alphabet = b62) => {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[rng.int(alphabet.length)];
  return s;
};

function version(rng) {
  return `${rng.range(0, 9)}.${rng.range(0, 30)}.${rng.range(0, 20)}`;
}

/** Packages of the fake distribution: real names above plus made-up ones, sized to `count`. */
function debPackages(rng, c, count) {
  const pkgs = REAL_DEBS.map(([name, ver, source]) => ({ name, ver, source }));
  while (pkgs.length < count) {
    const base = `${c.word()}${c.word()}`;
    const lib = rng.float() < 0.6;
    const name = lib ? `lib${base}${rng.range(0, 9)}` : base;
    if (pkgs.some((p) => p.name === name)) continue;
    pkgs.push({ name, ver: `${version(rng)}-${rng.range(1, 5)}`, source: base });
  }
  return pkgs;
}

function dpkgStanza(rng, c, p) {
  const desc = [];
  for (let i = 0; i < rng.range(2, 6); i++) {
    const b = Buffer.alloc(rng.range(40, 70));
    c.text(b, 0, b.length);
    desc.push(` ${b.toString('latin1').replace(/\s+/g, ' ')}`);
  }
  return [
    `Package: ${p.name}`,
    'Status: install ok installed',
    `Priority: ${rng.pick(['optional', 'important', 'required', 'standard'])}`,
    `Section: ${p.name.startsWith('lib') ? 'libs' : rng.pick(['utils', 'admin', 'net', 'devel', 'python'])}`,
    `Installed-Size: ${rng.range(20, 40000)}`,
    'Maintainer: Debian Generated Maintainers <pkg-gen@lists.example.org>',
    'Architecture: amd64',
    ...(p.source !== p.name ? [`Source: ${p.source}`] : []),
    `Version: ${p.ver}`,
    `Depends: libc6 (>= 2.34)${rng.float() < 0.5 ? ', libssl3 (>= 3.0.0)' : ''}`,
    `Description: ${c.word()} ${c.word()} ${c.word()}`,
    ...desc,
    '',
  ].join('\n');
}

/**
 * Writes one image and returns its layers. `dir` receives `image.tar` (the docker save archive); blobs are
 * staged in `dir/.blobs` and removed unless keepBlobs.
 */
export async function generateImage(
  dir,
  { sizeMB = 100, seed = 1, level = 6, keepBlobs = false, name } = {},
) {
  const rng = new Rng(seed * 7919 + sizeMB);
  const c = new Content(rng);
  const total = Math.max(8, sizeMB) * MiB;
  mkdirSync(dir, { recursive: true });
  const stage = join(dir, '.blobs');
  mkdirSync(stage, { recursive: true });
  const layers = [];
  const history = [];
  let n = 0;

  const newLayer = () => new LayerWriter(join(stage, `layer-${n++}.tar.gz`), level);
  const smallFiles = async (w, budget, pathOf, kind) => {
    let used = 0;
    let i = 0;
    while (used < budget) {
      // Whole bytes: a budget that is a fraction of a small image's size need not be one.
      const size = Math.floor(Math.min(budget - used, rng.logUniform(200, 64 * 1024)));
      const b = Buffer.allocUnsafe(size);
      const k = typeof kind === 'function' ? kind(i) : kind;
      if (k === 'text') c.text(b, 0, size);
      else {
        c.binary(b, 0, size);
        elf(b);
      }
      await w.file(pathOf(i, k), b, k === 'exec' ? 0o755 : 0o644);
      used += size + 512;
      i++;
    }
    return i;
  };

  // 1. base OS: /etc, /usr/lib, /usr/bin, dpkg database (~25%)
  {
    const w = newLayer();
    await w.file(
      'etc/os-release',
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\n',
    );
    await w.file('etc/debian_version', '12.1\n');
    await w.file(
      'etc/passwd',
      'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\napp:x:1000:1000::/app:/bin/sh\n',
    );
    await w.file('etc/group', 'root:x:0:\ndaemon:x:1:\napp:x:1000:\nnogroup:x:65534:\n');
    await w.file('etc/shadow', 'root:*:19500:0:99999:7:::\napp:!:19500:0:99999:7:::\n', 0o640);
    await w.dir('tmp', 0o1777);
    await w.dir('var/tmp', 0o1777);
    await w.dir('root', 0o700);
    for (const d of ['bin', 'sbin', 'lib', 'lib64']) await w.symlink(d, `usr/${d}`);
    await w.file(
      'usr/bin/bash',
      (() => {
        const b = Buffer.allocUnsafe(1_265_648);
        c.binary(b, 0, b.length);
        return elf(b);
      })(),
      0o755,
    );
    await w.symlink('usr/bin/sh', 'bash');
    const sudo = Buffer.allocUnsafe(281_624);
    c.binary(sudo, 0, sudo.length);
    await w.file('usr/bin/sudo', elf(sudo), 0o4755);
    await w.hardlink('usr/bin/sudoedit', 'usr/bin/sudo');
    const pkgs = debPackages(rng, c, Math.max(120, Math.min(600, Math.round(sizeMB * 0.9 + 100))));
    const osBudget = total * 0.2;
    let used = 0;
    let fileNo = 0;
    const md5 = createHash('md5');
    for (const [i, p] of pkgs.entries()) {
      const listed = [];
      const share = osBudget / pkgs.length;
      let pu = 0;
      // Each package: a shared object or two with symlinks, a binary maybe, docs.
      while (pu < share) {
        const kind = rng.float();
        let path;
        let size = rng.logUniform(300, 64 * 1024);
        const b = Buffer.allocUnsafe(size);
        if (kind < 0.45) {
          const so = `usr/lib/x86_64-linux-gnu/lib${p.source}${fileNo}.so.${rng.range(0, 9)}.${rng.range(0, 9)}.0`;
          c.binary(b, 0, size);
          path = so;
          await w.file(so, elf(b));
          await w.symlink(so.replace(/\.\d+\.0$/, ''), basename(so));
        } else if (kind < 0.6) {
          path = `usr/bin/${p.name}${fileNo}`;
          c.binary(b, 0, size);
          await w.file(path, elf(b), 0o755);
        } else if (kind < 0.8) {
          path = `usr/share/doc/${p.name}/${rng.pick(['copyright', 'changelog', 'README', 'NEWS', 'TODO'])}${fileNo}`;
          c.text(b, 0, size);
          await w.file(path, b);
        } else {
          size = Math.min(size, 8000);
          path = `usr/share/${p.source}/${c.word()}${fileNo}.${rng.pick(['conf', 'txt', 'xml', 'json'])}`;
          c.text(b, 0, size);
          await w.file(path, b.subarray(0, size));
        }
        listed.push(`/${path}`);
        fileNo++;
        pu += size + 1024;
      }
      used += pu;
      await w.file(`var/lib/dpkg/info/${p.name}.list`, `${listed.join('\n')}\n`);
      await w.file(
        `var/lib/dpkg/info/${p.name}.md5sums`,
        `${listed.map((l) => `${md5.copy().update(l).digest('hex')}  ${l.slice(1)}`).join('\n')}\n`,
      );
      if (i % 40 === 0)
        await w.file(`etc/${p.source}/${p.source}.conf`, `# ${p.name}\nenabled = true\nlevel = ${i}\n`);
    }
    await w.file('var/lib/dpkg/status', `${pkgs.map((p) => dpkgStanza(rng, c, p)).join('\n')}`);
    // A big shared library (LLVM-like): one of the "few large files".
    await w.bigFile('usr/lib/x86_64-linux-gnu/libLLVM-15.so.1', Math.round(total * 0.06), (b, a, k) =>
      c.binary(b, a, k),
    );
    layers.push(await w.close());
    history.push('/bin/sh -c #(nop) ADD file:4b8f1c2a9de0 in / ');
    void used;
  }

  // 2. apt-get install of a runtime (~15%): more libraries and python stdlib as text.
  {
    const w = newLayer();
    const budget = total * 0.15;
    await smallFiles(
      w,
      budget * 0.5,
      (i, k) =>
        k === 'bin'
          ? `usr/lib/x86_64-linux-gnu/${c.word()}/lib${c.word()}${i}.so.${rng.range(1, 9)}`
          : `usr/lib/python3.11/${c.word()}/${c.word()}${i}.py`,
      (i) => (i % 3 === 0 ? 'bin' : 'text'),
    );
    await smallFiles(
      w,
      budget * 0.5,
      (i) => `usr/share/locale/${c.word()}/LC_MESSAGES/${c.word()}${i}.txt`,
      'text',
    );
    // The runtime's own big executable (node is ~90 MB in node:20).
    let first = true;
    await w.bigFile(
      'usr/local/bin/node',
      Math.round(total * 0.04),
      (b, a, k) => {
        c.binary(b, a, k);
        if (first) elf(b);
        first = false;
      },
      0o755,
    );
    await w.file(
      'etc/apt/sources.list.d/debian.sources',
      'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\n',
    );
    layers.push(await w.close());
    history.push(
      '/bin/sh -c apt-get update && apt-get install -y --no-install-recommends python3 ca-certificates curl && rm -rf /var/lib/apt/lists/*',
    );
  }

  // 3. pip install (~12%): site-packages with dist-info.
  {
    const w = newLayer();
    const budget = total * 0.12;
    const count = Math.max(10, Math.round(sizeMB / 6));
    const py = [...REAL_PY];
    while (py.length < count) py.push([`${c.word()}${c.word()}`, version(rng)]);
    for (const [name, ver] of py) {
      const base = `usr/local/lib/python3.11/site-packages`;
      const mod = name.toLowerCase().replace(/-/g, '_');
      const di = `${base}/${name.replace(/-/g, '_')}-${ver}.dist-info`;
      const files = [];
      let used = 0;
      for (let i = 0; used < budget / py.length; i++) {
        const size = rng.logUniform(300, 48 * 1024);
        const b = Buffer.allocUnsafe(size);
        c.text(b, 0, size);
        const f = `${base}/${mod}/${i % 7 === 0 ? `${c.word()}/` : ''}${c.word()}${i}.py`;
        await w.file(f, b);
        files.push(f);
        used += size + 512;
      }
      await w.file(
        `${di}/METADATA`,
        `Metadata-Version: 2.1\nName: ${name}\nVersion: ${ver}\nSummary: ${c.word()} ${c.word()}\nLicense: MIT\nRequires-Python: >=3.8\n`,
      );
      await w.file(
        `${di}/WHEEL`,
        'Wheel-Version: 1.0\nGenerator: bdist_wheel (0.40.0)\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
      );
      await w.file(`${di}/INSTALLER`, 'pip\n');
      await w.file(`${di}/top_level.txt`, `${mod}\n`);
      await w.file(
        `${di}/RECORD`,
        `${files.map((f) => `${f.slice(base.length + 1)},sha256=${randStr(rng, 43)},${rng.range(100, 50000)}`).join('\n')}\n`,
      );
    }
    layers.push(await w.close());
    history.push('/bin/sh -c pip install --no-cache-dir -r /tmp/requirements.txt');
  }

  // 4. COPY node_modules (~25%): packages with package.json, lib/*.js, nested node_modules.
  {
    const w = newLayer();
    const budget = total * 0.25;
    const count = Math.max(30, Math.round(sizeMB * 1.2));
    const npm = [...REAL_NPM];
    while (npm.length < count) {
      const scoped = rng.float() < 0.15;
      npm.push([`${scoped ? `@${c.word()}/` : ''}${c.word()}-${c.word()}`, version(rng)]);
    }
    for (const [i, [name, ver]] of npm.entries()) {
      const root =
        i % 9 === 8 ? `app/node_modules/${npm[i - 1][0]}/node_modules/${name}` : `app/node_modules/${name}`;
      await w.file(
        `${root}/package.json`,
        `${JSON.stringify({ name, version: ver, description: `${c.word()} ${c.word()}`, main: 'lib/index.js', license: rng.pick(['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause']), dependencies: { [npm[rng.int(npm.length)][0]]: `^${version(rng)}` }, repository: { type: 'git', url: `git+https://github.com/${c.word()}/${c.word()}.git` } }, null, 2)}\n`,
      );
      await w.file(
        `${root}/LICENSE`,
        `MIT License\n\nCopyright (c) ${c.word()}\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software.\n`,
      );
      let used = 0;
      for (let j = 0; used < budget / npm.length; j++) {
        const size = rng.logUniform(200, 40 * 1024);
        const b = Buffer.allocUnsafe(size);
        c.text(b, 0, size);
        await w.file(
          `${root}/${rng.pick(['lib', 'dist', 'src', 'lib/util'])}/${c.word()}${j}.${rng.pick(['js', 'js', 'cjs', 'd.ts', 'md'])}`,
          b,
        );
        used += size + 512;
      }
    }
    // Secrets that a careless COPY brings along, one of them deleted again in layer 6.
    await w.file('app/.npmrc', `//registry.npmjs.org/:_authToken=npm_${randStr(rng, 36)}\n`);
    await w.file(
      'root/.ssh/id_rsa',
      `-----BEGIN OPENSSH PRIVATE KEY-----\n${Array.from({ length: 20 }, () => randStr(rng, 70, `${b62}+/`)).join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`,
      0o600,
    );
    layers.push(await w.close());
    history.push('COPY node_modules /app/node_modules # buildkit');
  }

  // 5. COPY app (~20%): the large files and app configs.
  {
    const w = newLayer();
    await w.bigFile('app/models/model.bin', Math.round(total * 0.08), (b, a, k) => c.binary(b, a, k, 0.75));
    await w.bigFile('app/data/catalog.json', Math.round(total * 0.05), (b, a, k) => c.text(b, a, k));
    await w.bigFile('app/static/bundle.js', Math.round(total * 0.03), (b, a, k) => c.text(b, a, k));
    await smallFiles(w, total * 0.04, (i) => `app/src/${c.word()}/${c.word()}${i}.js`, 'text');
    await w.file(
      'app/.env',
      `NODE_ENV=production\nPORT=8080\nAWS_ACCESS_KEY_ID=AKIA${randStr(rng, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}\nAWS_SECRET_ACCESS_KEY=${randStr(rng, 40, `${b62}/+`)}\nGITHUB_TOKEN=ghp_${randStr(rng, 36)}\n`,
    );
    await w.file(
      'root/.docker/config.json',
      `${JSON.stringify({ auths: { 'registry.example.com': { auth: Buffer.from(`deploy:${randStr(rng, 20)}`).toString('base64') } } }, null, 2)}\n`,
    );
    await w.file('app/config/app.yaml', 'server:\n  port: 8080\n  workers: 4\nlog:\n  level: info\n');
    layers.push(await w.close());
    history.push('COPY . /app # buildkit');
  }

  // 6. RUN cleanup: a whiteout over the key and a rewritten config (small layer).
  {
    const w = newLayer();
    await w.file('root/.ssh/.wh.id_rsa', '');
    await w.file('etc/app/settings.ini', '[main]\nmode = production\n');
    await w.file(
      'var/log/app/build.log',
      (() => {
        const b = Buffer.allocUnsafe(Math.round(total * 0.01));
        c.text(b, 0, b.length);
        return b;
      })(),
    );
    layers.push(await w.close());
    history.push('/bin/sh -c rm -f /root/.ssh/id_rsa && mkdir -p /etc/app');
  }

  // ------------------------------------------------------------------ config, manifest, outer tar
  const hex = (d) => d.slice(7);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      created: '2024-01-02T03:04:05Z',
      config: {
        User: 'app',
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NODE_ENV=production'],
        Entrypoint: ['node'],
        Cmd: ['/app/src/server.js'],
        WorkingDir: '/app',
        ExposedPorts: { '8080/tcp': {} },
        Labels: { 'org.opencontainers.image.title': `bench-${sizeMB}mb` },
      },
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
      history: [
        ...history.map((created_by) => ({ created: '2024-01-02T03:04:05Z', created_by })),
        { created: '2024-01-02T03:04:05Z', created_by: 'USER app', empty_layer: true },
        { created: '2024-01-02T03:04:05Z', created_by: 'CMD ["/app/src/server.js"]', empty_layer: true },
      ],
    }),
  );
  const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`;
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers: layers.map((l) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: l.digest,
        size: l.size,
      })),
    }),
  );
  const manifestDigest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
  const tag = name ?? `bench/image:${sizeMB}mb`;
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: manifestDigest,
          size: manifest.length,
          annotations: {
            'io.containerd.image.name': `docker.io/${tag}`,
            'org.opencontainers.image.ref.name': tag.split(':')[1],
          },
        },
      ],
    }),
  );
  const dockerManifest = Buffer.from(
    JSON.stringify([
      {
        Config: `blobs/sha256/${hex(configDigest)}`,
        RepoTags: [tag],
        Layers: layers.map((l) => `blobs/sha256/${hex(l.digest)}`),
        LayerSources: Object.fromEntries(
          layers.map((l) => [
            l.digest,
            { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', size: l.size, digest: l.digest },
          ]),
        ),
      },
    ]),
  );

  const out = join(dir, 'image.tar');
  const fd = openSync(out, 'w');
  let offset = 0;
  const put = (b) => {
    writeSync(fd, b);
    offset += b.length;
  };
  const putFile = (name, body) => {
    put(header(name, { size: body.length }));
    put(body);
    put(ZEROS.subarray(0, pad(body.length)));
  };
  put(header('blobs/', { type: '5', mode: 0o755 }));
  put(header('blobs/sha256/', { type: '5', mode: 0o755 }));
  putFile(`blobs/sha256/${hex(configDigest)}`, config);
  for (const l of layers) {
    put(header(`blobs/sha256/${hex(l.digest)}`, { size: l.size }));
    l.offset = offset;
    for await (const chunk of createReadStream(l.path, { highWaterMark: 4 * MiB })) put(chunk);
    put(ZEROS.subarray(0, pad(l.size)));
  }
  putFile(`blobs/sha256/${hex(manifestDigest)}`, manifest);
  putFile('index.json', index);
  putFile('manifest.json', dockerManifest);
  putFile('oci-layout', Buffer.from('{"imageLayoutVersion":"1.0.0"}'));
  put(ZEROS);
  closeSync(fd);
  if (!keepBlobs) {
    rmSync(stage, { recursive: true, force: true });
    for (const l of layers) l.path = undefined;
  }
  const sum = (k) => layers.reduce((s, l) => s + l[k], 0);
  return {
    path: out,
    bytes: offset,
    layers,
    uncompressed: sum('uncompressed'),
    compressed: sum('size'),
    files: sum('files'),
  };
}

// ---------------------------------------------------------------------------------- CLI

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (k, d) => {
    const i = args.indexOf(k);
    if (i < 0) return d;
    const v = args[i + 1];
    args.splice(i, 2);
    return Number(v);
  };
  const sizeMB = opt('--size', 100);
  const seed = opt('--seed', 1);
  const level = opt('--level', 6);
  const target = args[0];
  if (!target) {
    process.stderr.write(
      'usage: node scripts/image-corpus.mjs OUT.tar [--size MB] [--seed N] [--level 1-9]\n',
    );
    process.exit(2);
  }
  const work = `${resolve(target)}.work`;
  const t0 = performance.now();
  const img = await generateImage(work, { sizeMB, seed, level });
  rmSync(resolve(target), { force: true });
  const { renameSync } = await import('node:fs');
  renameSync(img.path, resolve(target));
  rmSync(work, { recursive: true, force: true });
  const mb = (b) => (b / MiB).toFixed(1);
  process.stdout.write(
    `${target}: ${img.layers.length} layers, ${img.files} files, ${mb(img.uncompressed)} MiB uncompressed, ${mb(img.compressed)} MiB gzip (${(img.uncompressed / img.compressed).toFixed(2)}x), ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  for (const l of img.layers)
    process.stdout.write(
      `  ${l.digest.slice(0, 19)}  ${mb(l.uncompressed)} MiB -> ${mb(l.size)} MiB, ${l.files} files\n`,
    );
}
