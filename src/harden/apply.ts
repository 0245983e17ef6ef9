// The I/O half of `bulkhead harden`: `--write DIR` and `--apply`. Apply validates every file first (JSON,
// watch-rule syntax, the drop-in's shape, and the firewall files with the real tools' check modes when they
// are installed), and only then writes daemon.json, the drop-in and the audit rules, each with a timestamped
// backup, never outside its target path under the root. Firewall rules are validated, never loaded.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import {
  access,
  chmod,
  chown,
  copyFile,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  realpath,
  rename,
  rm,
  type stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { BulkheadError, UsageError } from '../core/errors.js';
import { validateAuditRules } from './audit-rules.js';
import { renderReadme } from './plan.js';
import type { GeneratedFile, HardenPlan, Validator } from './types.js';

/** A generated file failed validation; nothing was written. */
export class HardenValidationError extends BulkheadError {}

export interface Validation {
  name: string;
  check: string;
  status: 'ok' | 'failed' | 'skipped';
  detail?: string;
}

export interface Applied {
  name: string;
  /** Host path (without the root). */
  target: string;
  /** Path written (under the root). */
  path: string;
  status: 'created' | 'updated' | 'unchanged';
  backup?: string;
}

export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The binary is not installed. */
  missing?: boolean;
}

export type RunTool = (cmd: string, args: string[]) => Promise<ToolRun>;

export const runTool: RunTool = (cmd, args) =>
  new Promise((done) => {
    execFile(cmd, args, { timeout: 30_000, env: { ...process.env, LC_ALL: 'C' } }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
      if (e && e.code === 'ENOENT') done({ code: null, stdout: '', stderr: '', missing: true });
      else
        done({
          code: e ? (typeof e.code === 'number' ? e.code : 1) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        });
    });
  });

export interface ValidateOptions {
  /** Root the daemon's TLS files are looked up under. */
  root?: string | undefined;
  run?: RunTool | undefined;
}

const TOOL_CHECKS: Partial<
  Record<Validator, { cmd: string; args: (file: string) => string[]; label: string }>
> = {
  iptables: {
    cmd: 'iptables-restore',
    args: (f) => ['--test', '--noflush', f],
    label: 'iptables-restore --test',
  },
  nft: { cmd: 'nft', args: (f) => ['-c', '-f', f], label: 'nft -c -f' },
};

const underRoot = (root: string, hostPath: string): string => {
  const r = resolve(root);
  const p = resolve(r, `.${resolve('/', hostPath)}`);
  if (p !== r && !p.startsWith(r === sep ? sep : `${r}${sep}`))
    throw new UsageError(`${hostPath} resolves outside the root ${r}`);
  return p;
};

