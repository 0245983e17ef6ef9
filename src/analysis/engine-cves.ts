// Judges the engine, containerd and runc versions the daemon reports against the CVE table. Distro builds
// (docker.io, +dfsg/+ds/~ds/+debNuM/ubuntu) backport fixes without changing the upstream part, so a match
// there is "verify against the distro tracker", never a failure.
import { fail, type Outcome, pass, unknown } from '../core/model.js';
import type { Snapshot } from '../facts/snapshot.js';
import { type ComponentVersionInfo, parseComponentVersion } from './component-version.js';
import { type CveComponent, type CveMatch, fixesFor, matchCves } from './cve-table.js';

const LABEL: Record<Exclude<CveComponent, 'kernel'>, string> = {
  engine: 'Docker Engine',
  containerd: 'containerd',
  runc: 'runc',
};

interface Found {
  version: ComponentVersionInfo;
  source: string;
}

/** The component's version: /version Components first, then the /info commit when it is a version. */
export function componentVersion(
  snap: Snapshot,
  component: Exclude<CveComponent, 'kernel'>,
): Found | undefined {
  const d = snap.daemon;
  if (!d) return undefined;
  const name = component === 'engine' ? 'Engine' : component;
  const comp = d.version.components.find((c) => c.name.toLowerCase() === name.toLowerCase());
  const tries: [string | undefined, string][] = [
    [comp?.version, `GET /version Components[${name}].Version`],
    [component === 'engine' ? d.version.version : undefined, 'GET /version Version'],
    [
      component === 'runc'
        ? d.info.runcCommit
        : component === 'containerd'
          ? d.info.containerdCommit
          : undefined,
      `GET /info ${component === 'runc' ? 'RuncCommit' : 'ContainerdCommit'}.ID`,
    ],
  ];
  for (const [raw, source] of tries) {
    const v = raw ? parseComponentVersion(raw) : undefined;
    if (v) return { version: v, source: `${source} = ${raw}` };
  }
  return undefined;
}

/** Debian/Ubuntu package names that mean a distro build of each component. */
const DISTRO_PACKAGES: Record<Exclude<CveComponent, 'kernel'>, { distro: string; upstream: string }> = {
  engine: { distro: 'docker.io', upstream: 'docker-ce' },
  containerd: { distro: 'containerd', upstream: 'containerd.io' },
  runc: { distro: 'runc', upstream: 'containerd.io' },
};

function distroPackage(snap: Snapshot, component: Exclude<CveComponent, 'kernel'>): string | undefined {
  const pkgs = (snap.host?.packages ?? []).filter(
    (p) => p.status === '' || /(^|\s)installed$/.test(p.status),
  );
  const names = DISTRO_PACKAGES[component];
  const distro = pkgs.find((p) => p.name === names.distro);
  if (!distro || pkgs.some((p) => p.name === names.upstream)) return undefined;
  return `${distro.name} ${distro.version}`;
}

const cveLine = (m: CveMatch, comparable: string): string =>
  `${m.row.ids.join(' / ')} (${m.row.severity}): ${m.row.summary}; fixed in ${fixesFor(m.row, comparable).join(', ')}`;

/** Why a match cannot be exploited through this daemon, if its precondition is known to be absent. */
function notExploitable(m: CveMatch, snap: Snapshot): string | undefined {
  const c = m.row.condition;
  if (c === 'authz-plugin' && snap.daemon && snap.daemon.info.authorizationPlugins.length === 0)
    return 'no authorization plugin is configured';
  if (c === 'cri')
    return "Docker does not use containerd's CRI plugin (matters only if this containerd also serves Kubernetes)";
  return undefined;
}

export function assessComponentCves(snap: Snapshot, component: Exclude<CveComponent, 'kernel'>): Outcome {
  const label = LABEL[component];
  const found = componentVersion(snap, component);
  if (!found) return unknown(`the daemon did not report a parseable ${label} version`);
  const v = found.version;
  const pkg = distroPackage(snap, component);
  const distro = v.distro
    ? `${v.raw} (${v.distro.vendor} build, marker ${v.distro.marker})`
    : pkg
      ? `${v.raw} (package ${pkg})`
      : undefined;
  const matches = matchCves(component, {
    kind: 'exact',
    comparable: v.comparable,
    distro: distro !== undefined,
  });
  const context: string[] = [];
  const relevant: CveMatch[] = [];
  for (const m of matches) {
    const why = notExploitable(m, snap);
    if (why)
      context.push(`${m.row.ids.join(' / ')} affects ${v.upstream} but is not exploitable here: ${why}`);
    else relevant.push(m);
  }
  const head = `${label} ${v.upstream} (${found.source})`;
  if (relevant.length === 0)
    return pass([`${head}: no relevant CVE in bulkhead's reference data`, ...context]);
  if (distro) {
    const ids = relevant.flatMap((m) => m.row.ids).join(', ');
    return unknown(
      `distro build ${distro}: upstream version ${v.upstream} in affected range of ${ids}; verify against the distro security tracker`,
      { evidence: [head, ...relevant.map((m) => cveLine(m, v.comparable)), ...context] },
    );
  }
  const affected = relevant.filter((m) => m.status === 'affected');
  if (affected.length === 0)
    return unknown(
      `${head}: reference data cannot settle ${relevant.flatMap((m) => m.row.ids).join(', ')}; verify`,
      {
        evidence: relevant.map((m) => cveLine(m, v.comparable)),
      },
    );
  return fail([head, ...affected.map((m) => cveLine(m, v.comparable)), ...context]);
}
