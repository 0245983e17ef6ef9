// Parses a RUN's shell text with unbash (a Bash grammar parser) into our own flat ShellScript: every simple
// command wherever it sits (lists, pipelines, loops, functions, subshells, `$(…)`, `sh -c '…'`, a heredoc fed
// to a shell), with words after quote removal and ARG/ENV substitution. unbash's types stay in this file.
import {
  type CommandExpansionPart,
  forEachChild,
  type ParsedScript,
  parse,
  type Redirection,
  type SyntaxNode,
  type Word,
  type WordPart,
} from 'unbash';
import type { Pos, ShellAssignment, ShellRedirect, ShellScript, ShellWord } from '../../facts/dockerfile.js';

/** Maps an offset in the text handed to the parser to a file position. */
export type PosMap = (offset: number) => Pos;

export interface ShellParseOptions {
  /** Known variables (ARG and ENV in scope); unknown ones stay dynamic. */
  vars?: ReadonlyMap<string, string>;
  /** Maps offsets of `text` to file positions; default line 1, column offset + 1. */
  posAt?: PosMap;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);
/** Nesting deeper than this (sh -c inside sh -c …) is not followed. */
const MAX_DEPTH = 6;
/** `$(…)` inside `$(…)` deeper than this is not followed (real scripts stop at two or three). */
const MAX_SUBSTITUTION_DEPTH = 32;

interface Segment {
  text: string;
  /** An unquoted expansion's value: split on whitespace like the shell's field splitting. */
  split: boolean;
}

interface Walker {
  out: ShellScript;
  vars: ReadonlyMap<string, string>;
  source: string;
  posAt: PosMap;
}

/** The value of a Default-family operand (`${V:-word}`), or undefined when it is not known. */
function operandValue(word: Word, w: Walker): string | undefined {
  const segs: Segment[] = [];
  const state = { dynamic: false, quoted: false };
  for (const p of word.parts ?? []) partSegments(p, true, w, segs, state);
  if (!word.parts) return word.value;
  return state.dynamic ? undefined : segs.map((s) => s.text).join('');
}

/** A known variable's value after a `${V…}` operation, or undefined when it depends on run time. */
function parameterValue(p: Extract<WordPart, { type: 'ParameterExpansion' }>, w: Walker): string | undefined {
  if (p.prefix !== undefined || p.index !== undefined) return undefined;
  const known = w.vars.get(p.parameter);
  const op = p.operation;
  if (op === undefined) return known;
  if (op.type !== 'Default') return undefined;
  // A variable we do not know is taken as unset: the default applies (the common `${V:-default}` use).
  const set = known !== undefined && !(op.operator.startsWith(':') && known === '');
  switch (op.operator) {
    case '-':
    case ':-':
    case '=':
    case ':=':
      return set ? known : operandValue(op.operand, w);
    case '+':
    case ':+':
      return set ? operandValue(op.operand, w) : '';
    default:
      return set ? known : undefined;
  }
}

/** Appends a word part's text as segments; marks the word dynamic when a part is not known. */
function partSegments(
  p: WordPart,
  quoted: boolean,
  w: Walker,
  segs: Segment[],
  state: { dynamic: boolean; quoted: boolean },
): void {
  switch (p.type) {
    case 'Literal':
      state.quoted = true;
      segs.push({ text: p.value, split: false });
      return;
    case 'SingleQuoted':
    case 'AnsiCQuoted':
      state.quoted = true;
      segs.push({ text: p.value, split: false });
      return;
    case 'Glob':
    case 'ExtendedGlob':
    case 'BraceExpansion':
      state.quoted = true;
      segs.push({ text: p.text, split: false });
      return;
    case 'DoubleQuoted':
    case 'LocaleString':
      state.quoted = true;
      for (const c of p.parts) partSegments(c, true, w, segs, state);
      return;
    case 'SimpleExpansion': {
      const name = p.text.slice(1);
      const v = /^\w+$/.test(name) ? w.vars.get(name) : undefined;
      if (v === undefined) {
        state.dynamic = true;
        segs.push({ text: p.text, split: false });
      } else segs.push({ text: v, split: !quoted });
      return;
    }
    case 'ParameterExpansion': {
      const v = parameterValue(p, w);
      if (v === undefined) {
        state.dynamic = true;
        segs.push({ text: p.text, split: false });
      } else segs.push({ text: v, split: !quoted });
      return;
    }
    default:
      // $(…), `…`, $((…)), <(…): not known until run time.
      state.dynamic = true;
      segs.push({ text: p.text, split: false });
  }
}

