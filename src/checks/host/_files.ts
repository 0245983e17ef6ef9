// Helpers (not checks): judging ownership and permissions of the files CIS section 3 names.
import { fail, notApplicable, type Outcome, pass, type Subject, unknown } from '../../core/model.js';
import type { FileFact, HostFacts } from '../../facts/host.js';
import type { Snapshot } from '../../facts/snapshot.js';
import { filesError, hostOrUnknown, isOutcome, type Located } from './_locate.js';

export const fmtMode = (mode: number): string => `0${mode.toString(8).padStart(3, '0')}`;

const fileSubject = (path: string): Subject => ({ kind: 'file', path });

const owner = (f: FileFact): string => {
  const u = f.user ?? String(f.uid);
  const g = f.group ?? String(f.gid);
  return `${u}:${g} (${f.uid}:${f.gid})`;
};

export type Judge = (f: FileFact, host: HostFacts) => Outcome;

/** Fails when any permission bit outside `max` is set (e.g. 0666 against 0660). */
export const modeAtMost =
  (max: number): Judge =>
  (f) => {
    if (f.mode === undefined) return unknown(`${f.path}: mode unknown`);
    const extra = f.mode & ~max & 0o7777;
    return extra === 0
      ? pass(`${f.path} mode ${fmtMode(f.mode)} (at most ${fmtMode(max)})`)
      : fail({
          message: `${f.path} mode ${fmtMode(f.mode)}, allowed at most ${fmtMode(max)} (extra bits ${fmtMode(extra)})`,
          path: f.path,
        });
  };

/** uid 0 and the named group (gid 0 for root; for other groups, the name or the gid from /etc/group). */
export const ownedBy =
  (group: 'root' | 'docker'): Judge =>
  (f, host) => {
    if (f.uid === undefined || f.gid === undefined) return unknown(`${f.path}: owner unknown`);
    let groupOk: boolean | undefined;
    if (group === 'root') groupOk = f.gid === 0;
    else if (f.group !== undefined) groupOk = f.group === group;
    else {
      const g = host.groups.find((x) => x.name === group);
      groupOk = g ? g.gid === f.gid : undefined;
    }
    if (groupOk === undefined)
      return unknown(`${f.path} group ${f.gid} could not be resolved (no "${group}" group in /etc/group)`);
    const ok = f.uid === 0 && groupOk;
    return ok
      ? pass(`${f.path} owned by ${owner(f)}`)
      : fail({ message: `${f.path} owned by ${owner(f)}, expected root:${group}`, path: f.path });
  };

/** One outcome per located file, each with a file subject. */
export function judgeFiles(
  s: Snapshot,
  locate: (s: Snapshot, host: HostFacts) => Located,
  judge: Judge,
): Outcome | Outcome[] {
  const host = hostOrUnknown(s);
  if (isOutcome(host)) return host;
  const located = locate(s, host);
  if ('outcome' in located) return located.outcome;
  return located.paths.map((path) => {
    const subject = fileSubject(path);
    const f = host.files[path];
    if (!f) return unknown(`${path} was not examined${filesError(host)}`, { subject });
    if (f.error && f.mode === undefined)
      return unknown(`${path} could not be examined: ${f.error}`, { subject });
    if (!f.exists) return notApplicable(`${path} does not exist`, { subject });
    return { ...judge(f, host), subject };
  });
}
