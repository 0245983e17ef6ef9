// Loads compose files into merged, interpolated services with the source location of every field.
//
// Follows the Compose specification: each file is parsed (anchors, aliases and `<<` merge keys
// resolved), interpolated, its `extends` resolved, then files are merged in order (later files override
// scalars and merge maps; ports/expose/dns/... append; volumes/devices/secrets/configs merge by target;
// command/entrypoint replace). Services with `profiles` are kept only when one of them is active.
// Nothing here throws: every problem becomes a one-line "file:line:col: message" diagnostic.
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { InterpolationError, interpolate, parseDotEnv } from './interpolate.js';

export interface SourceLoc {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
}

/** Field path inside a service ('' = the service key, 'privileged', 'ports.0', 'environment.DB_PASS') -> location. */
export type LocMap = Record<string, SourceLoc>;

export interface ComposeService {
  name: string;
  /** The file that first defines the service. */
  file: string;
  /** The merged, interpolated service mapping (environment/labels/sysctls normalised to maps). */
  data: Record<string, unknown>;
  locations: LocMap;
  /** Engine network names the service is attached to (empty with network_mode). */
  networks: string[];
}

/** A top-level `secrets:`/`configs:` entry (interpolated; `file` as written), with where it is defined. */
export interface ComposeResource {
  name: string;
  data: Record<string, unknown>;
  loc?: SourceLoc;
}

export interface ComposeProject {
  name: string;
  /** Directory of the first file: relative paths resolve against it. */
  workingDir: string;
  services: ComposeService[];
  /** Services left out because none of their profiles is active. */
  inactive: string[];
  /** Top-level secrets and configs by name, merged across files (later files override fields). */
  secrets: Record<string, ComposeResource>;
  configs: Record<string, ComposeResource>;
  /** Errors: the file cannot be read as written (bad YAML, missing required variable...). */
  diagnostics: string[];
  /** Not errors, as Compose prints them: "file:line:col: VAR is not set; defaulting to a blank string". */
  warnings: string[];
}

export interface ComposeFile {
  path: string;
  text: string;
}

export interface LoadOptions {
  /** Variables for interpolation (the shell environment); they override the .env file. */
  env?: Readonly<Record<string, string>>;
  /** Active profiles; defaults to COMPOSE_PROFILES from env. '*' activates all. */
  activeProfiles?: readonly string[];
  /** Reads a file (the .env beside the first file, `extends.file`); undefined when it does not exist. */
  readFile?: (path: string) => string | undefined;
  projectName?: string;
  /** Files larger than this are refused with a diagnostic (default 4 MiB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

const defaultReadFile = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

export const diag = (loc: SourceLoc, message: string): string =>
  `${loc.file}:${loc.line}:${loc.col}: ${message}`;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

// ---------------------------------------------------------------- parsing one file

interface Entry {
  data: Record<string, unknown>;
  locs: LocMap;
  /** Compose merge tags on fields of an override: path -> '!reset' (remove) or '!override' (replace). */
  tags?: Record<string, string>;
}

const MERGE_TAGS = new Set(['!reset', '!override']);

interface ParsedFile {
  path: string;
  top: Record<string, unknown>;
  services: Map<string, Entry>;
  /** Location of the top-level `services` key or the file start. */
  start: SourceLoc;
  /** Locations of every top-level field. */
  locs: LocMap;
}

