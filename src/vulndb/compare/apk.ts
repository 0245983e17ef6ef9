// apk (Alpine, Wolfi) version ordering, after apk-tools' src/version.c (the token_first/token_next/
// token_cmp design of current apk-tools): digit{.digit}…{letter}{_suffix{digits}}…{~hash}{-r{digits}}.
// Quirks kept on purpose, since Alpine's own tooling decides what is "fixed":
//  - a dotted component with a leading zero compares as a string (8.2.0015 < 8.2.002, 1.0.05 < 1.0.4);
//  - _alpha/_beta/_pre/_rc sort before the bare version, _cvs/_svn/_git/_hg/_p after it;
//  - when one version runs out first it is older (1.0 < 1.0-r0 < 1.0.1), unless the other continues
//    with a pre-release suffix;
//  - a digit run straight after the letter (3.3.3p1) is accepted as apk-tools 2.x, which released Alpine
//    ships, accepts it (3.x rejects it).

const INITIAL_DIGIT = 0;
const DIGIT = 1;
const LETTER = 2;
const SUFFIX = 3;
const SUFFIX_NO = 4;
const COMMIT_HASH = 5;
const REVISION_NO = 6;
const END = 7;
const INVALID = 8;

// Index order is sort order; NONE (no suffix) is the pivot between pre- and post-releases.
const SUFFIXES = ['alpha', 'beta', 'pre', 'rc', '', 'cvs', 'svn', 'git', 'hg', 'p'] as const;
const SUFFIX_NONE = 4;

interface Token {
  type: number;
  value: string;
  suffix: number;
}

interface Cursor {
  s: string;
  i: number;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLower = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';
const isHex = (c: string | undefined): boolean =>
  isDigit(c) || (c !== undefined && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));

function span(c: Cursor, pred: (ch: string | undefined) => boolean): string {
  const start = c.i;
  while (c.i < c.s.length && pred(c.s[c.i])) c.i++;
  return c.s.slice(start, c.i);
}

function first(c: Cursor): Token {
  const value = span(c, isDigit);
  return { type: value === '' ? INVALID : INITIAL_DIGIT, value, suffix: 0 };
}

/** Reads the token after `t` into `t` and returns its type (INVALID when the grammar forbids it here). */
function next(c: Cursor, t: Token): number {
  t.type = nextType(c, t);
  return t.type;
}

function nextType(c: Cursor, t: Token): number {
  if (c.i >= c.s.length) return END;
  const ch = c.s[c.i];
  const prev = t.type;
  if (isLower(ch)) {
    if (prev > DIGIT) return INVALID;
    t.value = ch as string;
    c.i++;
    return LETTER;
  }
  if (ch === '.' || isDigit(ch)) {
    if (ch === '.') {
      if (prev > DIGIT) return INVALID;
      c.i++;
    }
    let type: number;
    if (prev === INITIAL_DIGIT || prev === DIGIT || (prev === LETTER && ch !== '.')) type = DIGIT;
    else if (prev === SUFFIX && ch !== '.') type = SUFFIX_NO;
    else return INVALID;
    t.value = span(c, isDigit);
    return t.value === '' ? INVALID : type;
  }
  if (ch === '_') {
    if (prev > SUFFIX_NO) return INVALID;
    c.i++;
    t.value = span(c, isLower);
    const idx = t.value === '' ? -1 : SUFFIXES.indexOf(t.value as (typeof SUFFIXES)[number]);
    if (idx < 0 || idx === SUFFIX_NONE) return INVALID;
    t.suffix = idx;
    return SUFFIX;
  }
  if (ch === '~') {
    if (prev >= COMMIT_HASH) return INVALID;
    c.i++;
    t.value = span(c, isHex);
    return t.value === '' ? INVALID : COMMIT_HASH;
  }
  if (ch === '-') {
    if (prev >= REVISION_NO || c.s[c.i + 1] !== 'r') return INVALID;
    c.i += 2;
    t.value = span(c, isDigit);
    return t.value === '' ? INVALID : REVISION_NO;
  }
  return INVALID;
}

/** Unbounded decimal strings by value. */
function compareNumeric(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

const compareString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareToken(a: Token, b: Token): number {
  switch (a.type) {
    case DIGIT:
      if (a.value.startsWith('0') || b.value.startsWith('0')) return compareString(a.value, b.value);
      return compareNumeric(a.value, b.value);
    case INITIAL_DIGIT:
    case SUFFIX_NO:
    case REVISION_NO:
      return compareNumeric(a.value, b.value);
    case LETTER:
      return compareString(a.value, b.value);
    case SUFFIX:
      return a.suffix - b.suffix;
    default:
      return compareString(a.value, b.value);
  }
}

/** <0, 0 or >0 as `a` sorts before, equal to or after `b` in apk order. */
export function compareApkVersions(a: string, b: string): number {
  const ca: Cursor = { s: a.trim(), i: 0 };
  const cb: Cursor = { s: b.trim(), i: 0 };
  const ta = first(ca);
  const tb = first(cb);
  while (ta.type === tb.type && ta.type < END) {
    const r = compareToken(ta, tb);
    if (r !== 0) return Math.sign(r);
    next(ca, ta);
    next(cb, tb);
  }
  if (ta.type === tb.type) return 0;
  if (ta.type === SUFFIX && ta.suffix < SUFFIX_NONE) return -1;
  if (tb.type === SUFFIX && tb.suffix < SUFFIX_NONE) return 1;
  if (ta.type > tb.type) return -1;
  if (tb.type > ta.type) return 1;
  return 0;
}

/** apk-tools' validity check: the whole string tokenises to the end. */
export function isValidApkVersion(v: string): boolean {
  const c: Cursor = { s: v.trim(), i: 0 };
  const t = first(c);
  while (t.type < END) next(c, t);
  return t.type === END;
}
