// `bulkhead db status`: what is loaded per ecosystem and how fresh it is.

import { existsSync } from 'node:fs';
import { openStore, SCHEMA_VERSION } from './store.js';

export interface EcosystemStatus {
  /** As OSV spells it, e.g. `Debian:12`, `Alpine:v3.19`, `npm`. */
  ecosystem: string;
  advisories: number;
  packages: number;
  /** Newest `modified` among its advisories (normalised RFC 3339), when any is loaded. */
  newestModified?: string;
  /** When this ecosystem was last imported. */
  importedAt?: string;
  /** Whole days from the newest `modified` to now: how stale the data is, whatever the import time. */
  ageDays?: number;
}

export type DbStatus =
  | { exists: false; path: string }
  | {
      exists: true;
      path: string;
      schemaVersion: number;
      advisories: number;
      /** Most recent import of any ecosystem. */
      lastImport?: string;
      ecosystems: EcosystemStatus[];
    };

const DAY_MS = 86_400_000;

export function dbStatus(dbPath: string, now: Date = new Date()): DbStatus {
  if (!existsSync(dbPath)) return { exists: false, path: dbPath };
  const store = openStore(dbPath, { create: false });
  try {
    const db = store.db;
    const counts = db.all(
      `SELECT f.ecosystem AS ecosystem, COUNT(DISTINCT f.advisory_id) AS advisories,
              COUNT(DISTINCT f.package) AS packages, MAX(a.modified) AS newest
         FROM affected f JOIN advisories a ON a.id = f.advisory_id GROUP BY f.ecosystem`,
    );
    const imports = new Map(
      db.all('SELECT ecosystem, imported_at FROM ecosystems').map((r) => [r.ecosystem, r.imported_at]),
    );
    const byName = new Map<string, EcosystemStatus>();
    for (const r of counts) {
      const s: EcosystemStatus = {
        ecosystem: String(r.ecosystem),
        advisories: Number(r.advisories),
        packages: Number(r.packages),
      };
      if (typeof r.newest === 'string') {
        s.newestModified = r.newest;
        s.ageDays = Math.max(0, Math.floor((now.getTime() - Date.parse(r.newest)) / DAY_MS));
      }
      byName.set(s.ecosystem, s);
    }
    for (const [eco, at] of imports) {
      const s = byName.get(String(eco)) ?? { ecosystem: String(eco), advisories: 0, packages: 0 };
      s.importedAt = String(at);
      byName.set(s.ecosystem, s);
    }
    const ecosystems = [...byName.values()].sort((a, b) =>
      a.ecosystem < b.ecosystem ? -1 : a.ecosystem > b.ecosystem ? 1 : 0,
    );
    const total = Number(db.get('SELECT COUNT(*) AS n FROM advisories')?.n ?? 0);
    const lastImport = ecosystems.reduce<string | undefined>(
      (acc, e) =>
        e.importedAt !== undefined && (acc === undefined || e.importedAt > acc) ? e.importedAt : acc,
      undefined,
    );
    const status: DbStatus = {
      exists: true,
      path: dbPath,
      schemaVersion: SCHEMA_VERSION,
      advisories: total,
      ecosystems,
    };
    if (lastImport) status.lastImport = lastImport;
    return status;
  } finally {
    store.close();
  }
}