/** Records the location of every key (maps) and item (sequences) below `node`, following aliases and merge keys. */
function walk(
  node: unknown,
  path: string,
  locs: LocMap,
  doc: Document,
  at: (off: number) => SourceLoc,
  depth = 0,
  tags: Record<string, string> = {},
): void {
  if (depth > 64) return;
  let n = node;
  for (let i = 0; i < 16 && isAlias(n); i++) n = n.resolve(doc);
  const join = (k: string): string => (path === '' ? k : `${path}.${k}`);
  if (isMap(n)) {
    const merges: unknown[] = [];
    for (const pair of n.items) {
      const key = pair.key;
      if (isScalar(key) && (typeof key.value === 'symbol' || key.source === '<<')) {
        merges.push(pair.value);
        continue;
      }
      const name = isScalar(key) ? String(key.value) : String(key);
      const p = join(name);
      const range = (key as Node | null)?.range ?? (pair.value as Node | null)?.range;
      if (range) locs[p] = at(range[0]);
      const tag = (pair.value as Node | null)?.tag;
      if (tag && MERGE_TAGS.has(tag)) tags[p] = tag;
      walk(pair.value, p, locs, doc, at, depth + 1, tags);
    }
    // Explicit keys win over merged ones; earlier merge sources win over later ones.
    for (const m of merges) {
      const sources = isSeq(m) ? m.items : [m];
      for (const s of sources) {
        const tmp: LocMap = {};
        walk(s, path, tmp, doc, at, depth + 1);
        for (const [k, v] of Object.entries(tmp)) if (!(k in locs)) locs[k] = v;
      }
    }
  } else if (isSeq(n)) {
    n.items.forEach((item, i) => {
      const p = join(String(i));
      const range = (item as Node | null)?.range;
      if (range) locs[p] = at(range[0]);
      walk(item, p, locs, doc, at, depth + 1);
    });
  }
}

function parseFile(file: ComposeFile, maxBytes: number, diagnostics: string[]): ParsedFile | undefined {
  const start: SourceLoc = { file: file.path, line: 1, col: 1 };
  if (file.text.length > maxBytes) {
    diagnostics.push(diag(start, `file is larger than ${maxBytes} bytes; not a compose file`));
    return undefined;
  }
  const lc = new LineCounter();
  const at = (off: number): SourceLoc => {
    const p = lc.linePos(off);
    return { file: file.path, line: p.line, col: p.col };
  };
  let doc: Document;
  try {
    doc = parseDocument(file.text, { merge: true, lineCounter: lc, prettyErrors: false });
  } catch (err) {
    diagnostics.push(diag(start, `invalid YAML: ${firstLine(err)}`));
    return undefined;
  }
  if (doc.errors.length > 0) {
    for (const e of doc.errors.slice(0, 5)) {
      const loc = e.pos ? at(e.pos[0]) : start;
      diagnostics.push(diag(loc, `invalid YAML: ${firstLine(e)}`));
    }
    return undefined;
  }
  let top: unknown;
  try {
    top = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    diagnostics.push(diag(start, `invalid YAML: ${firstLine(err)}`));
    return undefined;
  }
  if (top === null || top === undefined) {
    diagnostics.push(diag(start, 'empty compose file'));
    return undefined;
  }
  if (!isObject(top)) {
    const loc = (doc.contents as Node | null)?.range ? at((doc.contents as Node).range?.[0] ?? 0) : start;
    diagnostics.push(diag(loc, `top-level value must be a mapping, found ${kindOf(top)}`));
    return undefined;
  }
  const locs: LocMap = {};
  const tags: Record<string, string> = {};
  walk(doc.contents, '', locs, doc, at, 0, tags);
  const services = new Map<string, Entry>();
  const rawServices = top.services;
  const servicesLoc = locs.services ?? start;
  if (rawServices !== undefined && rawServices !== null && !isObject(rawServices)) {
    diagnostics.push(diag(servicesLoc, `"services" must be a mapping, found ${kindOf(rawServices)}`));
  } else {
    const names = Object.keys(rawServices ?? {});
    const locsOf = subAll(locs, 'services', names);
    const tagsOf = subAll(tags, 'services', names);
    for (const [name, value] of Object.entries(rawServices ?? {})) {
      const svcLocs = locsOf.get(name) ?? {};
      const svcTags = tagsOf.get(name) ?? {};
      if (value === null) {
        services.set(name, { data: {}, locs: svcLocs, tags: svcTags });
        continue;
      }
      if (!isObject(value)) {
        diagnostics.push(
          diag(svcLocs[''] ?? servicesLoc, `service "${name}" must be a mapping, found ${kindOf(value)}`),
        );
        continue;
      }
      services.set(name, { data: value, locs: svcLocs, tags: svcTags });
    }
  }
  return { path: file.path, top, services, start: servicesLoc, locs };
}

