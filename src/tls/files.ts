// Writes key material all-or-nothing with exact modes: existing files are refused unless forced, each file
// is written to a temporary name with its mode set before any content lands, then linked (no overwrite
// possible, even in a race) or renamed (force) into place.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, link, lstat, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { BulkheadError, UsageError } from '../core/errors.js';

/** A certificate or key file could not be written or read. */
export class TlsFileError extends BulkheadError {}

export const MODE = { key: 0o400, cert: 0o444, dir: 0o700 } as const;

export interface PlannedFile {
  path: string;
  content: string;
  mode: number;
}

export interface WrittenFile {
  path: string;
  mode: number;
  /** True when an existing file was replaced (force). */
  replaced: boolean;
}

const code = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | undefined)?.code;

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (err) {
    if (code(err) === 'ENOENT') return false;
    throw new TlsFileError(`cannot check ${path}: ${(err as Error).message}`);
  }
}

/** Creates missing directories with mode 0700 (umask-proof); returns the ones it created, outermost first. */
export async function makePrivateDirs(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let d = resolve(dir); !(await exists(d)); d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    try {
      await mkdir(d, { mode: MODE.dir });
      await chmod(d, MODE.dir);
    } catch (err) {
      if (code(err) !== 'EEXIST')
        throw new TlsFileError(`cannot create directory ${d}: ${(err as Error).message}`);
    }
  }
  const st = await stat(dir);
  if (!st.isDirectory()) throw new UsageError(`${dir} is not a directory`);
  return missing;
}

/** Existing files among the planned ones, for a refusal that names them all. */
export async function existingFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const p of paths) if (await exists(p)) found.push(p);
  return found;
}

export function refuseOverwrite(found: readonly string[]): never {
  const [first, ...rest] = found;
  throw new UsageError(
    `refusing to overwrite ${first}${rest.length ? ` (and ${rest.length} more: ${rest.join(', ')})` : ''}`,
    'pass --force to replace them (certificates issued by a replaced CA stop working), or choose another directory',
  );
}

/**
 * Writes every planned file or none of the new ones: refuses existing files unless `force`, and on a failure
 * removes the files this call created (replaced ones cannot be restored).
 */
export async function writeAll(files: readonly PlannedFile[], force: boolean): Promise<WrittenFile[]> {
  const found = await existingFiles(files.map((f) => f.path));
  if (found.length && !force) refuseOverwrite(found);
  for (const f of files) await makePrivateDirs(dirname(f.path));
  const written: WrittenFile[] = [];
  try {
    for (const f of files) written.push(await writeOne(f, force));
  } catch (err) {
    for (const w of written) if (!w.replaced) await unlink(w.path).catch(() => undefined);
    throw err;
  }
  return written;
}

async function writeOne(f: PlannedFile, force: boolean): Promise<WrittenFile> {
  const tmp = resolve(dirname(f.path), `.${basename(f.path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      // open()'s mode passes through the umask; the final mode is set before the content is written (the
      // handle stays writable whatever the mode).
      await fh.chmod(f.mode);
      await fh.writeFile(f.content);
      await fh.sync();
    } finally {
      await fh.close();
    }
    let replaced = false;
    if (force) {
      replaced = await exists(f.path);
      await rename(tmp, f.path);
    } else {
      try {
        await link(tmp, f.path);
      } catch (err) {
        if (code(err) === 'EEXIST') refuseOverwrite([f.path]);
        throw err;
      }
      await unlink(tmp);
    }
    return { path: f.path, mode: f.mode, replaced };
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    if (err instanceof BulkheadError) throw err;
    throw new TlsFileError(`cannot write ${f.path}: ${(err as Error).message}`);
  }
}
