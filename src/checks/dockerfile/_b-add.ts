// ADD's sources: remote (http/https/git) or local, and which local ones ADD would extract.
export const HTTP_URL = /^https?:\/\//i;
/** What BuildKit fetches with git: git@host:…, git://, ssh://, and https URLs ending in .git (optionally #ref). */
export const GIT_URL = /^(git@[^:]+:|git:\/\/|ssh:\/\/)|^https?:\/\/[^#]+\.git(#.*)?$/i;
/** Archives ADD unpacks (identity, gzip, bzip2, xz; zstd in recent BuildKit). */
export const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|tar\.lz|tar\.lzma)$/i;