const firstLine = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0]?.trim() ?? 'error';

const kindOf = (v: unknown): string =>
  Array.isArray(v) ? 'a sequence' : v === null ? 'null' : `a ${typeof v}`;

/** The locations below `prefix`, re-keyed relative to it ('' = the prefix key itself). */
function sub<T>(locs: Record<string, T>, prefix: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(locs)) {
    if (k === prefix) out[''] = v;
    else if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = v;
  }
  return out;
}

/**
 * `sub(locs, `${prefix}.${name}`)` for every name at once: one pass over the locations instead of one per
 * name (a file with many services has many locations). A name may hold dots, so every dot is a candidate.
 */
function subAll<T>(
  locs: Record<string, T>,
  prefix: string,
  names: readonly string[],
): Map<string, Record<string, T>> {
  const out = new Map<string, Record<string, T>>();
  for (const n of names) out.set(n, {});
  const head = `${prefix}.`;
  for (const [k, v] of Object.entries(locs)) {
    if (!k.startsWith(head)) continue;
    const rest = k.slice(head.length);
    for (let j = rest.indexOf('.'); ; j = rest.indexOf('.', j + 1)) {
      const name = j < 0 ? rest : rest.slice(0, j);
      const into = out.get(name);
      if (into) into[j < 0 ? '' : rest.slice(j + 1)] = v;
      if (j < 0) break;
    }
  }
  return out;
}

// ---------------------------------------------------------------- interpolation and normalisation

/** Records an unset variable at a location (deduplicated by the caller per file). */
type UnsetSink = (name: string, loc: SourceLoc) => void;

function interpolateEntry(
  e: Entry,
  env: Readonly<Record<string, string>>,
  diagnostics: string[],
  fallback: SourceLoc,
  unset?: UnsetSink,
): Entry {
  const locFor = (path: string): SourceLoc => {
    for (let p = path; ; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      const l = e.locs[p];
      if (l) return l;
      if (p === '') return fallback;
    }
  };
  const visit = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') {
      try {
        return interpolate(v, env, unset ? (name) => unset(name, locFor(path)) : undefined);
      } catch (err) {
        if (!(err instanceof InterpolationError)) throw err;
        diagnostics.push(diag(locFor(path), err.message));
        return '';
      }
    }
    if (Array.isArray(v)) return v.map((x, i) => visit(x, path === '' ? String(i) : `${path}.${i}`));
    if (isObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = visit(x, path === '' ? k : `${path}.${k}`);
      return out;
    }
    return v;
  };
  return { ...e, data: visit(e.data, '') as Record<string, unknown> };
}

/** Fields that may be a list of "k=v" or a map; normalised to maps so files merge by key. */
const KEYED_FIELDS = ['environment', 'labels', 'sysctls', 'annotations'] as const;

function normalise(e: Entry, env: Readonly<Record<string, string>>): Entry {
  const data = { ...e.data };
  const locs = { ...e.locs };
  for (const field of KEYED_FIELDS) {
    const v = data[field];
    if (Array.isArray(v)) {
      const map: Record<string, unknown> = {};
      v.forEach((item, i) => {
        const s = String(item ?? '');
        const eq = s.indexOf('=');
        const k = eq < 0 ? s : s.slice(0, eq);
        map[k] = eq < 0 ? null : s.slice(eq + 1);
        const l = locs[`${field}.${i}`];
        delete locs[`${field}.${i}`];
        if (l) locs[`${field}.${k}`] = l;
      });
      data[field] = map;
    }
    // environment: a bare name takes its value from the shell environment, or is left out.
    if (field === 'environment' && isObject(data[field])) {
      const map = { ...(data[field] as Record<string, unknown>) };
      for (const [k, val] of Object.entries(map)) {
        if (val === null || val === undefined) {
          if (env[k] !== undefined) map[k] = env[k];
          else delete map[k];
        }
      }
      data[field] = map;
    }
  }
  // build.args: the same list-or-map shape; a bare name takes its value from the environment, else is unset.
  const build = data.build;
  if (isObject(build) && (Array.isArray(build.args) || isObject(build.args))) {
    const args: Record<string, unknown> = {};
    const entries: [string, unknown, string][] = Array.isArray(build.args)
      ? build.args.map((item, i) => {
          const s = String(item ?? '');
          const eq = s.indexOf('=');
          return [eq < 0 ? s : s.slice(0, eq), eq < 0 ? null : s.slice(eq + 1), String(i)];
        })
      : Object.entries(build.args).map(([k, v]) => [k, v, k]);
    for (const [k, v, from] of entries) {
      if (k === '') continue;
      const value = v === null || v === undefined ? env[k] : v;
      if (value !== undefined) args[k] = value;
      if (from === k) continue;
      const l = locs[`build.args.${from}`];
      delete locs[`build.args.${from}`];
      if (l) locs[`build.args.${k}`] = l;
    }
    data.build = { ...build, args };
  }
  return { ...e, data, locs };
}

