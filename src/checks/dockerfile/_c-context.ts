// Group c: what surrounds a package command — the rest of its RUN (cleanup, cache mounts, exported
// variables), the stages it builds on, and configuration written by earlier instructions.
import type { DockerfileFacts, Instruction, ShellCommand, ShellWord } from '../../facts/dockerfile.js';
import { type PkgCommand, packageCommands } from './_c-packages.js';
import { baseName, effective } from './_lib.js';

/** A stage and the stages it is built FROM, the stage itself first. */
export function chainOf(df: DockerfileFacts, stage: number): number[] {
  const out: number[] = [];
  for (
    let s: number | null = stage;
    s !== null && s >= 0 && !out.includes(s);
    s = df.stages[s]?.baseStage ?? null
  )
    out.push(s);
  return out;
}

/** Stages whose whole filesystem is the final image's (the final stage and its bases; not copy sources). */
export const finalChain = (df: DockerfileFacts): number[] =>
  df.finalStage < 0 ? [] : chainOf(df, df.finalStage);

/** Indexes (into df.instructions) of the instructions that run before `index` in the same build chain. */
export function* before(df: DockerfileFacts, index: number): Generator<number> {
  const ins = df.instructions[index];
  if (!ins) return;
  for (const s of chainOf(df, ins.stage)) {
    const list = df.stages[s]?.instructions ?? [];
    for (const i of list) if (i < index) yield i;
  }
}

/** Targets of `RUN --mount=type=cache|tmpfs,target=…`: what they hold never lands in the layer. */
export function volatileMounts(ins: Instruction): string[] {
  const out: string[] = [];
  for (const f of ins.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    let type = 'bind';
    let target: string | null = null;
    for (const kv of f.value.split(',')) {
      const eq = kv.indexOf('=');
      const k = eq < 0 ? kv : kv.slice(0, eq);
      const v = eq < 0 ? '' : kv.slice(eq + 1);
      if (k === 'type') type = v;
      else if (k === 'target' || k === 'dst' || k === 'destination') target = v.replace(/\/+$/, '');
    }
    if (target && (type === 'cache' || type === 'tmpfs')) out.push(target);
  }
  return out;
}

/** Whether a mount covers `dir` (the mount is `dir` or one of its parents). */
export const mounted = (ins: Instruction, ...dirs: string[]): boolean =>
  volatileMounts(ins).some((m) => dirs.some((d) => d === m || d.startsWith(`${m}/`)));

const RECURSIVE = /^-[a-zA-Z]*[rR]/;
const HOME = /^(?:~|\$HOME|\$\{HOME\})(?=\/|$)/;

/** `~/.cache` and `$HOME/.cache` as root's (the home pip and friends use during builds by default). */
const home = (v: string): string => v.replace(HOME, '/root');

/**
 * Whether a command deletes something under one of the directories: `rm -rf /var/lib/apt/lists/*`,
 * `rm -r /var/cache/apk`, `find /var/cache/dnf -delete`.
 */
export function deletes(cmd: ShellCommand, dirs: readonly string[]): boolean {
  const eff = effective(cmd);
  if (eff.name === 'rm') {
    // Deleting the directory, something inside it, or a parent of it.
    const under = (v: string) => dirs.some((d) => v === d || v.startsWith(`${d}/`) || d.startsWith(`${v}/`));
    // `rm -f dir/*` empties the files of a directory; that is what the caches hold.
    return eff.args.some((w) => !w.value.startsWith('-') && under(home(w.value).replace(/\/\*?$/, '')));
  }
  if (eff.name === 'find') {
    const root = eff.args[0]?.value.replace(/\/+$/, '') ?? '';
    const del = eff.args.some((w) => w.value === '-delete' || w.value === '-exec');
    return del && dirs.some((d) => root === d || root.startsWith(`${d}/`));
  }
  return false;
}

export const recursive = (cmd: ShellCommand): boolean =>
  effective(cmd).args.some((w) => RECURSIVE.test(w.value));

/** The commands of the RUN a package command belongs to. */
export const siblings = (pc: PkgCommand): readonly ShellCommand[] => pc.ins.shell?.commands ?? [];

/** The package commands of the same RUN. */
export const samePkgRun = (df: DockerfileFacts, pc: PkgCommand): PkgCommand[] =>
  packageCommands(df).filter((o) => o.index === pc.index);

const BOOL = /^(?:1|0|y|n|yes|no|t|f|true|false|on|off)$/i;

function strip(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.endsWith(v[0] as string) ? v.slice(1, -1) : v;
}

