// Group c: which OS packages the final image still holds — installed in the final stage or a stage it is
// built FROM, and not removed afterwards (`apk del .build-deps`, `apt-get purge --auto-remove gcc`, the
// official images' `apt-mark auto '.*' … apt-get purge --auto-remove` sweep).
import type { DockerfileFacts, ShellCommand } from '../../facts/dockerfile.js';
import { finalChain } from './_c-context.js';
import { optValues, type PkgCommand, type PkgOperand, packageCommands } from './_c-packages.js';
import { effective } from './_lib.js';

export interface Installed {
  pc: PkgCommand;
  op: PkgOperand;
}

const OS = new Set(['apt', 'apk', 'rpm', 'zypper']);

const later = (a: PkgCommand, b: { index: number; cmdIndex: number }) =>
  a.index > b.index || (a.index === b.index && a.cmdIndex > b.cmdIndex);

/** RUNs (by instruction index) whose apt installs are swept away by `apt-mark auto` + an autoremove. */
function sweptRuns(pcs: readonly PkgCommand[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pc of pcs) {
    if (pc.family !== 'apt') continue;
    const autoremove =
      pc.action === 'autoremove' ||
      (pc.action === 'remove' &&
        pc.options.some((o) => o.name === '--auto-remove' || o.name === '--autoremove'));
    if (!autoremove) continue;
    const cmds = pc.ins.shell?.commands ?? [];
    for (let k = 0; k < pc.cmdIndex; k++) {
      const c = cmds[k] as ShellCommand;
      const e = effective(c);
      if (e.name === 'apt-mark' && e.args[0]?.value === 'auto') {
        out.set(pc.index, Math.max(out.get(pc.index) ?? -1, pc.cmdIndex));
        break;
      }
    }
  }
  return out;
}

const cache = new WeakMap<DockerfileFacts, Installed[]>();

/** OS packages installed by name in the final image's build chain and not removed later in it. */
export function shippedPackages(df: DockerfileFacts): readonly Installed[] {
  const hit = cache.get(df);
  if (hit) return hit;
  const chain = finalChain(df);
  const pcs = packageCommands(df).filter((p) => OS.has(p.family) && chain.includes(p.ins.stage));
  const removals = pcs.filter((p) => p.action === 'remove');
  const swept = sweptRuns(pcs);
  const out: Installed[] = [];
  for (const pc of pcs) {
    if (pc.action !== 'install' || pc.verb === 'build-dep') continue;
    const sweepAt = swept.get(pc.index);
    if (sweepAt !== undefined && sweepAt > pc.cmdIndex) continue;
    const virtual = pc.family === 'apk' ? optValues(pc, '-t', '--virtual') : [];
    for (const op of pc.operands) {
      if (op.kind !== 'name') continue;
      const gone = removals.some(
        (r) =>
          r.family === pc.family &&
          later(r, pc) &&
          r.operands.some((o) => o.kind === 'name' && (o.name === op.name || virtual.includes(o.name))),
      );
      if (!gone) out.push({ pc, op });
    }
  }
  cache.set(df, out);
  return out;
}

/** Whether a package of that name is removed after the given position in the final chain. */
export function removedAfter(
  df: DockerfileFacts,
  name: string,
  pos: { index: number; cmdIndex: number },
): boolean {
  const chain = finalChain(df);
  return packageCommands(df).some(
    (r) =>
      r.action === 'remove' &&
      chain.includes(r.ins.stage) &&
      later(r, pos) &&
      r.operands.some((o) => o.kind === 'name' && o.name === name),
  );
}

/** The shipped packages matching a predicate, one group per installing command (for one finding each). */
export function shippedMatching(
  df: DockerfileFacts,
  match: (name: string, family: string) => boolean,
): { pc: PkgCommand; ops: PkgOperand[] }[] {
  const out: { pc: PkgCommand; ops: PkgOperand[] }[] = [];
  for (const i of shippedPackages(df)) {
    if (!match(i.op.name, i.pc.family)) continue;
    const last = out[out.length - 1];
    if (last && last.pc === i.pc) last.ops.push(i.op);
    else out.push({ pc: i.pc, ops: [i.op] });
  }
  return out;
}
