// What the final image runs with (user, command, shell) after inheritance through base stages, for the
// identity and runtime-default rules of group a.
import type { DockerfileFacts, Instruction, Stage } from '../../facts/dockerfile.js';
import { shippedInstructions } from './_lib.js';

export interface FinalUser {
  ins: Instruction;
  /** The user part of `USER user[:group]`, after ARG/ENV expansion. */
  user: string;
  /** Still holds a variable Docker would only know at build time. */
  dynamic: boolean;
}

const VAR = /\$(?:\w|\{)/;

/** The USER in effect in the final image, or null when no shipped stage sets one (the image default). */
export function finalUser(df: DockerfileFacts): FinalUser | null {
  const users = shippedInstructions(df, 'USER');
  const ins = users[users.length - 1];
  if (!ins) return null;
  const spec = ins.words.join(' ').trim();
  const user = spec.split(':')[0] as string;
  return { ins, user, dynamic: VAR.test(user) };
}

/** `USER app`, or `USER ${UID} (= 0)` when ARG/ENV expansion changed it. */
export function userText(u: FinalUser): string {
  const expanded = u.ins.words.join(' ');
  return expanded === u.ins.args ? `USER ${u.ins.args}` : `USER ${u.ins.args} (= ${expanded})`;
}

export const isRootUser = (user: string): boolean => user === 'root' || /^0+$/.test(user);

/** The last instruction of a keyword across the shipped stages (the one Docker keeps), or undefined. */
export function lastShipped(df: DockerfileFacts, keyword: string): Instruction | undefined {
  const all = shippedInstructions(df, keyword);
  return all[all.length - 1];
}

/** The SHELL in effect for an instruction: the stage's last earlier SHELL, else its base stage's. */
export function shellAt(df: DockerfileFacts, ins: Instruction): string[] | null {
  let stage: number | null = ins.stage;
  let before = ins.line;
  while (stage !== null && stage >= 0) {
    const s: Stage | undefined = df.stages[stage];
    if (!s) return null;
    for (let k = s.instructions.length - 1; k >= 0; k--) {
      const i = df.instructions[s.instructions[k] as number] as Instruction;
      if (i.keyword === 'SHELL' && i.line < before && i.json) return i.json;
    }
    stage = s.baseStage;
    before = Number.POSITIVE_INFINITY;
  }
  return null;
}

/** Names declared by ARG anywhere in the file (values of undeclared `$X` come from the run, not the build). */
export function argNames(df: DockerfileFacts): Set<string> {
  const out = new Set<string>();
  for (const i of df.instructions) {
    if (i.keyword !== 'ARG') continue;
    for (const w of i.args.split(/\s+/)) {
      const name = w.split('=')[0] as string;
      if (/^\w+$/.test(name)) out.add(name);
    }
  }
  return out;
}
