// `bulkhead lint` for compose files: every service becomes a ContainerSpec (source 'compose') and the
// same container checks that judge running containers judge it, minus the ones that need runtime state.
import { runChecks } from '../../core/engine.js';
import type { AnyCheck, CheckSettings, Evidence } from '../../core/model.js';
import type { Result } from '../../core/report.js';
import type { ContainerFacts, ContainerSpec } from '../../facts/container.js';
import type { Snapshot } from '../../facts/snapshot.js';
import { type ComposeFile, diag, type LoadOptions, loadCompose, type SourceLoc } from './load.js';
import { serviceToSpecWithLocations } from './spec.js';
import { applyVolumesFrom, type VolumesFromService } from './volumes-from.js';

/** Container checks that cannot judge a compose file, by id, with the reason. */
export const RUNTIME_ONLY_CHECKS: Readonly<Record<string, string>> = {
  'BH-CTR-008': 'single-process: judges the process list of a running container (docker top)',
  'BH-CTR-024': 'exec-privileged: judges exec sessions, which exist only on a running engine',
  'BH-CTR-025': 'exec-root: judges exec sessions, which exist only on a running engine',
  'BH-CTR-035': "container-allowlist: compares a host's container inventory, not a file's services",
};

/**
 * Unknown results whose reason is about runtime state (processes, exec sessions, a container never
 * started) say nothing about a file and are dropped. E.g. sshd stays: it judges the service's command,
 * and only its "processes cannot be listed" unknown is dropped.
 */
export const RUNTIME_REASON =
  /process(es)? cannot be listed|process list|docker top|exec sessions?|ExecIDs|has never started|sets its AppArmor profile at start/i;

/** The spec fields each container check judges: where its findings point in the file. */
const CHECK_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'BH-CTR-001': ['securityOpt', 'privileged'],
  'BH-CTR-002': ['securityOpt', 'privileged'],
  'BH-CTR-003': ['capAdd'],
  'BH-CTR-004': ['capDrop'],
  'BH-CTR-005': ['privileged'],
  'BH-CTR-006': ['mounts'],
  'BH-CTR-007': ['entrypoint', 'cmd'],
  'BH-CTR-009': ['portBindings'],
  'BH-CTR-010': ['portBindings', 'exposedPorts'],
  'BH-CTR-011': ['networkMode'],
  'BH-CTR-012': ['memory'],
  'BH-CTR-013': ['nanoCpus', 'cpuQuota', 'cpuShares', 'cpusetCpus'],
  'BH-CTR-014': ['readonlyRootfs'],
  'BH-CTR-015': ['portBindings'],
  'BH-CTR-016': ['restartPolicy'],
  'BH-CTR-017': ['pidMode'],
  'BH-CTR-018': ['ipcMode'],
  'BH-CTR-019': ['devices'],
  'BH-CTR-020': ['ulimits'],
  'BH-CTR-021': ['mounts'],
  'BH-CTR-022': ['utsMode'],
  'BH-CTR-023': ['securityOpt', 'privileged'],
  'BH-CTR-026': ['cgroupParent'],
  'BH-CTR-027': ['securityOpt'],
  'BH-CTR-028': ['healthcheck'],
  'BH-CTR-029': ['pidsLimit'],
  'BH-CTR-030': ['networkMode'],
  'BH-CTR-031': ['usernsMode'],
  'BH-CTR-032': ['mounts'],
  'BH-CTR-033': ['user'],
  'BH-CTR-034': [
    'blkioWeight',
    'blkioDeviceReadBps',
    'blkioDeviceWriteBps',
    'blkioDeviceReadIOps',
    'blkioDeviceWriteIOps',
  ],
  'BH-CTR-036': ['logConfig'],
  'BH-CTR-037': ['env', 'buildArgs'],
  'BH-CTR-038': ['sysctls'],
  'BH-CTR-039': ['networkMode'],
  'BH-CTR-040': ['portBindings', 'exposedPorts'],
};

export interface LintComposeOptions {
  env: Record<string, string>;
  activeProfiles?: string[];
  checks: AnyCheck[];
  settings: CheckSettings;
  /** Reads the .env file and `extends.file` targets (default: the file system). */
  readFile?: LoadOptions['readFile'];
  projectName?: string;
}

export interface LintComposeResult {
  results: Result[];
  /** Errors: what cannot be read as written ("file:line:col: message"). */
  diagnostics: string[];
  /** Warnings Compose itself prints, e.g. "file:line:col: VAR is not set; defaulting to a blank string". */
  warnings: string[];
}

