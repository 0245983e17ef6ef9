// Image config JSON (OCI/Docker image config, or the Engine API's inspect) into our types. The config is
// attacker-controlled: every field is checked for its type and dropped (with a default) when wrong.
import type { HistoryStep, ImageScanConfig } from '../../facts/image-scan.js';
import type { Platform } from './types.js';

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/** The `config` object of an image config (same field names in the Engine API's `Config`). */
export function normaliseConfig(raw: unknown): ImageScanConfig {
  const c = isObj(raw) ? raw : {};
  const labels: Record<string, string> = {};
  if (isObj(c.Labels))
    for (const [k, v] of Object.entries(c.Labels)) if (typeof v === 'string') labels[k] = v;
  const hc = isObj(c.Healthcheck) ? strs(c.Healthcheck.Test) : [];
  const out: ImageScanConfig = {
    user: str(c.User) ?? '',
    env: strs(c.Env),
    cmd: strs(c.Cmd),
    entrypoint: strs(c.Entrypoint),
    workingDir: str(c.WorkingDir) ?? '',
    exposedPorts: isObj(c.ExposedPorts) ? Object.keys(c.ExposedPorts).sort() : [],
    labels,
  };
  if (hc.length > 0) out.healthcheck = { test: hc };
  const stop = str(c.StopSignal);
  if (stop) out.stopSignal = stop;
  if (Array.isArray(c.Shell)) out.shell = strs(c.Shell);
  if (Array.isArray(c.OnBuild) && c.OnBuild.length > 0) out.onBuild = strs(c.OnBuild);
  return out;
}

export interface ParsedImageConfig {
  config: ImageScanConfig;
  history: HistoryStep[];
  diffIds: string[];
  platform: Platform;
  created?: string;
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** An OCI/Docker image config blob. */
export function parseImageConfig(raw: unknown, problems: string[]): ParsedImageConfig {
  const c = isObj(raw) ? raw : {};
  const rootfs = isObj(c.rootfs) ? c.rootfs : {};
  const diffIds = strs(rootfs.diff_ids);
  const bad = diffIds.filter((d) => !DIGEST.test(d));
  if (bad.length > 0) problems.push(`image config: ${bad.length} malformed rootfs.diff_ids entries`);
  const variant = str(c.variant);
  const created = str(c.created);
  const rawHistory = Array.isArray(c.history) ? c.history : [];
  const steps = rawHistory.map((h) => {
    const o = isObj(h) ? h : {};
    const step: { createdBy: string; created?: string; emptyLayer: boolean } = {
      createdBy: str(o.created_by) ?? str(o.comment) ?? '',
      emptyLayer: o.empty_layer === true,
    };
    const when = str(o.created);
    if (when) step.created = when;
    return step;
  });
  return {
    config: normaliseConfig(c.config),
    history: assignLayers(steps, diffIds.length, problems),
    diffIds,
    platform: {
      os: str(c.os) ?? 'linux',
      architecture: str(c.architecture) ?? 'unknown',
      ...(variant ? { variant } : {}),
    },
    ...(created ? { created } : {}),
  };
}

/** Numbers the steps that made a layer; says so when their count disagrees with the layers. */
export function assignLayers(
  steps: { createdBy: string; created?: string; emptyLayer: boolean }[],
  layerCount: number,
  problems: string[],
): HistoryStep[] {
  let next = 0;
  const out = steps.map((s): HistoryStep => {
    const layer = s.emptyLayer || next >= layerCount ? null : next++;
    return { ...s, layer };
  });
  const producing = steps.filter((s) => !s.emptyLayer).length;
  if (steps.length > 0 && producing !== layerCount)
    problems.push(
      `history names ${producing} layer-producing steps but the image has ${layerCount} layers: per-layer attribution may be wrong`,
    );
  return out;
}

// Steps the classic builder and BuildKit record without a layer.
const METADATA =
  /^(?:\/bin\/sh -c #\(nop\)\s+)?(?:ARG|CMD|ENTRYPOINT|ENV|EXPOSE|HEALTHCHECK|LABEL|MAINTAINER|ONBUILD|SHELL|STOPSIGNAL|USER|VOLUME|WORKDIR)\b/;

/**
 * The Engine API's /images/{name}/history (newest first, no empty_layer flag). A step made a layer when its
 * size is not zero; when that does not account for every layer (a RUN that changed nothing still makes an
 * empty layer), steps that are not metadata-only instructions are counted instead.
 */
export function historyFromEngine(raw: unknown[], layerCount: number, problems: string[]): HistoryStep[] {
  const items = raw.filter(isObj).reverse();
  const base = items.map((h) => {
    const createdBy = str(h.CreatedBy) ?? '';
    const created = typeof h.Created === 'number' ? new Date(h.Created * 1000).toISOString() : undefined;
    return {
      createdBy,
      ...(created ? { created } : {}),
      size: typeof h.Size === 'number' ? h.Size : 0,
    };
  });
  const bySize = base.map((h) => ({ ...h, emptyLayer: h.size === 0 }));
  const byKind = base.map((h) => ({
    ...h,
    emptyLayer: METADATA.test(h.createdBy.replace(/^\s+/, '').replace(/^\/bin\/sh -c #\(nop\)\s+/, '')),
  }));
  const count = (s: { emptyLayer: boolean }[]) => s.filter((x) => !x.emptyLayer).length;
  const chosen = count(bySize) === layerCount ? bySize : count(byKind) === layerCount ? byKind : bySize;
  return assignLayers(
    chosen.map(({ size: _size, ...s }) => s),
    layerCount,
    problems,
  );
}