/**
 * A word after quote removal and substitution, as the shell's field splitting makes it: unquoted known
 * expansions split into several words, and one that expands to nothing is no word at all.
 */
function wordsOf(word: Word, w: Walker): ShellWord[] {
  const pos = w.posAt(word.pos);
  if (!word.parts || word.parts.length === 0)
    return [{ raw: word.text, value: word.value, dynamic: false, ...pos }];
  const segs: Segment[] = [];
  const state = { dynamic: false, quoted: false };
  for (const p of word.parts) partSegments(p, false, w, segs, state);
  if (!segs.some((s) => s.split && /[ \t\n]/.test(s.text))) {
    const value = segs.map((s) => s.text).join('');
    if (value === '' && !state.quoted && !state.dynamic) return [];
    return [{ raw: word.text, value, dynamic: state.dynamic, ...pos }];
  }
  // Field splitting: whitespace inside unquoted expansions separates words.
  const fields: string[] = [];
  let cur = '';
  for (const s of segs) {
    if (!s.split) {
      cur += s.text;
      continue;
    }
    const pieces = s.text.split(/[ \t\n]+/);
    for (let i = 0; i < pieces.length; i++) {
      if (i > 0) {
        fields.push(cur);
        cur = '';
      }
      cur += pieces[i];
    }
  }
  fields.push(cur);
  return fields
    .filter((f) => f !== '')
    .map((value) => ({ raw: word.text, value, dynamic: state.dynamic, ...pos }));
}

function redirectOf(r: Redirection, w: Walker): ShellRedirect {
  const fd = r.descriptor?.type === 'FileDescriptor' ? r.descriptor.value : null;
  if (r.type === 'HereDoc') return { op: r.operator, target: null, fd };
  const t = r.target ? wordsOf(r.target, w)[0] : undefined;
  return { op: r.operator, target: t && !t.dynamic ? t.value : null, fd };
}

/**
 * Parses `text` as a nested script (sh -c, heredoc body) and appends its commands. `at` is where the text
 * starts in the outer script: positions go through the outer map, so they stay right across Dockerfile
 * continuations (exact for single-quoted scripts and heredoc bodies, close for double-quoted ones).
 */
function nested(text: string, via: string, at: number, end: number, w: Walker, depth: number): void {
  if (depth >= MAX_DEPTH || text.trim() === '') return;
  const sub = parseScript(text, { vars: w.vars, posAt: (o) => w.posAt(Math.min(at + o, end)) }, depth + 1);
  const offset = w.out.commands.length;
  const poffset = w.out.pipelines.length;
  for (const c of sub.commands) {
    c.via ??= via;
    if (c.pipeline >= 0) c.pipeline += poffset;
    w.out.commands.push(c);
  }
  for (const p of sub.pipelines) {
    for (let i = 0; i < p.commands.length; i++) p.commands[i] = (p.commands[i] as number) + offset;
    w.out.pipelines.push(p);
  }
  for (const e of sub.errors) w.out.errors.push(`${via}: ${e}`);
}

/** Programs that run the command in their arguments (`sudo sh -c …`, `env X=1 bash -c …`). */
const WRAPPERS = new Set([
  'sudo',
  'doas',
  'env',
  'exec',
  'nohup',
  'time',
  'command',
  'nice',
  'chroot',
  'su-exec',
  'gosu',
]);
/** Options of those wrappers that take a value in the next word. */
const WRAPPER_VALUE_OPTS = new Set([
  '-u',
  '-g',
  '-n',
  '-C',
  '-h',
  '-p',
  '-r',
  '-t',
  '-U',
  '--user',
  '--group',
]);

