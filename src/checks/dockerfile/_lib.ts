// Shared helpers for Dockerfile checks: where a finding points, which stages matter, and reading shell
// commands by their parsed words (options bundled or long, wrappers like sudo/env stripped).
import { fail, type Outcome, pass } from '../../core/model.js';
import type {
  DockerfileFacts,
  Instruction,
  Pos,
  ShellCommand,
  ShellScript,
  ShellWord,
  Stage,
} from '../../facts/dockerfile.js';

/** `path:line:col`, the form SARIF regions and the terminal's code frames read. */
export const locOf = (df: DockerfileFacts, p: Pos): string => `${df.path}:${p.line}:${p.column}`;

/** `stage "build"` or `stage 2` (1-based) for messages and the subject's name. */
export function stageLabel(df: DockerfileFacts, stage: number): string {
  if (stage < 0) return 'global scope';
  const s = df.stages[stage];
  return s?.name ? `stage "${s.name}"` : `stage ${stage + 1}`;
}

/** One failing finding at an instruction (or at a position inside it, e.g. a shell word). */
export function finding(df: DockerfileFacts, ins: Instruction, message: string, at: Pos = ins): Outcome {
  return fail(
    { message, path: locOf(df, at) },
    // Contract key order (kind, name, path), so the JSON reporter writes it without a copy.
    { subject: { kind: 'file', name: stageLabel(df, ins.stage), path: df.path } },
  );
}

/** The findings, or one pass with `passMessage` when there are none. */
export const verdict = (found: Outcome[], passMessage: string): Outcome | Outcome[] =>
  found.length > 0 ? found : pass(passMessage);

export const finalStage = (df: DockerfileFacts): Stage | undefined => df.stages[df.finalStage];

/** The instructions of a stage, optionally only those with one of the keywords. */
export function instructionsOf(df: DockerfileFacts, stage: number, ...keywords: string[]): Instruction[] {
  const s = df.stages[stage];
  if (!s) return [];
  const all = s.instructions.map((i) => df.instructions[i] as Instruction);
  return keywords.length === 0 ? all : all.filter((i) => keywords.includes(i.keyword));
}

/**
 * The instructions whose effect reaches the final image: the final stage and the stages it is built FROM
 * (their layers are the image's lower layers), bases first.
 */
export function shippedInstructions(df: DockerfileFacts, ...keywords: string[]): Instruction[] {
  return [...df.shippedStages].reverse().flatMap((s) => instructionsOf(df, s, ...keywords));
}

export interface RunCommand {
  ins: Instruction;
  script: ShellScript;
  cmd: ShellCommand;
  /** The command with wrappers removed (sudo, env, nohup, exec, time, command, doas, xargs…). */
  eff: Effective;
}

/** Every shell command of every RUN (ONBUILD RUN included) of the given stages (default: all). */
export function runCommands(df: DockerfileFacts, stages?: readonly number[]): readonly RunCommand[] {
  const all = allRunCommands(df);
  return stages ? all.filter((r) => stages.includes(r.stage)) : all;
}

// A dozen rules walk every RUN command of a file, one file after another: listed (and their wrappers
// stripped) once per file. One entry, not a WeakMap: it holds only the file being judged.
let memoDf: DockerfileFacts | undefined;
let memoRuns: readonly (RunCommand & { stage: number })[] = [];

function allRunCommands(df: DockerfileFacts): readonly (RunCommand & { stage: number })[] {
  if (memoDf === df) return memoRuns;
  const out: (RunCommand & { stage: number })[] = [];
  for (const ins of df.instructions) {
    const target = ins.keyword === 'ONBUILD' ? ins.onbuild : ins;
    if (target?.keyword !== 'RUN' || !target.shell) continue;
    const at = target === ins ? ins : { ...target, stage: ins.stage };
    for (const cmd of target.shell.commands)
      out.push({ ins: at, script: target.shell, cmd, eff: effective(cmd), stage: ins.stage });
  }
  memoDf = df;
  memoRuns = out;
  return out;
}

export interface Effective {
  /** Base name of the program actually run (`/usr/bin/apt-get` -> `apt-get`), or null when dynamic. */
  name: string | null;
  /** Its arguments (argv without the program). */
  args: ShellWord[];
  /** The word naming the program. */
  word: ShellWord | undefined;
}

export const baseName = (s: string): string => s.slice(s.lastIndexOf('/') + 1);

