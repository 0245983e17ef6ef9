// Reading Dockerfile steps back out of image history, for both builders:
//   classic:  "/bin/sh -c #(nop)  ENV A=b", "/bin/sh -c #(nop) ADD file:<hash> in / ", "|1 X=y /bin/sh -c make"
//   BuildKit: "ENV A=b", "ADD https://x/y.tgz /opt/ # buildkit", "RUN |1 X=y /bin/sh -c make # buildkit"
import type { HistoryEntry } from '../../../facts/image.js';

export type Builder = 'classic' | 'buildkit' | 'unknown';

export interface Step {
  /** 1-based position in build order. */
  index: number;
  /** Upper-case Dockerfile instruction, or '' when the history line is not one (e.g. "Imported from -"). */
  instruction: string;
  /** Text after the instruction (for RUN: the shell command without shell prefix or build args). */
  args: string;
  builder: Builder;
  /** Build args recorded with a RUN (`|N NAME=value ...`). */
  buildArgs: { name: string; value: string }[];
}

const INSTRUCTIONS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/** A shell invocation that RUN prepends: /bin/sh -c, /bin/bash -o pipefail -c, cmd /S /C. */
const SHELL_PREFIX =
  /^(?:(?:\S*\/)?(?:ba|da|a|z)?sh(?:\s+(?:-o\s+\S+|-[a-bd-zA-Z]+))*\s+-c\s+|cmd\s+\/S\s+\/C\s+)/;

/** Strips `|N A=1 B=2 ` (build args the builder records for a RUN). */
function takeBuildArgs(text: string): { rest: string; buildArgs: Step['buildArgs'] } {
  const m = /^\|(\d+)\s+/.exec(text);
  if (!m) return { rest: text, buildArgs: [] };
  let rest = text.slice(m[0].length);
  const buildArgs: Step['buildArgs'] = [];
  for (let n = Number(m[1]); n > 0; n--) {
    const a = /^([A-Za-z_][A-Za-z0-9_]*)=(\S*)\s*/.exec(rest);
    if (!a) break;
    buildArgs.push({ name: a[1]!, value: a[2]! });
    rest = rest.slice(a[0].length);
  }
  return { rest, buildArgs };
}

/** Exec-form RUN (`RUN ["a","b"]`) becomes a plain word list joined by spaces. */
function unJson(text: string): string {
  const t = text.trim();
  if (!t.startsWith('[')) return t;
  try {
    const arr: unknown = JSON.parse(t);
    if (Array.isArray(arr) && arr.every((x) => typeof x === 'string')) return arr.join(' ');
  } catch {
    // not JSON after all
  }
  return t;
}

/** BuildKit RUN options (--mount=..., --network=..., --security=...) recorded before the command. */
const stripRunOptions = (text: string): string => text.replace(/^(?:--[a-z-]+(?:=\S*)?\s+)+/, '');

function runBody(text: string): Pick<Step, 'args' | 'buildArgs'> {
  const { rest, buildArgs } = takeBuildArgs(stripRunOptions(text.trim()));
  const body = unJson(stripRunOptions(rest)).replace(SHELL_PREFIX, '');
  return { args: body.trim(), buildArgs };
}

export function parseStep(createdBy: string, index: number): Step {
  let s = createdBy.trim();
  let builder: Builder = 'unknown';
  if (/#\s*buildkit$/.test(s)) {
    builder = 'buildkit';
    s = s.replace(/#\s*buildkit$/, '').trim();
  }
  const nop = /^\S*\/(?:ba|da|a|z)?sh\s+-c\s+#\(nop\)\s*/.exec(s);
  if (nop) {
    const rest = s.slice(nop[0].length);
    const word = /^(\S+)\s*/.exec(rest);
    const instruction = word?.[1]?.toUpperCase() ?? '';
    return {
      index,
      instruction: INSTRUCTIONS.has(instruction) ? instruction : '',
      args: rest.slice(word?.[0].length ?? 0).trim(),
      builder: 'classic',
      buildArgs: [],
    };
  }
  const word = /^([A-Z]+)(?:\s+|$)/.exec(s);
  if (word && INSTRUCTIONS.has(word[1]!)) {
    const instruction = word[1]!;
    const rest = s.slice(word[0].length);
    if (builder === 'unknown') builder = 'buildkit';
    if (instruction === 'RUN') return { index, instruction, builder, ...runBody(rest) };
    return { index, instruction, args: rest.trim(), builder, buildArgs: [] };
  }
  if (s.startsWith('|') || SHELL_PREFIX.test(s)) {
    return { index, instruction: 'RUN', builder: builder === 'unknown' ? 'classic' : builder, ...runBody(s) };
  }
  return { index, instruction: '', args: s, builder, buildArgs: [] };
}

export const parseHistory = (history: readonly HistoryEntry[]): Step[] =>
  history.map((h, i) => parseStep(h.createdBy, i + 1));

/** Shortens text for evidence. */
export const clip = (text: string, max = 120): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** A URL without credentials or query string, safe to print in evidence. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    const query = u.search ? '?…' : '';
    return `${u.protocol}//${u.host}${u.pathname}${query}`;
  } catch {
    return raw.replace(/\/\/[^/@\s]*@/, '//').replace(/\?.*$/, '?…');
  }
}