// ---------------------------------------------------------------- merging

/** Sequences the Compose spec concatenates across files. */
const APPEND_FIELDS = new Set([
  'ports',
  'expose',
  'external_links',
  'links',
  'dns',
  'dns_search',
  'dns_opt',
  'tmpfs',
  'cap_add',
  'cap_drop',
  'security_opt',
  'device_cgroup_rules',
  'group_add',
  'env_file',
  'extra_hosts',
]);

const volumeTarget = (v: unknown): string => {
  if (isObject(v)) return String(v.target ?? '');
  const parts = String(v).split(':');
  return (parts.length === 1 ? parts[0] : parts[1]) ?? '';
};
const deviceTarget = (v: unknown): string => {
  if (isObject(v)) return String(v.target ?? v.source ?? '');
  const parts = String(v).split(':');
  return (parts.length === 1 ? parts[0] : parts[1]) ?? '';
};
const secretKey = (v: unknown): string => (isObject(v) ? String(v.target ?? v.source ?? '') : String(v));

/** Sequences of resources merged by their target. */
const KEYED_SEQUENCES: Record<string, (v: unknown) => string> = {
  volumes: volumeTarget,
  devices: deviceTarget,
  secrets: secretKey,
  configs: secretKey,
};

function copyLocs(from: LocMap, fromPrefix: string, to: LocMap, toPrefix: string): void {
  for (const [k, v] of Object.entries(from)) {
    if (k === fromPrefix) to[toPrefix] = v;
    else if (k.startsWith(`${fromPrefix}.`)) to[toPrefix + k.slice(fromPrefix.length)] = v;
  }
}

function dropLocs(locs: LocMap, prefix: string): void {
  for (const k of Object.keys(locs)) if (k === prefix || k.startsWith(`${prefix}.`)) delete locs[k];
}

/** Merges `over` onto `base` as a later compose file (or an extending service) does. */
export function mergeEntries(base: Entry, over: Entry): Entry {
  const locs: LocMap = { ...base.locs };
  const tags = over.tags ?? {};
  const merge = (b: unknown, o: unknown, path: string, top: boolean): unknown => {
    if (tags[path] === '!override') {
      dropLocs(locs, path);
      copyLocs(over.locs, path, locs, path);
      return o;
    }
    if (isObject(b) && isObject(o)) {
      const out: Record<string, unknown> = { ...b };
      for (const [k, v] of Object.entries(o)) {
        const p = path === '' ? k : `${path}.${k}`;
        out[k] = merge(b[k], v, p, path === '');
      }
      if (path !== '' && over.locs[path]) locs[path] = over.locs[path];
      return out;
    }
    if (top && Array.isArray(b) && Array.isArray(o)) {
      const keyOf = KEYED_SEQUENCES[path];
      if (APPEND_FIELDS.has(path) || keyOf) {
        const out = [...b];
        o.forEach((item, i) => {
          const idx = keyOf
            ? out.findIndex((x) => keyOf(x) === keyOf(item))
            : out.findIndex((x) => JSON.stringify(x) === JSON.stringify(item));
          if (idx >= 0 && !keyOf) return; // identical item already present
          const at = idx >= 0 ? idx : out.length;
          dropLocs(locs, `${path}.${at}`);
          copyLocs(over.locs, `${path}.${i}`, locs, `${path}.${at}`);
          out[at] = item;
        });
        return out;
      }
    }
    dropLocs(locs, path);
    copyLocs(over.locs, path, locs, path);
    return o;
  };
  const merged = merge(base.data, over.data, '', false) as Record<string, unknown>;
  // `!reset` removes the field, whatever either side holds (on a copy: nested values are shared with base).
  const data = Object.values(tags).includes('!reset') ? structuredClone(merged) : merged;
  for (const [path, tag] of Object.entries(tags)) {
    if (tag !== '!reset') continue;
    const keys = path.split('.');
    let parent: unknown = data;
    for (const k of keys.slice(0, -1)) parent = isObject(parent) ? parent[k] : undefined;
    if (isObject(parent)) delete parent[keys.at(-1) ?? ''];
    dropLocs(locs, path);
  }
  // The service key keeps pointing at its first definition.
  if (base.locs[''] ?? over.locs['']) locs[''] = (base.locs[''] ?? over.locs['']) as SourceLoc;
  return { data, locs };
}

