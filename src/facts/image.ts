export interface HistoryEntry {
  createdBy: string;
  created?: string;
  emptyLayer: boolean;
  comment?: string;
}

export interface ImageFacts {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  created?: string;
  size: number;
  /** Image config (Config of image inspect). */
  user: string;
  env: string[];
  cmd: string[];
  entrypoint: string[];
  exposedPorts: string[];
  healthcheck?: { test: string[] };
  labels: Record<string, string>;
  history: HistoryEntry[];
  /** true when no repo tag (<none>:<none>). */
  dangling: boolean;
  /** Number of containers (any state) using this image. */
  containers: number;
}
