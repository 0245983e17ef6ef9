// Offline vulnerability database: OSV advisories imported into SQLite, matched per ecosystem.

export { compareApkVersions, isValidApkVersion } from './compare/apk.js';
export { normalizeGoVersion, type VersionComparator } from './compare/index.js';
export { cvss3BaseScore, cvssSeverity, type SeverityLevel } from './cvss.js';
export { type ImportOptions, type ImportProblem, type ImportSummary, importOsv } from './import.js';
export {
  evaluateAffected,
  type OsvTarget,
  openDb,
  osvTarget,
  UNKNOWN_SEVERITY,
  type VulnDb,
} from './match.js';
export { type DbStatus, dbStatus, type EcosystemStatus } from './status.js';
export { defaultDbPath, SCHEMA_VERSION, VulnDbError } from './store.js';