// ---------------------------------------------------------------- extends

interface Ctx {
  env: Readonly<Record<string, string>>;
  readFile: (path: string) => string | undefined;
  maxBytes: number;
  diagnostics: string[];
  cache: Map<string, ParsedFile | null>;
  unset: UnsetSink;
}

function fileFor(path: string, ctx: Ctx, from: SourceLoc): ParsedFile | undefined {
  const cached = ctx.cache.get(path);
  if (cached !== undefined) return cached ?? undefined;
  const text = ctx.readFile(path);
  if (text === undefined) {
    ctx.diagnostics.push(diag(from, `extends: cannot read ${path}`));
    ctx.cache.set(path, null);
    return undefined;
  }
  const parsed = parseFile({ path, text }, ctx.maxBytes, ctx.diagnostics);
  ctx.cache.set(path, parsed ?? null);
  return parsed;
}

/** The service with its `extends` chain merged in; interpolated and normalised. */
function resolveService(
  file: ParsedFile,
  name: string,
  ctx: Ctx,
  stack: string[],
  from: SourceLoc,
): Entry | undefined {
  const raw = file.services.get(name);
  if (!raw) {
    ctx.diagnostics.push(diag(from, `extends: service "${name}" not found in ${file.path}`));
    return undefined;
  }
  const own = normalise(
    interpolateEntry(raw, ctx.env, ctx.diagnostics, raw.locs[''] ?? file.start, ctx.unset),
    ctx.env,
  );
  const ext = own.data.extends;
  if (ext === undefined || ext === null) return own;
  const { extends: _drop, ...rest } = own.data;
  const self: Entry = { data: rest, locs: { ...own.locs }, ...(own.tags ? { tags: own.tags } : {}) };
  dropLocs(self.locs, 'extends');
  const extLoc = own.locs.extends ?? own.locs[''] ?? file.start;
  const target = typeof ext === 'string' ? { service: ext } : isObject(ext) ? ext : undefined;
  if (!target || typeof target.service !== 'string') {
    ctx.diagnostics.push(diag(extLoc, 'extends: expected a service name or {service, file}'));
    return self;
  }
  const key = `${file.path}#${name}`;
  if (stack.includes(key)) {
    ctx.diagnostics.push(
      diag(extLoc, `extends: cycle ${[...stack, key].map((s) => s.split('#')[1]).join(' -> ')}`),
    );
    return undefined;
  }
  let baseFile: ParsedFile | undefined = file;
  if (typeof target.file === 'string' && target.file !== '') {
    const p = isAbsolute(target.file) ? target.file : resolve(dirname(file.path), target.file);
    baseFile = p === file.path ? file : fileFor(p, ctx, extLoc);
  }
  if (!baseFile) return self;
  const base = resolveService(baseFile, target.service, ctx, [...stack, key], extLoc);
  if (!base) return self;
  const merged = mergeEntries(base, self);
  // The extending service's own key is where it is defined.
  if (self.locs['']) merged.locs[''] = self.locs[''];
  return merged;
}