/** Words that identify one item of a list field in a check's evidence text. */
function itemTokens(spec: ContainerSpec, path: string): string[] {
  const [field, idx] = path.split('.');
  const i = Number(idx);
  switch (field) {
    case 'mounts': {
      const m = spec.mounts[i];
      return m ? [m.source, m.destination].filter((s) => s !== '') : [];
    }
    case 'portBindings': {
      const p = spec.portBindings[i];
      return p ? [`${p.hostPort === 0 ? '(ephemeral)' : p.hostPort}->${p.containerPort}/${p.protocol}`] : [];
    }
    case 'env': {
      const e = spec.env[i] ?? '';
      return [e.slice(0, e.indexOf('='))];
    }
    case 'buildArgs': {
      const a = spec.buildArgs?.[i] ?? '';
      return [`build arg ${a.slice(0, a.indexOf('='))}`];
    }
    case 'capAdd':
    case 'capDrop': {
      const c = (field === 'capAdd' ? spec.capAdd : spec.capDrop)[i] ?? '';
      return [c.trim().toUpperCase().replace(/^CAP_/, '')];
    }
    case 'securityOpt':
      return [spec.securityOpt[i] ?? ''];
    case 'devices':
      return [spec.devices[i]?.pathOnHost ?? ''];
    case 'ulimits':
      return [spec.ulimits[i]?.name ?? ''];
    case 'sysctls':
      return [path.slice('sysctls.'.length)];
    default:
      return [];
  }
}

/**
 * Whether `text` names `token` as a whole word (so PASSWORD does not match DB_PASSWORD, / not /proc).
 * An environment variable is not the build arg of the same name.
 */
function mentions(text: string, token: string, field: string): boolean {
  if (token.trim() === '' || !text.includes(token)) return false;
  const key = `${field === 'env' ? 'e' : '-'}${token}`;
  let re = MENTION_RES.get(key);
  if (!re) {
    const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const notAfter = field === 'env' ? '(?<!build arg )' : '';
    re = new RegExp(`(?<![\\w/.-])${notAfter}${escaped}(?![\\w/.-])`);
    if (MENTION_RES.size > 10_000) MENTION_RES.clear();
    MENTION_RES.set(key, re);
  }
  return re.test(text);
}

/** Compiled `mentions` patterns: the same few tokens (ports, mounts, env names) recur across services. */
const MENTION_RES = new Map<string, RegExp>();

/** The file locations a result points at: the offending list items, else the field, else the service. */
function locate(
  r: Result,
  spec: ContainerSpec,
  locations: Record<string, SourceLoc>,
  sources: Record<string, string>,
  itemsOf: (field: string) => readonly string[],
  serviceLoc: SourceLoc | undefined,
): { field: string; loc: SourceLoc }[] {
  if (r.status !== 'fail') return serviceLoc ? [{ field: '', loc: serviceLoc }] : [];
  const text = r.evidence.map((e) => e.message).join('\n');
  const fields = CHECK_FIELDS[r.checkId] ?? [];
  const out: { field: string; loc: SourceLoc }[] = [];
  // One compose item can become many spec items (a port range, a secret plus its file): point at it once.
  const seen = new Set<string>();
  for (const field of fields) {
    for (const k of itemsOf(field)) {
      const from = sources[k] ?? k;
      if (seen.has(from)) continue;
      if (itemTokens(spec, k).some((t) => mentions(text, t, field))) {
        seen.add(from);
        out.push({ field: k, loc: locations[k] as SourceLoc });
      }
    }
  }
  const keyField = fields.find((f) => locations[f] !== undefined);
  if (out.length === 0 && keyField) out.push({ field: keyField, loc: locations[keyField] as SourceLoc });
  if (out.length === 0 && serviceLoc) out.push({ field: '', loc: serviceLoc });
  return out;
}

const describeField = (service: string, composePath: string | undefined): string =>
  composePath ? `service "${service}" ${composePath}` : `service "${service}"`;

const specChecksMemo = new WeakMap<readonly AnyCheck[], AnyCheck[]>();

/** The checks that judge a spec, reading the containers alone; made once per check list, not per project. */
function specChecks(all: readonly AnyCheck[]): AnyCheck[] {
  let out = specChecksMemo.get(all);
  if (!out) {
    out = all
      .filter((c) => c.scope === 'container' && !(c.id in RUNTIME_ONLY_CHECKS))
      .map((c) => ({ ...c, facts: ['containers'] }) as AnyCheck);
    specChecksMemo.set(all, out);
  }
  return out;
}

