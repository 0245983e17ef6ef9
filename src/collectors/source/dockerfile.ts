// Reads a Dockerfile into DockerfileFacts. The scanner follows BuildKit's own parser (moby/buildkit
// frontend/dockerfile/parser) line by line: parser directives, comments, escape+newline continuations with
// comment and blank lines dropped, heredocs (`<<EOF`, `<<-EOF`, quoted) on RUN/COPY/ADD, and builder flags.
// On top: ARG/ENV expansion as Docker does it, stages and what they copy, and every RUN's shell script
// parsed by a Bash grammar (./shell.ts). It keeps source offsets for every character it joins, so
// positions of flags and of shell commands point into the file even across continuations and heredocs.
// (dockerfile-ast was used before: its getters re-parse arguments on every call, which cost more than the
// rest of the work together, and it departs from BuildKit on `c:\\` continuations and `<< EOF`.)
import type {
  DockerfileFacts,
  DockerfileFlag,
  Heredoc,
  InlineSuppression,
  Instruction,
  Pos,
  Stage,
} from '../../facts/dockerfile.js';
import { type PosMap, parseScript } from './shell.js';

/** A file bulkhead cannot judge: binary, empty, or one Docker itself would refuse to build. */
export class DockerfileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** Instructions whose arguments Docker expands with ARG/ENV values (RUN/CMD/ENTRYPOINT are the shell's job). */
const EXPANDED = new Set([
  'ADD',
  'COPY',
  'ENV',
  'EXPOSE',
  'FROM',
  'LABEL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
  'ARG',
]);
/** Instructions Docker reads as one word (the whole argument string). */
const SINGLE_WORD = new Set(['USER', 'WORKDIR', 'STOPSIGNAL']);
const KEY_VALUE = new Set(['ENV', 'ARG', 'LABEL']);
const SHELL_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const KEYWORDS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
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
const POSIX_SHELLS = /(^|[/\\])(sh|bash|ash|dash|zsh|ksh|mksh|busybox)$/;
/** BuildKit's directive pattern; only these names are directives, anything else ends the directive block. */
const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
/** BuildKit's heredoc word: optional fd, `<<`, optional `-`, a non-empty name (`<< EOF` is no heredoc). */
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]+)$/;

interface Text {
  src: string;
  lineStarts: number[];
}

function indexLines(src: string): Text {
  const lineStarts = [0];
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return { src, lineStarts };
}

function posOf(t: Text, offset: number): Pos {
  const ls = t.lineStarts;
  let lo = 0;
  let hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((ls[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (ls[lo] as number) + 1 };
}

/**
 * A logical line: physical pieces joined after continuations. `segs` holds pairs (offset in `text`,
 * offset in the source) where each piece starts; characters inside a piece are contiguous in the source.
 */
interface Logical {
  text: string;
  segs: number[];
}

function srcOffset(l: Logical, o: number): number {
  const s = l.segs;
  let lo = 0;
  let hi = (s.length >> 1) - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((s[mid * 2] as number) <= o) lo = mid;
    else hi = mid - 1;
  }
  return (s[lo * 2 + 1] as number) + (o - (s[lo * 2] as number));
}

export interface ExpandResult {
  value: string;
  /** A variable was unknown (a build arg without default, a predefined platform ARG…). */
  dynamic: boolean;
}

const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57);

/**
 * Docker's word processing (its shell-like lexer, not a shell): `$V`, `${V}`, `${V:-w}`, `${V-w}`,
 * `${V:+w}`, `${V+w}`, `${V:?w}`; single quotes are literal, double quotes allow `$`, the escape character
 * quotes the next character. `quotes: false` keeps quotes and escapes as written (expansion only).
 */