/** Simple commands of a shell line: split on ; && || | and newlines, words split on blanks, quotes removed. */
export function shellCommands(line: string): string[][] {
  return line
    .split(/&&|\|\||[;|\n]/)
    .map((part) =>
      part
        .trim()
        .split(/\s+/)
        .filter((w) => w.length > 0)
        .map((w) => w.replace(/^['"]|['"]$/g, '')),
    )
    .filter((words) => words.length > 0);
}

const basename = (w: string): string => w.slice(w.lastIndexOf('/') + 1);

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** Drops leading `VAR=x`, `sudo`, `env`, `exec`, `command` and `sh -c` so the program comes first. */
function program(words: string[]): string[] {
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (
      /^[A-Za-z_][A-Za-z0-9_]*=/.test(w) ||
      ['sudo', 'env', 'exec', 'command', 'nohup'].includes(basename(w))
    ) {
      i++;
      continue;
    }
    if (SHELLS.has(basename(w))) {
      const c = words.indexOf('-c', i + 1);
      if (c > 0) {
        i = c + 1;
        continue;
      }
    }
    break;
  }
  return words.slice(i);
}

/** Options that take a separate value, per package tool, so the sub-command is found after them. */
const VALUE_OPTS: Record<string, string[]> = {
  'apt-get': ['-o', '-c', '-t', '--target-release'],
  apt: ['-o', '-c', '-t'],
  apk: ['-X', '--repository', '-p', '--root', '--arch'],
  yum: ['-c', '--setopt', '--enablerepo', '--disablerepo', '--installroot', '-d', '-e'],
  dnf: ['-c', '--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever'],
  microdnf: ['--setopt', '--enablerepo', '--disablerepo'],
  zypper: ['--root', '-R'],
};

export interface PackageOp {
  tool: string;
  sub: string;
  kind: 'update' | 'install';
  text: string;
}

const UPDATE_SUBS: Record<string, string[]> = {
  'apt-get': ['update'],
  apt: ['update'],
  aptitude: ['update'],
  apk: ['update'],
  yum: ['makecache', 'check-update'],
  dnf: ['makecache', 'check-update'],
  microdnf: ['makecache'],
  zypper: ['refresh', 'ref'],
};
const INSTALL_SUBS: Record<string, string[]> = {
  'apt-get': ['install', 'upgrade', 'dist-upgrade', 'full-upgrade'],
  apt: ['install', 'upgrade', 'full-upgrade', 'dist-upgrade'],
  aptitude: ['install', 'upgrade', 'safe-upgrade', 'full-upgrade'],
  apk: ['add', 'upgrade'],
  yum: ['install', 'update', 'upgrade', 'reinstall', 'groupinstall', 'localinstall'],
  dnf: ['install', 'update', 'upgrade', 'reinstall', 'distro-sync'],
  microdnf: ['install', 'update', 'upgrade', 'reinstall'],
  zypper: ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch'],
  pip: ['install'],
  pip3: ['install'],
  npm: ['install', 'i', 'ci', 'add'],
  yarn: ['add', 'install'],
  gem: ['install'],
};

/** OS package-manager operations in a shell line (apt/apk/yum/dnf/zypper, and language installers). */
export function packageOps(line: string): PackageOp[] {
  const ops: PackageOp[] = [];
  for (const words of shellCommands(line)) {
    const cmd = program(words);
    const tool = basename(cmd[0] ?? '');
    if (!(tool in UPDATE_SUBS) && !(tool in INSTALL_SUBS)) continue;
    const valueOpts = VALUE_OPTS[tool] ?? [];
    let sub = '';
    for (let i = 1; i < cmd.length; i++) {
      const w = cmd[i]!;
      if (w.startsWith('-')) {
        if (valueOpts.includes(w)) i++;
        continue;
      }
      sub = w;
      break;
    }
    // Evidence text: credentials in proxy or mirror URLs are never echoed.
    const text = cmd.join(' ').replace(/\/\/[^/\s@]+@/g, '//');
    if (UPDATE_SUBS[tool]?.includes(sub)) ops.push({ tool, sub, kind: 'update', text });
    else if (INSTALL_SUBS[tool]?.includes(sub)) ops.push({ tool, sub, kind: 'install', text });
    // `apk add --update` / `apk --update add` refreshes the index in the same command.
  }
  return ops;
}

/** Words of a container command (Cmd/Entrypoint), shell strings split further. */
export function commandWords(argv: readonly string[]): string[][] {
  return shellCommands(argv.join(' '));
}

export { basename };