/** The value an ENV/ARG instruction gives `name`, or undefined when it does not set it. */
function declared(ins: Instruction, name: string): string | undefined {
  if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') return undefined;
  const w = ins.words;
  if (ins.keyword === 'ENV' && w.length >= 2 && w[0] === name && !(w[0] as string).includes('='))
    return strip(w.slice(1).join(' '));
  for (const x of w) if (x.startsWith(`${name}=`)) return strip(x.slice(name.length + 1));
  return undefined;
}

/**
 * Whether the environment of a package command sets `name` to a value pip reads as a boolean: from ENV/ARG
 * earlier in its build chain, `export` earlier in its RUN, a `NAME=v cmd` prefix or `env NAME=v cmd`.
 */
export function envBool(df: DockerfileFacts, pc: PkgCommand, name: string): boolean {
  const ok = (v: string | undefined) => v !== undefined && BOOL.test(v);
  if (pc.cmd.assigns.some((a) => a.name === name && ok(a.value))) return true;
  const prefix = `${name}=`;
  if (pc.cmd.argv.some((w) => w.value.startsWith(prefix) && ok(w.value.slice(prefix.length)))) return true;
  const cmds = siblings(pc);
  for (let k = 0; k < pc.cmdIndex && k < cmds.length; k++) {
    const c = cmds[k] as ShellCommand;
    if (c.argv.length === 0 && c.assigns.some((a) => a.name === name && ok(a.value))) return true;
    if (
      c.name === 'export' &&
      c.argv.some((w) => w.value.startsWith(prefix) && ok(w.value.slice(prefix.length)))
    )
      return true;
  }
  for (const i of before(df, pc.index))
    if (ok(declared(df.instructions[i] as Instruction, name))) return true;
  return false;
}

/** Text written to a file by a command, when it is visible: `echo '…' > f`, `printf … >> f`, `echo … | tee f`. */
function written(
  cmd: ShellCommand,
  all: readonly ShellCommand[],
  k: number,
): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const eff = effective(cmd);
  if (eff.name !== 'echo' && eff.name !== 'printf') return out;
  const text = eff.args
    .filter((w) => !/^-[neE]+$/.test(w.value))
    .map((w) => w.value)
    .join(' ');
  for (const r of cmd.redirects)
    if ((r.op === '>' || r.op === '>>') && r.target) out.push({ file: r.target, text });
  if (cmd.pipeline >= 0) {
    const next = all[k + 1];
    if (next && next.pipeline === cmd.pipeline && baseName(effective(next).name ?? '') === 'tee')
      for (const w of effective(next).args) if (!w.value.startsWith('-')) out.push({ file: w.value, text });
  }
  return out;
}

export interface ConfigSeen {
  /** Configuration text we could read. */
  text: string;
  /** A file was copied or generated in a way we cannot read (COPY from the context, `cat <<EOF > f`). */
  opaque: boolean;
}

/**
 * Configuration written to files under one of `dirs` before the package command (earlier in its RUN or by
 * earlier instructions of its build chain): echo/printf redirects, `| tee`, and COPY/ADD heredocs.
 */
export function configBefore(df: DockerfileFacts, pc: PkgCommand, dirs: readonly string[]): ConfigSeen {
  const seen: ConfigSeen = { text: '', opaque: false };
  const inDir = (f: string) =>
    dirs.some((d) => f === d || f.startsWith(d.endsWith('/') ? d : `${d}/`) || f.startsWith(d));
  const scan = (cmds: readonly ShellCommand[], upto: number) => {
    for (let k = 0; k < upto && k < cmds.length; k++) {
      const c = cmds[k] as ShellCommand;
      for (const w of written(c, cmds, k)) if (inDir(w.file)) seen.text += `${w.text}\n`;
      if (effective(c).name === 'cat' && c.redirects.some((r) => r.target && inDir(r.target)))
        seen.opaque = true;
    }
  };
  scan(siblings(pc), pc.cmdIndex);
  for (const i of before(df, pc.index)) {
    const ins = df.instructions[i] as Instruction;
    if (ins.keyword === 'RUN' && ins.shell) scan(ins.shell.commands, ins.shell.commands.length);
    else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.words.length > 0) {
      const dest = ins.words[ins.words.length - 1] as string;
      if (!inDir(dest) && !dirs.some((d) => d.startsWith(dest.replace(/\/?$/, '/')))) continue;
      if (ins.heredocs.length > 0) for (const h of ins.heredocs) seen.text += `${h.content}\n`;
      else seen.opaque = true;
    }
  }
  return seen;
}

/** The word to point at: the first of the given words, else the program's word, else the command. */
export const at = (pc: PkgCommand, words: readonly ShellWord[] = []): ShellWord | ShellCommand =>
  words[0] ?? pc.eff.word ?? pc.cmd;