export function expandVars(
  s: string,
  vars: ReadonlyMap<string, string>,
  esc = '\\',
  quotes = false,
): ExpandResult {
  if (!s.includes('$') && !(quotes && (s.includes("'") || s.includes('"') || s.includes(esc))))
    return { value: s, dynamic: false };
  let out = '';
  let dynamic = false;
  let dq = false;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const ch = s[i] as string;
    if (ch === esc) {
      const next = s[i + 1];
      if (next === undefined) {
        if (!quotes) out += ch;
        continue;
      }
      if (!quotes) {
        // Only `\$` is unescaped by expansion alone; anything else stays as written.
        out += next === '$' ? '$' : ch + next;
        i++;
        continue;
      }
      if (dq && next !== '"' && next !== '$' && next !== esc) {
        out += ch;
        continue;
      }
      out += next;
      i++;
      continue;
    }
    if (quotes && ch === "'" && !dq) {
      const close = s.indexOf("'", i + 1);
      out += close < 0 ? s.slice(i + 1) : s.slice(i + 1, close);
      i = close < 0 ? n : close;
      continue;
    }
    if (quotes && ch === '"') {
      dq = !dq;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      continue;
    }
    if (s[i + 1] === '{') {
      const close = s.indexOf('}', i + 2);
      if (close < 0) {
        out += s.slice(i);
        break;
      }
      const body = s.slice(i + 2, close);
      const m = /^(\w+)(?:(:?[-+?])(.*))?$/s.exec(body);
      if (!m) {
        dynamic = true;
        out += s.slice(i, close + 1);
      } else {
        const name = m[1] as string;
        const op = m[2];
        const word = m[3] ?? '';
        const v = vars.get(name);
        const set = v !== undefined && !(op?.startsWith(':') && v === '');
        if (op === undefined) {
          if (v === undefined) {
            dynamic = true;
            out += s.slice(i, close + 1);
          } else out += v;
        } else if (op.endsWith('-')) {
          if (set) out += v;
          else {
            const inner = expandVars(word, vars, esc, quotes);
            dynamic ||= inner.dynamic;
            out += inner.value;
          }
        } else if (op.endsWith('?')) {
          if (set) out += v;
          else {
            dynamic = true;
            out += s.slice(i, close + 1);
          }
        } else if (set) {
          const inner = expandVars(word, vars, esc, quotes);
          dynamic ||= inner.dynamic;
          out += inner.value;
        }
      }
      i = close;
      continue;
    }
    let j = i + 1;
    if (j < n && isNameStart(s.charCodeAt(j))) {
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
    }
    if (j === i + 1) {
      out += '$';
      continue;
    }
    const name = s.slice(i + 1, j);
    const v = vars.get(name);
    if (v === undefined) {
      dynamic = true;
      out += `$${name}`;
    } else out += v;
    i = j - 1;
  }
  return { value: out, dynamic };
}

/** Exec form: a JSON array of strings, or null. */
function jsonForm(args: string): string[] | null {
  if (args.charCodeAt(0) !== 91 /* [ */) return null;
  try {
    const v = JSON.parse(args) as unknown;
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  } catch {
    return null;
  }
}

/** Splits on blanks outside quotes, keeping quotes and escapes in the words (BuildKit's parseWords). */
function quotedWords(args: string, esc: string): string[] {
  const words: string[] = [];
  let cur = '';
  let quote = '';
  let inWord = false;
  for (let i = 0; i < args.length; i++) {
    const ch = args[i] as string;
    if (quote) {
      if (ch === esc && quote === '"' && i + 1 < args.length) {
        cur += ch + args[++i];
        continue;
      }
      if (ch === quote) quote = '';
      cur += ch;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === esc && i + 1 < args.length) {
      cur += ch + args[++i];
      continue;
    }
    cur += ch;
  }
  if (inWord) words.push(cur);
  return words;
}

/** `a=b c="d e"` (and, for ENV/LABEL, legacy `k v w`) as raw name/value pairs; values not yet processed. */
function keyValues(args: string, esc: string, legacy: boolean): { name: string; value: string | null }[] {
  const words = quotedWords(args, esc);
  const first = words[0];
  if (legacy && first !== undefined && words.length >= 2 && !first.includes('=')) {
    // Legacy `ENV name value with spaces`: the rest of the line, as written.
    const rest = args.slice(args.indexOf(first) + first.length).trim();
    return [{ name: first, value: rest }];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? { name: w, value: null } : { name: w.slice(0, eq), value: w.slice(eq + 1) };
  });
}