// ---------------------------------------------------------------- env_file

/** Folds the service's env_file entries into `environment` (explicit entries win), located at the env_file item. */
function applyEnvFiles(e: Entry, workingDir: string, ctx: Ctx): Entry {
  const raw = e.data.env_file;
  const items = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
  if (items.length === 0) return e;
  const fromFiles: Record<string, { value: string; loc: SourceLoc | undefined }> = {};
  items.forEach((item, i) => {
    const path = typeof item === 'string' ? item : isObject(item) ? String(item.path ?? '') : '';
    const required = isObject(item) ? item.required !== false : true;
    const loc = e.locs[`env_file.${i}`] ?? e.locs.env_file ?? e.locs[''];
    if (path === '') return;
    const full = isAbsolute(path) ? path : resolve(workingDir, path);
    const text = ctx.readFile(full);
    if (text === undefined) {
      if (required && loc) ctx.diagnostics.push(diag(loc, `env_file: cannot read ${full}`));
      return;
    }
    for (const [k, v] of Object.entries(parseDotEnv(text))) {
      let value = v;
      try {
        value = interpolate(v, ctx.env);
      } catch (err) {
        if (loc) ctx.diagnostics.push(diag(loc, `env_file ${full}: ${firstLine(err)}`));
      }
      fromFiles[k] = { value, loc };
    }
  });
  const explicit = isObject(e.data.environment) ? e.data.environment : {};
  const environment: Record<string, unknown> = {};
  const locs = { ...e.locs };
  for (const [k, { value, loc }] of Object.entries(fromFiles)) {
    if (k in explicit) continue;
    environment[k] = value;
    if (loc) locs[`environment.${k}`] = loc;
  }
  return { data: { ...e.data, environment: { ...environment, ...explicit } }, locs };
}

// ---------------------------------------------------------------- project

const projectNameOf = (s: string): string => s.toLowerCase().replace(/[^a-z0-9_-]/g, '');

function serviceNetworks(
  data: Record<string, unknown>,
  project: string,
  top: Record<string, unknown>,
): string[] {
  if (typeof data.network_mode === 'string' && data.network_mode !== '') return [];
  const declared = Array.isArray(data.networks)
    ? data.networks.map(String)
    : isObject(data.networks)
      ? Object.keys(data.networks)
      : [];
  const names = declared.length > 0 ? declared : ['default'];
  const defs = isObject(top.networks) ? top.networks : {};
  return names.map((n) => {
    const def = defs[n];
    if (isObject(def) && typeof def.name === 'string' && def.name !== '') return def.name;
    if (isObject(def) && def.external === true) return n;
    return `${project}_${n}`;
  });
}

/** Interpolates one file's top-level secrets/configs and merges them into `into` by name. */
function mergeResources(
  file: ParsedFile,
  kind: 'secrets' | 'configs',
  into: Record<string, ComposeResource>,
  ctx: Ctx,
): void {
  const raw = file.top[kind];
  if (raw === undefined || raw === null) return;
  const at = file.locs[kind] ?? file.start;
  if (!isObject(raw)) {
    ctx.diagnostics.push(diag(at, `"${kind}" must be a mapping, found ${kindOf(raw)}`));
    return;
  }
  for (const [name, def] of Object.entries(raw)) {
    const locs = sub(file.locs, `${kind}.${name}`);
    const loc = locs[''] ?? at;
    if (def !== null && !isObject(def)) {
      ctx.diagnostics.push(diag(loc, `${kind} "${name}" must be a mapping, found ${kindOf(def)}`));
      continue;
    }
    const e = interpolateEntry({ data: def ?? {}, locs }, ctx.env, ctx.diagnostics, loc, ctx.unset);
    const prev = into[name];
    into[name] = { name, data: { ...(prev?.data ?? {}), ...e.data }, loc: prev?.loc ?? loc };
  }
}