/** Wrappers that run another command, with their options that take a value. */
const WRAPPERS: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '--user', '--group']),
  doas: new Set(['-u', '-C']),
  su_exec: new Set(),
  'su-exec': new Set(),
  gosu: new Set(),
  env: new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']),
  nohup: new Set(),
  exec: new Set(['-a']),
  time: new Set(['-f', '-o', '--format', '--output']),
  command: new Set(),
  builtin: new Set(),
  nice: new Set(['-n', '--adjustment']),
  ionice: new Set(['-c', '-n', '-t']),
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
  stdbuf: new Set(['-i', '-o', '-e']),
  xargs: new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args']),
  chroot: new Set(['--userspec', '--groups']),
  'run-parts': new Set(),
};

/** The program a command really runs: `sudo -u x env A=1 apt-get …` -> apt-get. */
export function effective(cmd: ShellCommand): Effective {
  let words = cmd.argv;
  for (let guard = 0; guard < 8; guard++) {
    const first = words[0];
    if (!first) return { name: null, args: [], word: undefined };
    if (first.dynamic) return { name: null, args: words.slice(1), word: first };
    const name = baseName(first.value);
    const takesValue = WRAPPERS[name];
    if (!takesValue) return { name, args: words.slice(1), word: first };
    let i = 1;
    // gosu/su-exec take a user first; timeout a duration; chroot a directory.
    const positionalFirst =
      name === 'gosu' || name === 'su-exec' || name === 'timeout' || name === 'chroot' ? 1 : 0;
    let skipPositional = positionalFirst;
    while (i < words.length) {
      const w = (words[i] as ShellWord).value;
      if (w === '--') {
        i++;
        break;
      }
      if (name === 'env' && ASSIGNMENT.test(w)) {
        i++;
        continue;
      }
      if (w.startsWith('-') && w !== '-') {
        i += takesValue.has(w) ? 2 : 1;
        continue;
      }
      if (skipPositional > 0) {
        skipPositional--;
        i++;
        continue;
      }
      break;
    }
    if (name === 'su-exec' || name === 'gosu') i = Math.max(i, 2);
    words = words.slice(i);
  }
  return { name: null, args: [], word: words[0] };
}

const ASSIGNMENT = /^\w+=/;

export interface OptionSpec {
  /** Single-letter options, e.g. ['y'] matches -y and bundles like -qy. */
  short?: string[];
  /** Long options without dashes, e.g. ['yes', 'assume-yes']; `--name=value` matches too. */
  long?: string[];
}

const LETTERS = /^[A-Za-z]+$/;

/** Whether any of the options is present (bundled short options and `--long=value` understood). */
export function hasOption(args: readonly ShellWord[], spec: OptionSpec, stopAt = '--'): boolean {
  for (const a of args) {
    const v = a.value;
    if (v === stopAt) return false;
    if (v.startsWith('--')) {
      const name = v.slice(2).split('=')[0] as string;
      if (spec.long?.includes(name)) return true;
    } else if (v.startsWith('-') && v.length > 1 && spec.short) {
      const letters = v.slice(1);
      if (LETTERS.test(letters) && spec.short.some((s) => letters.includes(s))) return true;
    }
  }
  return false;
}

/** The value of `--name=value`, `--name value`, `-x value` or `-xvalue`; undefined when absent. */
export function optionValues(args: readonly ShellWord[], spec: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = (args[i] as ShellWord).value;
    if (v === '--') break;
    if (v.startsWith('--')) {
      const [name, ...rest] = v.slice(2).split('=');
      if (!spec.long?.includes(name as string)) continue;
      if (rest.length > 0) out.push(rest.join('='));
      else if (args[i + 1]) out.push((args[++i] as ShellWord).value);
    } else if (v.startsWith('-') && v.length > 1 && spec.short?.includes(v[1] as string)) {
      if (v.length > 2) out.push(v.slice(2));
      else if (args[i + 1]) out.push((args[++i] as ShellWord).value);
    }
  }
  return out;
}

/** Words that are not options (a crude split: assumes options take no separate value unless listed). */
export function operands(args: readonly ShellWord[], valued: readonly string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as ShellWord;
    if (endOfOptions) {
      out.push(a);
      continue;
    }
    if (a.value === '--') {
      endOfOptions = true;
      continue;
    }
    if (a.value.startsWith('-') && a.value.length > 1) {
      if (valued.includes(a.value)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** The commands of one RUN, for rules that judge a RUN as a unit (e.g. update and install together). */
export const commandsOf = (ins: Instruction): ShellCommand[] => ins.shell?.commands ?? [];