interface ParsedFlag {
  name: string;
  value: string | null;
  at: number;
}

/** BuildKit's extractBuilderFlags: leading `--name[=value]` words (quotes removed); `--` ends them. */
function builderFlags(text: string, from: number): { flags: ParsedFlag[]; rest: number } {
  const flags: ParsedFlag[] = [];
  let i = from;
  const n = text.length;
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= n || text[i] !== '-' || text[i + 1] !== '-') return { flags, rest: i };
    const at = i;
    let word = '';
    let quote = '';
    for (; i < n; i++) {
      const ch = text[i] as string;
      if (quote) {
        if (ch === quote) quote = '';
        else if (ch === '\\' && i + 1 < n) word += text[++i];
        else word += ch;
        continue;
      }
      if (ch === ' ' || ch === '\t') break;
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '\\' && i + 1 < n) word += text[++i];
      else word += ch;
    }
    if (word === '--') return { flags, rest: i };
    const eq = word.indexOf('=');
    flags.push({
      name: eq < 0 ? word.slice(2) : word.slice(2, eq),
      value: eq < 0 ? null : word.slice(eq + 1),
      at,
    });
  }
}

interface RawHeredoc {
  name: string;
  chomp: boolean;
}

/** Heredoc words of a RUN/COPY/ADD line, as BuildKit finds them (whole words only, quotes honoured). */
function heredocWords(args: string): RawHeredoc[] {
  if (!args.includes('<<')) return [];
  const out: RawHeredoc[] = [];
  // BuildKit looks for heredocs with a backslash lexer whatever the escape directive says.
  for (const w of quotedWords(args, '\\')) {
    const m = HEREDOC_WORD.exec(w);
    if (!m) continue;
    const name = expandVars(m[3] as string, new Map(), '\\', true).value;
    if (name !== '') out.push({ name, chomp: m[2] === '-' });
  }
  return out;
}

interface Scope {
  /** Global ARGs (before the first FROM) with their defaults. */
  globals: Map<string, string>;
  /** Variables visible to the current stage: its ARGs and ENVs. */
  vars: Map<string, string>;
  /** Names set by ENV in this stage (or its base): a later ARG of the same name does not override them. */
  envs: Set<string>;
  /** SHELL of the stage, or null for the default `/bin/sh -c`. */
  shell: string[] | null;
}

export interface ParseDockerfileOptions {
  /** Build args as given to `docker build --build-arg` (override ARG defaults). */
  buildArgs?: Record<string, string>;
}

const SUPPRESSION = /^#\s*bulkhead-ignore(-next|-stage|-file)?(?:\s+|$)(\S*)\s*(.*)$/;

/** A raw instruction found by the scanner, before any meaning is given to it. */
interface RawInstruction {
  line: Logical;
  /** Offset of the keyword in the source. */
  start: number;
  /** Offset just past the instruction's last character (continuations and heredoc bodies included). */
  end: number;
  heredocs: Heredoc[];
  /** Source offsets of the heredoc section: after the command line, through the last delimiter line. */
  bodyStart: number;
}