/** Index of the program a wrapper chain runs (0 when argv[0] is no wrapper), or -1 when there is none. */
function programIndex(argv: ShellWord[]): number {
  let i = 0;
  while (i < argv.length) {
    const word = argv[i] as ShellWord;
    const base = word.value.split('/').pop() ?? '';
    if (word.dynamic || !WRAPPERS.has(base)) return i;
    // su-exec/gosu/chroot take a user or directory before the program.
    i += base === 'su-exec' || base === 'gosu' || base === 'chroot' ? 2 : 1;
    while (i < argv.length) {
      const v = (argv[i] as ShellWord).value;
      if (v === '--') {
        i++;
        break;
      }
      if (WRAPPER_VALUE_OPTS.has(v)) i += 2;
      else if (v.startsWith('-') || (base === 'env' && /^\w+=/.test(v))) i++;
      else break;
    }
  }
  return -1;
}

/** `#!/usr/bin/env python3` and the like: a heredoc with a shebang runs that interpreter, not the shell. */
function shebangIsShell(body: string): boolean {
  if (!body.startsWith('#!')) return true;
  const nl = body.indexOf('\n');
  const words = body
    .slice(2, nl < 0 ? undefined : nl)
    .trim()
    .split(/\s+/);
  let prog = words[0] ?? '';
  if (prog.endsWith('/env'))
    prog = words.find((x, i) => i > 0 && !x.startsWith('-') && !x.includes('=')) ?? '';
  return SHELLS.has(prog.split('/').pop() ?? '');
}