async function exists(p: string): Promise<boolean> {
  try {
    await access(p, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

async function validateFile(f: GeneratedFile, opts: ValidateOptions): Promise<Validation[]> {
  const out: Validation[] = [];
  const root = opts.root ?? '/';
  switch (f.validate) {
    case 'json': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(f.content);
      } catch (e) {
        out.push({ name: f.name, check: 'JSON', status: 'failed', detail: (e as Error).message });
        break;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        out.push({ name: f.name, check: 'JSON', status: 'failed', detail: 'not a JSON object' });
        break;
      }
      out.push({ name: f.name, check: 'JSON', status: 'ok' });
      // dockerd does not start when a TLS file it names is missing.
      for (const key of ['tlscacert', 'tlscert', 'tlskey']) {
        const v = (parsed as Record<string, unknown>)[key];
        if (typeof v !== 'string' || v === '') continue;
        const ok = await exists(underRoot(root, v));
        out.push({
          name: f.name,
          check: `"${key}" exists`,
          status: ok ? 'ok' : 'failed',
          ...(ok
            ? {}
            : { detail: `${v} does not exist (run \`bulkhead tls init --dir ${dirname(v)}\` first)` }),
        });
      }
      break;
    }
    case 'auditd': {
      const errors = validateAuditRules(f.content);
      out.push({
        name: f.name,
        check: 'audit rule syntax',
        status: errors.length ? 'failed' : 'ok',
        ...(errors.length ? { detail: errors.join('; ') } : {}),
      });
      break;
    }
    case 'systemd': {
      const lines = f.content.split('\n').map((l) => l.trim());
      const reset = lines.indexOf('ExecStart=');
      const ok =
        lines.includes('[Service]') && reset >= 0 && /^ExecStart=[-@+!:]*\//.test(lines[reset + 1] ?? '');
      out.push({
        name: f.name,
        check: 'drop-in shape',
        status: ok ? 'ok' : 'failed',
        ...(ok ? {} : { detail: 'needs [Service], "ExecStart=" and an absolute ExecStart' }),
      });
      break;
    }
    case 'iptables':
    case 'nft': {
      const tool = TOOL_CHECKS[f.validate]!;
      const dir = await mkdtemp(join(tmpdir(), 'bulkhead-harden-'));
      try {
        const file = join(dir, 'rules');
        await writeFile(file, f.content, { mode: 0o600 });
        const r = await (opts.run ?? runTool)(tool.cmd, tool.args(file));
        const detail = (r.stderr || r.stdout).trim().split('\n').slice(0, 5).join(' | ');
        if (r.missing)
          out.push({
            name: f.name,
            check: tool.label,
            status: 'skipped',
            detail: `${tool.cmd} is not installed`,
          });
        else if (r.code === 0) out.push({ name: f.name, check: tool.label, status: 'ok' });
        else if (/permission denied|operation not permitted|must be root/i.test(detail))
          out.push({ name: f.name, check: tool.label, status: 'skipped', detail: `needs root: ${detail}` });
        else out.push({ name: f.name, check: tool.label, status: 'failed', detail });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      break;
    }
    default:
      break;
  }
  return out;
}

/** Validates every file of the plan that has a validator (firewall files with their tools' check modes). */
export async function validatePlan(plan: HardenPlan, opts: ValidateOptions = {}): Promise<Validation[]> {
  const out: Validation[] = [];
  for (const f of plan.files) out.push(...(await validateFile(f, opts)));
  return out;
}

const pad = (n: number): string => String(n).padStart(2, '0');
/** YYYYmmddHHMMSS in local time, as in daemon.json.bulkhead-20261128103000. */
export const stamp = (d: Date): string =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

function sameContent(f: GeneratedFile, current: string): boolean {
  if (current === f.content) return true;
  if (f.validate !== 'json') return false;
  try {
    return JSON.stringify(JSON.parse(current)) === JSON.stringify(JSON.parse(f.content));
  } catch {
    return false;
  }
}

/** Throws when `dir` (or its nearest existing ancestor) is a symbolic link that leads outside the root. */
async function refuseEscape(root: string, dir: string): Promise<void> {
  if (root === sep) return;
  let existing = dir;
  while (!(await exists(existing)) && dirname(existing) !== existing) existing = dirname(existing);
  const real = await realpath(existing);
  const realRoot = await realpath(root);
  if (real !== realRoot && !real.startsWith(`${realRoot}${sep}`))
    throw new UsageError(
      `${dir} leads outside the root ${root} (through ${existing}); nothing was written there`,
    );
}

export interface ApplyOptions extends ValidateOptions {
  now?: Date | undefined;
}

export interface ApplyResult {
  validations: Validation[];
  applied: Applied[];
}

/** Validates the whole plan, then writes the files marked `apply` to their targets (under `root`). */
export async function applyPlan(plan: HardenPlan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const root = resolve(opts.root ?? '/');
  const validations = await validatePlan(plan, opts);
  const failures = validations.filter((v) => v.status === 'failed');
  if (failures.length)
    throw new HardenValidationError(
      `nothing was written: ${failures.map((v) => `${v.name}: ${v.check} failed${v.detail ? ` (${v.detail})` : ''}`).join('; ')}`,
      'fix the cause above and run again',
    );
  const applied: Applied[] = [];
  const targets = plan.files.filter((f) => f.apply && f.target);
  // Resolve every path before writing any, so a bad target stops the run before the first write.
  const paths = targets.map((f) => underRoot(root, f.target!));
  for (const p of paths) await refuseEscape(root, dirname(p));
  const now = opts.now ?? new Date();
  for (const [i, f] of targets.entries()) {
    const path = paths[i]!;
    let current: string | undefined;
    let st: Awaited<ReturnType<typeof stat>> | undefined;
    try {
      const l = await lstat(path);
      if (l.isSymbolicLink())
        throw new UsageError(`${path} is a symbolic link; bulkhead does not write through it`);
      st = l;
      current = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const base = { name: f.name, target: f.target!, path };
    if (current !== undefined && sameContent(f, current)) {
      applied.push({ ...base, status: 'unchanged' });
      continue;
    }
    const dir = dirname(path);
    await refuseEscape(root, dir);
    await mkdir(dir, { recursive: true, mode: 0o755 });
    let backup: string | undefined;
    if (current !== undefined && st) {
      backup = `${path}.bulkhead-${stamp(now)}`;
      await copyFile(path, backup, constants.COPYFILE_EXCL);
      await chmod(backup, Number(st.mode) & 0o777);
    }
    const tmp = join(dir, `.${f.name.replace(/\W+/g, '_')}.bulkhead-${process.pid}`);
    const mode = st ? Number(st.mode) & 0o777 : f.mode;
    await writeFile(tmp, f.content, { mode });
    await chmod(tmp, mode);
    if (st) await chown(tmp, Number(st.uid), Number(st.gid)).catch(() => undefined);
    await rename(tmp, path);
    applied.push({
      ...base,
      status: current === undefined ? 'created' : 'updated',
      ...(backup ? { backup } : {}),
    });
  }
  return { validations, applied };
}

export interface Written {
  path: string;
  mode: number;
}

/** `--write DIR`: every generated file plus README.md; the directory is private (0700). */
export async function writePlan(dir: string, plan: HardenPlan, target: string | null): Promise<Written[]> {
  const out = resolve(dir);
  await mkdir(out, { recursive: true, mode: 0o700 });
  const written: Written[] = [];
  const files = [...plan.files, { name: 'README.md', content: renderReadme(plan, target), mode: 0o644 }];
  for (const f of files) {
    const path = resolve(out, f.name);
    if (!path.startsWith(`${out}${sep}`)) throw new UsageError(`${f.name} resolves outside ${out}`);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(path, f.content, { mode: f.mode });
    await chmod(path, f.mode);
    written.push({ path, mode: f.mode });
  }
  return written;
}
