// Findings from an entry's metadata alone: special permission bits, devices, and the tools a minimal runtime
// image should not carry (looked up by name in the usual bin directories).
import type { FileKind, LayerEntry } from '../../facts/image-scan.js';

export interface MetaFinding {
  kind: FileKind;
  detail?: string;
}

const BIN_DIRS = new Set(['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin']);

// Versioned names (gcc-12, python3.11's pip3.11, x86_64-linux-gnu-gcc-12) count as the tool they version.
const TOOLS: readonly [FileKind, RegExp][] = [
  ['shell', /^(?:sh|bash|rbash|ash|dash|zsh|ksh|mksh|ksh93|csh|tcsh|fish|busybox)$/],
  [
    'package-manager',
    /^(?:apt|apt-get|aptitude|dpkg|apk|yum|dnf|dnf[0-9]|microdnf|rpm|zypper|pip|pip[23](?:\.\d+)?|npm|yarn|pnpm|gem)$/,
  ],
  [
    'compiler',
    /^(?:(?:[a-z0-9_]+-linux-gnu[a-z]*-)?(?:gcc|g\+\+|cc|c\+\+|cpp)(?:-\d+)?|clang(?:\+\+)?(?:-\d+)?|go|gofmt|rustc|cargo|make|gmake|tcc)$/,
  ],
  ['sshd', /^(?:sshd|dropbear)$/],
  ['sudo', /^(?:sudo|doas)$/],
  ['network-tool', /^(?:curl|wget|nc|nc\.openbsd|nc\.traditional|ncat|netcat|socat|nmap|tcpdump|telnet)$/],
];

/** The minimality kind of a path in a bin directory, if it names one of the tools. */
export function toolKind(path: string): FileKind | undefined {
  const slash = path.lastIndexOf('/');
  if (!BIN_DIRS.has(path.slice(0, slash))) return undefined;
  const name = path.slice(slash + 1);
  for (const [kind, re] of TOOLS) if (re.test(name)) return kind;
  return undefined;
}

/** Findings that need no content: setuid/setgid, world-writable without sticky bit, devices, tools. */
export function metaFindings(e: LayerEntry): MetaFinding[] {
  const out: MetaFinding[] = [];
  const mode = e.mode & 0o7777;
  const regular = e.type === 'file' || e.type === 'hardlink';
  if (regular && mode & 0o4000) out.push({ kind: 'setuid', detail: `owner uid ${e.uid}` });
  if (regular && mode & 0o2000) out.push({ kind: 'setgid', detail: `group gid ${e.gid}` });
  if ((regular || e.type === 'dir') && mode & 0o002 && !(mode & 0o1000))
    out.push({ kind: 'world-writable', detail: e.type === 'dir' ? 'directory without sticky bit' : 'file' });
  if (e.type === 'char' || e.type === 'block') out.push({ kind: 'device', detail: `${e.type} device` });
  if (regular || e.type === 'symlink') {
    const kind = toolKind(e.path);
    if (kind)
      out.push(
        e.type === 'symlink' && e.linkname !== undefined
          ? { kind, detail: `symlink to ${e.linkname}` }
          : { kind },
      );
  }
  return out;
}
