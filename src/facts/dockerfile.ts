// A Dockerfile as the checks see it: instructions with positions, stages, and every RUN's shell script
// parsed into commands. Built by src/collectors/source/dockerfile.ts; types only here.

/** 1-based line and column in the Dockerfile. */
export interface Pos {
  line: number;
  column: number;
}

/** A word of a shell command after quote removal and ARG/ENV substitution. */
export interface ShellWord extends Pos {
  /** Source text of the word (quotes and `$VAR` as written). */
  raw: string;
  /** Value after quote removal with known ARG/ENV values substituted. */
  value: string;
  /** True when the value still holds an expansion bulkhead could not resolve ($(…), unknown $VAR, globs). */
  dynamic: boolean;
}

export interface ShellAssignment extends Pos {
  name: string;
  value: string;
}

export interface ShellRedirect {
  /** `>`, `>>`, `<`, `<<`, `<<<`, `&>`, … */
  op: string;
  /** The target word's value (file name), or null (heredoc, dynamic). */
  target: string | null;
  fd: number | null;
}

/** One simple command, wherever it appears (lists, pipelines, loops, subshells, `sh -c`, `$(…)`). */
export interface ShellCommand extends Pos {
  /** argv[0]'s value when literal; null when there is no name or it is dynamic. */
  name: string | null;
  /** Every word of the command, argv[0] first. Unquoted expansions of known values are split into words. */
  argv: ShellWord[];
  /** `VAR=value` prefixes. */
  assigns: ShellAssignment[];
  redirects: ShellRedirect[];
  /** Index into ShellScript.pipelines when the command is part of a `|` pipeline, else -1. */
  pipeline: number;
  /** Position in that pipeline (0 = first). */
  pipeIndex: number;
  /** How it was reached: null at top level, else e.g. "sh -c", "$(…)", "heredoc". */
  via: string | null;
  /** Source text of the command. */
  text: string;
}

export interface ShellPipeline extends Pos {
  /** Indexes into ShellScript.commands, in pipe order. */
  commands: number[];
  text: string;
}

export interface ShellScript {
  /** Commands in source order (a command before its `$(…)` substitutions' commands). */
  commands: ShellCommand[];
  pipelines: ShellPipeline[];
  /** Parse problems (the script is still analysed as far as it parsed). */
  errors: string[];
}

export interface DockerfileFlag extends Pos {
  /** Name without the leading `--`. */
  name: string;
  /** The value after `=`, or null for a bare flag. */
  value: string | null;
}

export interface Heredoc {
  name: string;
  /** Body lines joined with \n (no trailing delimiter). */
  content: string;
  /** Position of the body's first line. */
  line: number;
  terminated: boolean;
}

export interface Instruction extends Pos {
  /** Upper-case keyword: FROM, RUN, COPY… (ONBUILD's trigger is in `onbuild`). */
  keyword: string;
  /** Index of the stage this instruction belongs to; -1 for ARGs before the first FROM. */
  stage: number;
  /** Last line of the instruction (continuations and heredocs included). */
  endLine: number;
  /** The arguments after the flags, continuations joined, heredoc bodies excluded, not yet expanded. */
  args: string;
  /** Arguments split into words as Docker does for the instruction, ARG/ENV expanded where Docker expands. */
  words: string[];
  /** Exec-form (JSON array) arguments, or null for the shell form. */
  json: string[] | null;
  flags: DockerfileFlag[];
  heredocs: Heredoc[];
  /** For RUN (and CMD/ENTRYPOINT/HEALTHCHECK in shell form): the parsed shell script. */
  shell?: ShellScript;
  /** For ONBUILD: the instruction it registers. */
  onbuild?: Instruction;
}

export interface Stage {
  index: number;
  /** The `AS name` alias (lower-case, as Docker matches it), or null. */
  name: string | null;
  /** The FROM instruction's index in DockerfileFacts.instructions. */
  from: number;
  /** Image reference as written and after global-ARG expansion. */
  image: string;
  resolvedImage: string;
  /** True when the reference still holds an unresolved variable. */
  imageDynamic: boolean;
  /** Index of the earlier stage this one builds on (`FROM builder`), or null for an image. */
  baseStage: number | null;
  platform: string | null;
  /** Indexes of this stage's instructions (FROM included). */
  instructions: number[];
  /** Stages this one copies from (`COPY --from=`, `RUN --mount=from=`). */
  copiesFrom: number[];
}

/** An inline `# bulkhead-ignore…` comment. */
export interface InlineSuppression extends Pos {
  /** next: the next instruction; stage: the stage of the next instruction; file: the whole file. */
  kind: 'next' | 'stage' | 'file';
  /** Check ids, aliases, slugs or globs as written. */
  ids: string[];
  /** The reason given after the ids ('' when missing: itself a finding). */
  reason: string;
  /** The instruction the comment applies to (next/stage), or -1 (file, or nothing follows). */
  instruction: number;
}

export interface DockerfileFacts {
  /** Path as shown to the user. */
  path: string;
  escape: '\\' | '`';
  /** Parser directives (`# syntax=`, `# escape=`, `# check=`), lower-case names. */
  directives: Record<string, string>;
  instructions: Instruction[];
  stages: Stage[];
  /** Index of the stage that is built by default (the last), or -1 when there is no FROM. */
  finalStage: number;
  /** Stages whose layers are in the final image: the final stage and the stages it is built FROM (not those it
   * only copies files from; see Stage.copiesFrom). */
  shippedStages: number[];
  suppressions: InlineSuppression[];
  /** Non-fatal problems met while parsing (the file is still judged). */
  problems: string[];
}