/** Lints compose files with the given container checks. Never throws. */
export function lintCompose(files: ComposeFile[], opts: LintComposeOptions): LintComposeResult {
  const project = loadCompose(files, {
    env: opts.env,
    ...(opts.activeProfiles ? { activeProfiles: opts.activeProfiles } : {}),
    ...(opts.readFile ? { readFile: opts.readFile } : {}),
    ...(opts.projectName ? { projectName: opts.projectName } : {}),
  });
  const diagnostics = [...project.diagnostics];
  const defs = (rs: typeof project.secrets): Record<string, Record<string, unknown>> =>
    Object.fromEntries(Object.entries(rs).map(([k, v]) => [k, v.data]));
  const secrets = defs(project.secrets);
  const configs = defs(project.configs);
  const home = opts.env.HOME;
  const byName = new Map<
    string,
    {
      spec: ContainerSpec;
      locations: Record<string, SourceLoc>;
      sources: Record<string, string>;
      /** The located items of a spec list field ('portBindings' -> 'portBindings.0', ...). */
      itemsOf: (field: string) => readonly string[];
      file: string;
      serviceLoc?: SourceLoc;
    }
  >();
  const containers: ContainerFacts[] = [];
  const converted = project.services.map(
    (svc): VolumesFromService => ({
      name: svc.name,
      data: svc.data,
      locations: svc.locations,
      result: serviceToSpecWithLocations(svc.name, svc.data, {
        workingDir: project.workingDir,
        ...(home ? { home } : {}),
        locations: svc.locations,
        ...(svc.networks[0] ? { defaultNetworkMode: svc.networks[0] } : {}),
        secrets,
        configs,
      }),
    }),
  );
  applyVolumesFrom(converted, { inactive: project.inactive });
  project.services.forEach((svc, n) => {
    const { spec, locations, sources, problems } = (converted[n] as VolumesFromService).result;
    const serviceLoc = svc.locations[''];
    for (const p of problems) {
      const field = p.slice(0, p.indexOf(':'));
      const loc = svc.locations[field] ?? serviceLoc ?? { file: svc.file, line: 1, col: 1 };
      diagnostics.push(diag(loc, `service "${svc.name}": ${p.slice(p.indexOf(':') + 2)}`));
    }
    // Indexed once: a port range can put tens of thousands of items in one list.
    const items = new Map<string, string[]>();
    for (const k of Object.keys(locations)) {
      const dot = k.indexOf('.');
      if (dot < 0) continue;
      const field = k.slice(0, dot);
      const list = items.get(field);
      if (list) list.push(k);
      else items.set(field, [k]);
    }
    byName.set(svc.name, {
      spec,
      locations,
      sources,
      itemsOf: (field) => items.get(field) ?? [],
      file: svc.file,
      ...(serviceLoc ? { serviceLoc } : {}),
    });
    containers.push({
      spec,
      id: '',
      name: svc.name,
      state: 'created',
      restartCount: 0,
      appArmorProfile: '',
      networks: svc.networks,
    });
  });

  // Checks that also read daemon facts judge the spec alone: the daemon a file will run on is unknown.
  const checks = specChecks(opts.checks);
  const snapshot: Snapshot = { containers, gaps: {} };
  let raw: Result[] = [];
  try {
    raw = runChecks(checks, snapshot, opts.settings);
  } catch (err) {
    diagnostics.push(`cannot run checks: ${err instanceof Error ? err.message : String(err)}`);
  }

  const results: Result[] = [];
  for (const r of raw) {
    if (r.status === 'unknown' && RUNTIME_REASON.test(r.reason ?? '')) continue;
    const svc = r.subject.name !== undefined ? byName.get(r.subject.name) : undefined;
    if (!svc) continue;
    const where: Evidence[] = locate(
      r,
      svc.spec,
      svc.locations,
      svc.sources,
      svc.itemsOf,
      svc.serviceLoc,
    ).map(({ field, loc }) => ({
      message: describeField(r.subject.name ?? '', svc.sources[field]),
      path: `${loc.file}:${loc.line}:${loc.col}`,
    }));
    results.push({
      ...r,
      // Contract key order (kind, name, path), so the JSON reporter writes it without a copy.
      subject: { kind: 'file', name: r.subject.name ?? '', path: svc.file },
      evidence: [...r.evidence, ...where],
    });
  }
  return { results, diagnostics: [...new Set(diagnostics)], warnings: project.warnings };
}
