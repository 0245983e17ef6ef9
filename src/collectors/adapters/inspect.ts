// Owned by the container-checks work: Engine inspect JSON (API 1.41 .. 1.5x) -> ContainerFacts.
import type { ContainerFacts, ContainerSpec, ExecFact } from '../../facts/container.js';

export interface InspectExtras {
  /** /containers/{id}/top result, for running containers. */
  top?: { Titles?: string[]; Processes?: string[][] };
  /** /exec/{id}/json results for the container's ExecIDs. */
  execs?: unknown[];
  /** The image's inspect JSON (for its default user and healthcheck). */
  image?: unknown;
}

/** Normalises a container create/inspect body's Config+HostConfig into the shared spec. */
export function specFromInspect(_inspect: unknown): ContainerSpec {
  throw new Error('not implemented yet');
}

export function containerFromInspect(_inspect: unknown, _extras: InspectExtras = {}): ContainerFacts {
  throw new Error('not implemented yet');
}

export function execFromInspect(_exec: unknown): ExecFact {
  throw new Error('not implemented yet');
}