/** Parses a Dockerfile. Throws DockerfileError only for files that cannot be judged at all. */
export function parseDockerfile(
  path: string,
  src: string,
  opts: ParseDockerfileOptions = {},
): DockerfileFacts {
  if (src.includes('\0')) throw new DockerfileError('binary file (NUL bytes), not a Dockerfile');
  if (src.charCodeAt(0) === 0xfeff) src = src.slice(1);
  const t = indexLines(src);
  const ls = t.lineStarts;
  const nLines = ls.length;
  /** End of physical line i, before `\r\n` / `\n`. */
  const lineEnd = (i: number): number => {
    let e = i + 1 < nLines ? (ls[i + 1] as number) - 1 : src.length;
    if (e > (ls[i] as number) && src.charCodeAt(e - 1) === 13) e--;
    return e;
  };

  const directives: Record<string, string> = {};
  const problems: string[] = [];
  let esc: '\\' | '`' = '\\';
  const comments: number[] = [];
  const raws: RawInstruction[] = [];

  // 1. Parser directives: only at the very top; a blank line, a comment, an unknown directive or an
  // instruction ends them.
  let li = 0;
  for (; li < nLines; li++) {
    const s = ls[li] as number;
    const phys = src.slice(s, lineEnd(li));
    const m = DIRECTIVE.exec(phys);
    if (!m) break;
    const name = (m[1] as string).toLowerCase();
    if (!KNOWN_DIRECTIVES.has(name)) break;
    const value = m[2] as string;
    if (name in directives) {
      problems.push(`${li + 1}:1: only one ${name} parser directive can be used (Docker refuses the file)`);
      continue;
    }
    directives[name] = value;
    if (name === 'escape') {
      if (value === '`' || value === '\\') esc = value;
      else problems.push(`${li + 1}:1: invalid escape directive '${value}': must be \` or \\`);
    }
  }

  // 2. Instructions.
  const blank = (c: number): boolean => c === 32 || c === 9;
  /** Index of the continuation escape at the end of [s, e), or -1. */
  const continuation = (s: number, e: number): number => {
    let k = e - 1;
    while (k >= s && blank(src.charCodeAt(k))) k--;
    return k >= s && src[k] === esc ? k : -1;
  };
  while (li < nLines) {
    const s = ls[li] as number;
    const e = lineEnd(li);
    let k = s;
    while (k < e && blank(src.charCodeAt(k))) k++;
    if (k >= e) {
      li++;
      continue;
    }
    if (src.charCodeAt(k) === 35 /* # */) {
      comments.push(k);
      li++;
      continue;
    }
    const start = k;
    let text = '';
    const segs: number[] = [];
    let pieceStart = k;
    let pieceEnd = e;
    let end = e;
    for (;;) {
      const c = continuation(pieceStart, pieceEnd);
      segs.push(text.length, pieceStart);
      text += src.slice(pieceStart, c < 0 ? pieceEnd : c);
      end = pieceEnd;
      li++;
      if (c < 0) break;
      // Continuation: comment lines and blank lines that follow are dropped, as BuildKit does.
      let found = false;
      while (li < nLines) {
        const ps = ls[li] as number;
        const pe = lineEnd(li);
        let q = ps;
        while (q < pe && blank(src.charCodeAt(q))) q++;
        if (q >= pe) {
          li++;
          continue;
        }
        if (src.charCodeAt(q) === 35) {
          comments.push(q);
          li++;
          continue;
        }
        pieceStart = ps;
        pieceEnd = pe;
        found = true;
        break;
      }
      if (!found) break;
    }
    const line: Logical = { text, segs };
    const raw: RawInstruction = { line, start, end, heredocs: [], bodyStart: end };
    // Heredocs: the body lines follow the instruction verbatim, up to each delimiter line in turn.
    const kwEnd = text.search(/[ \t]|$/);
    if (HEREDOC_KEYWORDS.has(text.slice(0, kwEnd).toUpperCase())) {
      for (const h of heredocWords(text.slice(kwEnd))) {
        const bodyLine = li;
        const lines: string[] = [];
        let terminated = false;
        while (li < nLines) {
          const ps = ls[li] as number;
          let phys = src.slice(ps, lineEnd(li));
          li++;
          if (h.chomp) phys = phys.replace(/^\t+/, '');
          if (phys === h.name) {
            terminated = true;
            break;
          }
          lines.push(phys);
        }
        if (!terminated) {
          const p = posOf(t, start);
          throw new DockerfileError(`unterminated heredoc <<${h.name}`, p.line, p.column);
        }
        raw.end = lineEnd(li - 1);
        raw.heredocs.push({ name: h.name, content: lines.join('\n'), line: bodyLine + 1, terminated });
      }
    }
    raws.push(raw);
  }
  if (raws.length === 0)
    throw new DockerfileError(
      src.trim() === ''
        ? 'empty file: Docker refuses an empty Dockerfile'
        : 'no instructions (only comments): Docker refuses this file',
    );

  const facts: DockerfileFacts = {
    path,
    escape: esc,
    directives,
    instructions: [],
    stages: [],
    finalStage: -1,
    shippedStages: [],
    suppressions: [],
    problems,
  };
  const buildArgs = new Map(Object.entries(opts.buildArgs ?? {}));
  const scope: Scope = { globals: new Map(), vars: new Map(), envs: new Set(), shell: null };
  const stageByName = new Map<string, number>();
  const stageScope = new Map<
    number,
    { vars: Map<string, string>; envs: Set<string>; shell: string[] | null }
  >();

  const expandWord = (w: string, vars: ReadonlyMap<string, string>): string =>
    expandVars(w, vars, esc, true).value;

  /** Builds an Instruction from the logical line at text offset `from` (ONBUILD's trigger starts later). */
  const build = (raw: RawInstruction, from: number, stage: number, trigger: boolean): Instruction => {
    const { line } = raw;
    const { text } = line;
    let kwEnd = from;
    while (kwEnd < text.length && text[kwEnd] !== ' ' && text[kwEnd] !== '\t') kwEnd++;
    const keyword = text.slice(from, kwEnd).toUpperCase();
    const fl = builderFlags(text, kwEnd);
    const flags: DockerfileFlag[] = fl.flags.map((f) => ({
      name: f.name,
      value: f.value,
      ...posOf(t, srcOffset(line, f.at)),
    }));
    let argStart = fl.rest;
    while (argStart < text.length && (text[argStart] === ' ' || text[argStart] === '\t')) argStart++;
    let argEnd = text.length;
    while (argEnd > argStart && (text[argEnd - 1] === ' ' || text[argEnd - 1] === '\t')) argEnd--;
    const args = text.slice(argStart, argEnd);
    const json = jsonForm(args);
    const p = posOf(t, srcOffset(line, from));
    const vars = stage < 0 || keyword === 'FROM' ? scope.globals : scope.vars;
    let words: string[];
    if (json)
      words = EXPANDED.has(keyword) && !trigger ? json.map((w) => expandVars(w, vars, esc).value) : json;
    else if (trigger || !EXPANDED.has(keyword)) words = args.split(/[ \t]+/).filter((w) => w !== '');
    else if (KEY_VALUE.has(keyword))
      words = keyValues(args, esc, keyword !== 'ARG').map((kv) =>
        kv.value === null ? kv.name : `${kv.name}=${expandWord(kv.value, vars)}`,
      );
    else if (SINGLE_WORD.has(keyword)) words = args === '' ? [] : [expandWord(args, vars)];
    else
      words = args
        .split(/[ \t]+/)
        .filter((w) => w !== '')
        .map((w) => expandWord(w, vars));
    const ins: Instruction = {
      keyword,
      stage,
      ...p,
      endLine: posOf(t, Math.max(raw.start, raw.end - 1)).line,
      args,
      words,
      json,
      flags,
      heredocs: trigger ? [] : raw.heredocs,
    };
    if (keyword === 'ONBUILD' && !trigger && argStart < argEnd)
      ins.onbuild = build(raw, argStart, stage, true);
    if (SHELL_FORM.has(keyword)) {
      const shell = scope.shell;
      const posix = shell === null || POSIX_SHELLS.test(shell[0] ?? '');
      // HEALTHCHECK [flags] CMD command: the command is what runs in a shell; NONE runs nothing.
      let cmdStart = argStart;
      if (keyword === 'HEALTHCHECK') {
        const m = /^cmd(?:[ \t]+|$)/i.exec(args);
        cmdStart = m ? argStart + m[0].length : -1;
      }
      const cmd = cmdStart < 0 ? '' : text.slice(cmdStart, argEnd);
      const cmdJson = keyword === 'HEALTHCHECK' ? jsonForm(cmd) : json;
      if (posix && cmdStart >= 0 && cmd !== '' && (keyword === 'RUN' || !cmdJson)) {
        let script: string;
        let posAt: PosMap;
        if (cmdJson) {
          // Exec form runs no shell, unless the program is one (`["sh", "-c", "…"]`).
          script = cmdJson.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
          posAt = () => p;
        } else {
          script = cmd;
          // Heredoc bodies follow the command line in the shell's input, as BuildKit hands them over.
          if (raw.heredocs.length > 0) {
            const rest = src.slice(raw.bodyStart, raw.end);
            script += rest.includes('\r') ? rest.replace(/\r\n/g, '\n') : rest;
          }
          const cmdLen = argEnd - cmdStart;
          const crlf = raw.heredocs.length > 0 && src.slice(raw.bodyStart, raw.end).includes('\r');
          posAt = (o) => {
            if (o < cmdLen) return posOf(t, srcOffset(line, cmdStart + o));
            if (!crlf) return posOf(t, raw.bodyStart + (o - cmdLen));
            // CRLF bodies: count lines in the normalised text instead of offsets.
            const body = script.slice(cmdLen, o);
            const nl = body.lastIndexOf('\n');
            const first = posOf(t, raw.bodyStart);
            let lines = 0;
            for (let x = body.indexOf('\n'); x >= 0; x = body.indexOf('\n', x + 1)) lines++;
            return nl < 0
              ? { line: first.line, column: first.column + body.length }
              : { line: first.line + lines, column: body.length - nl };
          };
        }
        // A trigger runs in a child build whose variables we do not know.
        ins.shell = parseScript(script, { vars: trigger ? new Map() : scope.vars, posAt });
      }
    }
    return ins;
  };

  let stage = -1;
  for (const raw of raws) {
    const ins = build(raw, 0, stage + (/^from(?:[ \t]|$)/i.test(raw.line.text) ? 1 : 0), false);
    const keyword = ins.keyword;
    if (keyword === 'FROM') {
      stage++;
      scope.vars = new Map();
      scope.envs = new Set();
      scope.shell = null;
    }
    if (!KEYWORDS.has(keyword))
      problems.push(
        `${ins.line}:${ins.column}: unknown instruction ${keyword} (a broken line continuation?)`,
      );
    else if (stage < 0 && keyword !== 'ARG')
      problems.push(`${ins.line}:${ins.column}: ${keyword} before the first FROM (only ARG may come first)`);
    const index = facts.instructions.length;
    facts.instructions.push(ins);
    switch (keyword) {
      case 'FROM': {
        // FROM [--platform=…] image [AS name]; only global ARGs expand here.
        const raw = ins.args.split(/[ \t]+/).filter((w) => w !== '');
        const image = raw[0] ?? '';
        const exp = expandVars(image, scope.globals, esc, true);
        const name =
          raw.length >= 3 && raw[1]?.toLowerCase() === 'as' ? (raw[2] as string).toLowerCase() : null;
        const base = stageByName.get(exp.value.toLowerCase());
        const platform = ins.flags.find((f) => f.name === 'platform')?.value ?? null;
        const st: Stage = {
          index: stage,
          name,
          from: index,
          image,
          resolvedImage: exp.value,
          imageDynamic: exp.dynamic,
          baseStage: base ?? null,
          platform,
          instructions: [index],
          copiesFrom: [],
        };
        facts.stages.push(st);
        if (name) stageByName.set(name, stage);
        if (base !== undefined) {
          // A stage built on another inherits its ENV and ARG values (Docker's build-variables guide).
          const prev = stageScope.get(base);
          if (prev) {
            scope.vars = new Map(prev.vars);
            scope.envs = new Set(prev.envs);
            scope.shell = prev.shell;
          }
        }
        stageScope.set(stage, { vars: scope.vars, envs: scope.envs, shell: scope.shell });
        continue;
      }
      case 'ARG': {
        // Values expand with the variables as they were before this instruction.
        const target = stage < 0 ? scope.globals : scope.vars;
        const before = new Map(target);
        for (const kv of keyValues(ins.args, esc, false)) {
          if (!/^\w+$/.test(kv.name)) continue;
          if (stage >= 0 && scope.envs.has(kv.name)) continue; // ENV wins over ARG
          const given = buildArgs.get(kv.name);
          const value =
            given ??
            (kv.value !== null
              ? expandWord(kv.value, before)
              : stage >= 0
                ? scope.globals.get(kv.name)
                : undefined);
          if (value !== undefined) target.set(kv.name, value);
          else target.delete(kv.name);
        }
        break;
      }
      case 'ENV': {
        if (stage < 0) break;
        const before = new Map(scope.vars);
        for (const kv of keyValues(ins.args, esc, true)) {
          if (kv.value === null) continue;
          scope.vars.set(kv.name, expandWord(kv.value, before));
          scope.envs.add(kv.name);
        }
        break;
      }
      case 'SHELL':
        if (ins.json && stage >= 0) {
          scope.shell = ins.json;
          const ss = stageScope.get(stage);
          if (ss) ss.shell = scope.shell;
        }
        break;
      case 'COPY':
      case 'ADD':
      case 'RUN': {
        const st = facts.stages[stage];
        if (!st) break;
        for (const f of ins.flags) {
          let from: string | undefined;
          if (f.name === 'from' && f.value) from = f.value;
          if (f.name === 'mount' && f.value) from = /(?:^|,)from=([^,]+)/.exec(f.value)?.[1];
          if (from === undefined) continue;
          const v = expandVars(from, scope.vars, esc, true).value.toLowerCase();
          const idx = stageByName.get(v) ?? (/^\d+$/.test(v) && Number(v) < stage ? Number(v) : undefined);
          if (idx !== undefined && idx !== stage && !st.copiesFrom.includes(idx)) st.copiesFrom.push(idx);
        }
        break;
      }
    }
    if (stage >= 0) facts.stages[stage]?.instructions.push(index);
  }
  facts.finalStage = facts.stages.length - 1;
  facts.suppressions = suppressionsIn(src, t, comments, facts.instructions);
  // What reaches the final image: the final stage and the stages it is built on. Stages it only copies
  // from are left out: their packages, users and config do not ship, only the files copied.
  const shipped: number[] = [];
  for (let s: number | null = facts.finalStage; s !== null && s >= 0 && !shipped.includes(s); ) {
    shipped.push(s);
    s = facts.stages[s]?.baseStage ?? null;
  }
  facts.shippedStages = shipped;
  if (facts.stages.length === 0) problems.push('1:1: no FROM instruction: Docker cannot build this file');
  return facts;
}

/** `# bulkhead-ignore[-stage|-file] ID[,ID] reason` comments, tied to the instruction that follows. */
function suppressionsIn(
  src: string,
  t: Text,
  comments: number[],
  instructions: Instruction[],
): InlineSuppression[] {
  const out: InlineSuppression[] = [];
  if (!src.includes('bulkhead-ignore')) return out;
  for (const at of comments) {
    const nl = src.indexOf('\n', at);
    const m = SUPPRESSION.exec(src.slice(at, nl < 0 ? src.length : nl).trim());
    if (!m) continue;
    const { line, column } = posOf(t, at);
    const kind = m[1] === '-stage' ? 'stage' : m[1] === '-file' ? 'file' : 'next';
    const next = kind === 'file' ? -1 : instructions.findIndex((i) => i.line > line);
    out.push({
      kind,
      ids: (m[2] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      reason: (m[3] ?? '').trim(),
      instruction: next,
      line,
      column,
    });
  }
  return out;
}
