// ADD steps as recorded in history, with what they add.
import type { HistoryEntry } from '../../../facts/image.js';
import { parseHistory, redactUrl } from './history.js';

/** Extensions ADD auto-extracts from a local source (tar, optionally gzip/bzip2/xz/zstd-compressed). */
const LOCAL_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|tar\.z)$/i;
const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/i;

export interface AddStep {
  index: number;
  builder: 'classic' | 'buildkit' | 'unknown';
  dest: string;
  /** Sources as written (BuildKit); empty for classic steps, whose history only holds a content hash. */
  sources: string[];
  /** BuildKit options such as --checksum=sha256:..., --chown=... */
  flags: string[];
  /** Classic builder: the `file:`/`dir:`/`multi:` content reference. */
  classicRef?: string;
}

function words(args: string): string[] {
  const t = args.trim();
  if (t.startsWith('[')) {
    try {
      const arr: unknown = JSON.parse(t);
      if (Array.isArray(arr) && arr.every((x) => typeof x === 'string')) return arr as string[];
    } catch {
      // fall through to word splitting
    }
  }
  return t.split(/\s+/).filter((w) => w.length > 0);
}

export function addSteps(history: readonly HistoryEntry[]): AddStep[] {
  const out: AddStep[] = [];
  for (const step of parseHistory(history)) {
    if (step.instruction !== 'ADD') continue;
    const classic = /^((?:file|dir|multi):\S+)\s+in\s+(\S*)/.exec(step.args);
    if (classic) {
      out.push({
        index: step.index,
        builder: 'classic',
        dest: classic[2]!,
        sources: [],
        flags: [],
        classicRef: classic[1]!,
      });
      continue;
    }
    const all = words(step.args);
    const flags = all.filter((x) => x.startsWith('--'));
    const w = all.filter((x) => !x.startsWith('--'));
    const dest = w.pop() ?? '';
    out.push({ index: step.index, builder: step.builder, dest, sources: w, flags });
  }
  return out;
}

export const isRemote = (src: string): boolean =>
  REMOTE.test(src) || (/\.git(#.*)?$/.test(src) && src.includes('://'));
export const isLocalArchive = (src: string): boolean => !isRemote(src) && LOCAL_ARCHIVE.test(src);
/** A classic `ADD file:<hash> in /` is a base image's root filesystem tarball. */
export const isRootfsAdd = (a: AddStep): boolean =>
  a.builder === 'classic' && a.classicRef?.startsWith('file:') === true && /^\/?$/.test(a.dest);
export const showSource = (src: string): string => (isRemote(src) ? redactUrl(src) : src);