/** Loads and merges compose files. Never throws; problems are in `diagnostics`. */
export function loadCompose(files: readonly ComposeFile[], opts: LoadOptions = {}): ComposeProject {
  const diagnostics: string[] = [];
  const readFile = opts.readFile ?? defaultReadFile;
  const first = files[0];
  const workingDir = first ? dirname(resolve(first.path)) : process.cwd();
  if (!first)
    return {
      name: '',
      workingDir,
      services: [],
      inactive: [],
      secrets: {},
      configs: {},
      diagnostics: ['no compose file given'],
      warnings: [],
    };
  let dotenv: Record<string, string> = {};
  const dotenvPath = resolve(workingDir, '.env');
  const dotenvText = readFile(dotenvPath);
  if (dotenvText !== undefined) dotenv = parseDotEnv(dotenvText);
  const env: Record<string, string> = { ...dotenv, ...(opts.env ?? {}) };
  // Compose warns once per variable; we do once per variable and file, at its first use there.
  const warnings: string[] = [];
  const warned = new Set<string>();
  const unset: UnsetSink = (variable, loc) => {
    const key = `${loc.file}\0${variable}`;
    if (warned.has(key)) return;
    warned.add(key);
    warnings.push(diag(loc, `${variable} is not set; defaulting to a blank string`));
  };
  const ctx: Ctx = {
    env,
    readFile,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    diagnostics,
    cache: new Map(),
    unset,
  };
  const resources: Record<'secrets' | 'configs', Record<string, ComposeResource>> = {
    secrets: {},
    configs: {},
  };

  const merged = new Map<string, { entry: Entry; file: string }>();
  let top: Record<string, unknown> = {};
  try {
    for (const f of files) {
      const parsed = parseFile(f, ctx.maxBytes, diagnostics);
      ctx.cache.set(f.path, parsed ?? null);
      if (!parsed) continue;
      const { services: _s, ...rest } = parsed.top;
      top = {
        ...top,
        ...rest,
        networks: {
          ...(isObject(top.networks) ? top.networks : {}),
          ...(isObject(rest.networks) ? rest.networks : {}),
        },
      };
      for (const kind of ['secrets', 'configs'] as const) mergeResources(parsed, kind, resources[kind], ctx);
      for (const name of parsed.services.keys()) {
        const entry = resolveService(parsed, name, ctx, [], parsed.start);
        if (!entry) continue;
        const prev = merged.get(name);
        merged.set(
          name,
          prev ? { entry: mergeEntries(prev.entry, entry), file: prev.file } : { entry, file: f.path },
        );
      }
    }
  } catch (err) {
    // Defensive: a bug here must not crash the caller.
    diagnostics.push(
      diag({ file: first.path, line: 1, col: 1 }, `cannot load compose files: ${firstLine(err)}`),
    );
  }

  let name = opts.projectName ?? env.COMPOSE_PROJECT_NAME ?? '';
  if (name === '' && typeof top.name === 'string') {
    try {
      const loc = ctx.cache.get(first.path)?.locs.name ?? { file: first.path, line: 1, col: 1 };
      name = interpolate(top.name, env, (v) => unset(v, loc));
    } catch {
      name = '';
    }
  }
  if (name === '') name = basename(workingDir);
  name = projectNameOf(name);

  const active = new Set(
    opts.activeProfiles ??
      (env.COMPOSE_PROFILES ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
  );
  const services: ComposeService[] = [];
  const inactive: string[] = [];
  for (const [svc, merged1] of merged) {
    const { file } = merged1;
    const entry = applyEnvFiles(merged1.entry, workingDir, ctx);
    const profiles = Array.isArray(entry.data.profiles) ? entry.data.profiles.map(String) : [];
    if (profiles.length > 0 && !active.has('*') && !profiles.some((p) => active.has(p))) {
      inactive.push(svc);
      continue;
    }
    services.push({
      name: svc,
      file,
      data: entry.data,
      locations: entry.locs,
      networks: serviceNetworks(entry.data, name, top),
    });
  }
  return {
    name,
    workingDir,
    services,
    inactive,
    ...resources,
    diagnostics: [...new Set(diagnostics)],
    warnings,
  };
}