function visitCommand(
  node: Extract<SyntaxNode, { type: 'Command' }>,
  w: Walker,
  via: string | null,
  pipe: { id: number; index: number },
  depth: number,
): void {
  const argv: ShellWord[] = [];
  /** The syntax word each argv entry came from (several entries when a word was field-split). */
  const from: Word[] = [];
  const add = (word: Word): void => {
    for (const x of wordsOf(word, w)) {
      argv.push(x);
      from.push(word);
    }
  };
  if (node.name) add(node.name);
  const assigns: ShellAssignment[] = [];
  const redirects: ShellRedirect[] = [];
  for (const p of node.prefix) {
    if (p.type === 'Assignment') {
      const value =
        p.value.type === 'Word'
          ? wordsOf(p.value, w)
              .map((x) => x.value)
              .join(' ')
          : '';
      assigns.push({ name: p.name, value, ...w.posAt(p.pos) });
    } else redirects.push(redirectOf(p, w));
  }
  for (const s of node.suffix) {
    if (s.type === 'Word') add(s);
    else if (s.type === 'Assignment') add({ ...s, type: 'Word', value: s.text, parts: undefined } as Word);
    else redirects.push(redirectOf(s, w));
  }
  const first = argv[0];
  const name = first && !first.dynamic ? first.value : null;
  const index = w.out.commands.length;
  w.out.commands.push({
    name,
    argv,
    assigns,
    redirects,
    pipeline: pipe.id,
    pipeIndex: pipe.index,
    via,
    text: w.source.slice(node.pos, node.end),
    ...w.posAt(node.pos),
  });
  if (pipe.id >= 0) w.out.pipelines[pipe.id]?.commands.push(index);
  // Substitutions inside the words run too.
  const visitParts = (n: SyntaxNode): void => {
    if (n.type === 'CommandExpansion' || n.type === 'ProcessSubstitution') {
      if (depth >= MAX_SUBSTITUTION_DEPTH) return;
      let script: CommandExpansionPart['script'];
      try {
        // unbash parses a substitution lazily, recursively: absurd nesting can exhaust the stack.
        script = (n as CommandExpansionPart).script;
      } catch (err) {
        w.out.errors.push(`$(…): ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      if (script && !script.source) walk(script, w, '$(…)', depth + 1);
      else if (script?.source) nested(script.source, '$(…)', n.pos + 2, n.end, w, depth);
      return;
    }
    forEachChild(n, visitParts);
  };
  forEachChild(node, visitParts);
  // A shell given a script: `sh -c '…'`, `sudo bash -ec "…"`, or a heredoc fed to it (`RUN <<EOF`,
  // `bash <<EOF`); a heredoc fed to any other program (`python3 <<EOF`, `cat <<EOF`) is data.
  const pi = argv.length === 0 ? -1 : programIndex(argv);
  const prog = pi < 0 ? undefined : argv[pi];
  const isShell = prog !== undefined && !prog.dynamic && SHELLS.has(prog.value.split('/').pop() ?? '');
  let cIdx = -1;
  if (isShell) {
    for (let i = pi + 1; i < argv.length; i++) {
      const v = (argv[i] as ShellWord).value;
      if (/^-[a-z]*c[a-z]*$/.test(v)) {
        cIdx = i;
        break;
      }
      if (!v.startsWith('-') && !v.startsWith('+')) break;
      if (v === '-o' || v === '+o') i++;
    }
    const script = cIdx > 0 ? argv[cIdx + 1] : undefined;
    const src = cIdx > 0 ? (from[cIdx + 1] as Word | undefined) : undefined;
    const via = `${prog?.value.split('/').pop()} -c`;
    // A script in one pair of quotes is parsed from its source text, so positions stay exact and `$VAR`
    // inside it is expanded by the nested parse (same values); with backslashes the outer shell's unescaping
    // matters, so the unquoted value is parsed instead.
    const quoted = src ? /^(?:'[^']*'|"[^"\\]*")$/.test(src.text) : false;
    if (src && quoted) nested(src.text.slice(1, -1), via, src.pos + 1, src.end - 1, w, depth);
    else if (src && script && !script.dynamic) {
      const at = src.pos + (/^['"]/.test(src.text) ? 1 : 0);
      nested(script.value, via, at, src.end, w, depth);
    }
  }
  if (argv.length === 0 || (isShell && cIdx < 0)) {
    for (const r of [...node.prefix, ...node.suffix]) {
      if (r.type !== 'HereDoc') continue;
      const body = r.body.text;
      if (argv.length === 0 && !shebangIsShell(body)) continue;
      nested(body, 'heredoc', r.body.pos, r.body.end, w, depth);
    }
  }
}

function walk(root: SyntaxNode, w: Walker, via: string | null, depth: number): void {
  const visit = (n: SyntaxNode, pipe: { id: number; index: number }): void => {
    switch (n.type) {
      case 'Command':
        visitCommand(n, w, via, pipe, depth);
        return;
      case 'Pipeline': {
        const id = w.out.pipelines.length;
        w.out.pipelines.push({ commands: [], text: w.source.slice(n.pos, n.end), ...w.posAt(n.pos) });
        n.commands.forEach((c, index) => {
          visit(c, { id, index });
        });
        return;
      }
      default:
        forEachChild(n, (c) => visit(c, pipe));
    }
  };
  visit(root, { id: -1, index: 0 });
}

/** Parses shell text into a flat list of commands. Never throws. */
export function parseScript(text: string, opts: ShellParseOptions = {}, depth = 0): ShellScript {
  const out: ShellScript = { commands: [], pipelines: [], errors: [] };
  const posAt = opts.posAt ?? ((o: number) => ({ line: 1, column: o + 1 }));
  let ast: ParsedScript;
  try {
    ast = parse(text);
  } catch (err) {
    out.errors.push(`cannot parse: ${err instanceof Error ? err.message : String(err)}`);
    return out;
  }
  for (const e of ast.errors ?? []) {
    const p = posAt(e.pos);
    out.errors.push(`${p.line}:${p.column}: ${e.message}`);
  }
  walk(ast, { out, vars: opts.vars ?? new Map(), source: text, posAt }, null, depth);
  return out;
}
