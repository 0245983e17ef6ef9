// Small text helpers shared by the human-facing reporters.
import type { Ref, Scope, Status, Subject } from '../core/model.js';

export const SECTION_TITLES: Record<Scope, string> = {
  host: 'Host',
  daemon: 'Daemon',
  container: 'Containers',
  image: 'Images',
  network: 'Networks',
  swarm: 'Swarm',
  dockerfile: 'Dockerfiles',
  'image-scan': 'Image scan',
};

/** Order of results under one check: what needs attention first. */
export const STATUS_ORDER: Record<Status, number> = { fail: 0, unknown: 1, suppressed: 2, pass: 3 };

/** "CIS 5.10", "P-NET-2", "CVE-2024-41110", or the URL. */
export const refLabel = (r: Ref): string => (r.kind === 'cis' ? `CIS ${r.id}` : r.id);

export const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

/**
 * "container web (a3f9c1d2e4b5)", "file /etc/docker/daemon.json", "host docker-prod-01". Without `withId`
 * the id is shown only when there is nothing else, so the label stays stable when a container is recreated.
 */
export function subjectLabel(s: Subject, withId = true): string {
  // Lint findings: the file, then the stage or service inside it.
  if (s.kind === 'file' && s.path !== undefined && s.name) return `file ${s.path} (${s.name})`;
  const main = s.path ?? s.name;
  if (main === undefined) return s.id !== undefined ? `${s.kind} ${shortId(s.id)}` : s.kind;
  const suffix = withId && s.id !== undefined && shortId(s.id) !== main ? ` (${shortId(s.id)})` : '';
  return `${s.kind} ${main}${suffix}`;
}

const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const hex = (ch: string, width: number): string => ch.codePointAt(0)!.toString(16).padStart(width, '0');

/**
 * Makes untrusted text (labels, file contents, names) safe to print on a terminal: control characters,
 * including ESC, and bidi overrides become visible escapes instead of moving the cursor or reordering text.
 * Line feeds are kept (callers split on them); a tab becomes a space.
 */
export function sanitizeForTerminal(text: string): string {
  return text
    .replace(/\t/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, (ch) => `\\x${hex(ch, 2)}`)
    .replace(BIDI, (ch) => `\\u${hex(ch, 4)}`);
}

/**
 * Word-wraps each line of `text` to `width` columns (counted in code points). Lines that start with
 * whitespace are code or config snippets and are kept as they are; words longer than a line are not split.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  const max = Math.max(width, 20);
  for (const line of text.split('\n')) {
    if (/^\s/.test(line) || [...line].length <= max) {
      out.push(line);
      continue;
    }
    let cur = '';
    for (const word of line.split(/ +/)) {
      if (cur === '') cur = word;
      else if ([...cur].length + 1 + [...word].length <= max) cur += ` ${word}`;
      else {
        out.push(cur);
        cur = word;
      }
    }
    out.push(cur);
  }
  return out;
}
