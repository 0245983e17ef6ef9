// Base images of a Dockerfile's stages, normalised as Docker does (ubuntu -> docker.io/library/ubuntu), for
// the base-image rules of group a.
import type { DockerfileFacts, Instruction, Stage } from '../../facts/dockerfile.js';
import { type ParsedRef, parseReference } from '../image/lib/reference.js';

export interface BaseImage {
  stage: Stage;
  from: Instruction;
  /** The reference after global-ARG expansion, as written otherwise. */
  ref: string;
  parsed: ParsedRef;
}

export interface BaseImages {
  /** Stages built FROM an image (not scratch, not an earlier stage) whose reference is fully known. */
  images: BaseImage[];
  /** References still holding a variable after expansion (a build arg without a default). */
  dynamic: string[];
}

const cache = new WeakMap<DockerfileFacts, BaseImages>();

/** Base images of every stage; computed once per file, shared by the base-image rules. */
export function baseImages(df: DockerfileFacts): BaseImages {
  const hit = cache.get(df);
  if (hit) return hit;
  const out: BaseImages = { images: [], dynamic: [] };
  for (const stage of df.stages) {
    if (stage.baseStage !== null) continue;
    const ref = stage.resolvedImage;
    if (ref.toLowerCase() === 'scratch' || ref === '') continue;
    if (stage.imageDynamic) {
      out.dynamic.push(stage.image);
      continue;
    }
    const from = df.instructions[stage.from] as Instruction;
    out.images.push({ stage, from, ref, parsed: parseReference(ref) });
  }
  cache.set(df, out);
  return out;
}

/** `; not judged (still dynamic): ${TAG}` suffix for pass messages, or ''. */
export const dynamicNote = (b: BaseImages): string =>
  b.dynamic.length === 0 ? '' : `; not judged (reference unknown until build time): ${b.dynamic.join(', ')}`;

/** `docker.io/library/ubuntu` for `ubuntu`: the full name the allowlist globs match. */
export const fullName = (p: ParsedRef): string => `${p.registry}/${p.repository}`;

const GLOB_CACHE = new Map<string, RegExp>();

/** `*` matches within one path component, `**` across components, `?` one character. */
export function globRegExp(glob: string): RegExp {
  let re = GLOB_CACHE.get(glob);
  if (re) return re;
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        src += '.*';
        i++;
      } else src += '[^/]*';
    } else if (ch === '?') src += '[^/]';
    else src += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  re = new RegExp(`^${src}$`);
  GLOB_CACHE.set(glob, re);
  return re;
}

/**
 * An allowlist entry written the short way (`ubuntu`, `library/*`, `bitnami/*`) gets Docker's default
 * registry, so it compares with normalised references; one naming a registry is kept.
 */
export function normaliseGlob(glob: string): string {
  const g = glob.trim().replace(/^[a-z]+:\/\//i, '');
  const slash = g.indexOf('/');
  const first = slash < 0 ? '' : g.slice(0, slash);
  if (first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost')) return g;
  if (g.startsWith('*')) return g;
  return `docker.io/${slash < 0 ? `library/${g}` : g}`;
}
