// npm run bench: times a full `bulkhead audit` on the isolated test daemon with N labelled containers
// (N = 10, 100, 300 by default; BENCH_SIZES=10,50 to change), a third of them running, the rest created or
// exited. Reports the CLI's wall time (median of BENCH_RUNS runs, node start-up included), the audit's own
// duration (report.durationMs) and the CLI process's peak RSS. Everything it makes is labelled
// bulkhead.test=1 and bulkhead.bench=1 and removed at the end.
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sizes = (process.env.BENCH_SIZES ?? '10,100,300').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const IMAGE = 'bulkhead-bench:latest';
const LABELS = ['--label', 'bulkhead.test=1', '--label', 'bulkhead.bench=1'];

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  return (r.stdout ?? '').trim();
}

if (!existsSync(join(root, 'dist/shells/cli/bin.js')))
  sh('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
const keep = Boolean(process.env.BULKHEAD_TEST_DOCKER_HOST);
function startDaemon() {
  sh('bash', [join(root, 'scripts/test-daemon.sh'), 'start'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const env = sh('bash', [join(root, 'scripts/test-daemon.sh'), 'env']);
  const m = /^export DOCKER_HOST=(\S+)$/m.exec(env);
  if (!m) throw new Error(`scripts/test-daemon.sh env printed no DOCKER_HOST:\n${env}`);
  return m[1];
}
const host = process.env.BULKHEAD_TEST_DOCKER_HOST ?? startDaemon();
const env = { ...process.env, DOCKER_HOST: host, DOCKER_BUILDKIT: '0' };
const docker = (...args) =>
  run('docker', ['-H', host, ...args], { env, maxBuffer: 64 << 20 }).then((r) => r.stdout.trim());

async function cleanup() {
  const ids = (await docker('ps', '-aq', '--filter', 'label=bulkhead.bench=1')).split('\n').filter(Boolean);
  for (let i = 0; i < ids.length; i += 100) await docker('rm', '-f', ...ids.slice(i, i + 100));
  await docker('rmi', '-f', IMAGE).catch(() => {});
}

async function pool(n, limit, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, n) }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

async function ensureContainers(n, have) {
  await pool(n - have, 4, async (k) => {
    const i = have + k;
    const state = i % 3;
    const args = ['create', ...LABELS, '--name', `bh-bench-${i}`];
    if (i % 5 === 0) args.push('--cap-add', 'NET_ADMIN', '-p', `127.0.0.1::${8000 + (i % 50)}`);
    if (i % 7 === 0) args.push('--read-only', '--memory', '32m', '--pids-limit', '32');
    const id = await docker(...args, IMAGE, ...(state === 0 ? ['sleep', '86400'] : ['true']));
    if (state !== 2) await docker('start', id); // 0: running, 1: exited, 2: created
    if (state === 1) await docker('wait', id);
  });
}

function auditOnce() {
  const out = join(tmpdir(), `bulkhead-bench-${process.pid}.json`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      process.execPath,
      join(root, 'bin/bulkhead.js'),
      'audit',
      '--host',
      host,
      '-f',
      'json',
      '-o',
      out,
      '--fail-on',
      'none',
    ],
    { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: host } },
  );
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`audit failed: ${r.stderr}`);
  const peakKb = Number(r.stderr.trim().split('\n').pop());
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  return { wall, audit: report.durationMs, peakMb: peakKb / 1024, results: report.results.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  await cleanup();
  const ctx = mkdtempSync(join(tmpdir(), 'bulkhead-bench-img-'));
  copyFileSync('/bin/busybox', join(ctx, 'busybox'));
  writeFileSync(
    join(ctx, 'Dockerfile'),
    'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nLABEL bulkhead.test=1 bulkhead.bench=1\nCMD ["sh"]\n',
  );
  await docker('build', '-q', '-t', IMAGE, ctx);
  rmSync(ctx, { recursive: true, force: true });

  const rows = [];
  let have = 0;
  for (const n of sizes) {
    process.stderr.write(`bench: preparing ${n} containers...\n`);
    await ensureContainers(n, have);
    have = n;
    auditOnce(); // warm the page cache
    const samples = Array.from({ length: runs }, auditOnce);
    const row = {
      containers: n,
      wallMs: median(samples.map((s) => s.wall)),
      auditMs: median(samples.map((s) => s.audit)),
      peakRssMb: Math.max(...samples.map((s) => s.peakMb)),
      results: samples[0].results,
    };
    rows.push(row);
    process.stderr.write(`bench: ${JSON.stringify(row)}\n`);
  }
  const base = rows[0];
  console.log(
    `\nbulkhead audit benchmark — ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${runs} runs, median`,
  );
  console.log(
    '| containers | CLI wall time (ms) | audit durationMs | peak RSS (MB) | results | wall ms / container over first row |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const per = r === base ? '—' : ((r.wallMs - base.wallMs) / (r.containers - base.containers)).toFixed(2);
    console.log(
      `| ${r.containers} | ${r.wallMs.toFixed(0)} | ${r.auditMs} | ${r.peakRssMb.toFixed(0)} | ${r.results} | ${per} |`,
    );
  }
} finally {
  if (!process.env.BENCH_KEEP) await cleanup();
  if (!keep && !process.env.BULKHEAD_KEEP_DAEMON)
    sh('bash', [join(root, 'scripts/test-daemon.sh'), 'stop'], { stdio: 'inherit' });
}
