// npm run bench:lint: lints a generated corpus (scripts/lint-corpus.mjs; 2,000 Dockerfiles and 500 compose
// files by default) and prints, from one run on one machine, throughput and peak RSS of
//   a. dockerfile-utils validate() over the Dockerfiles (the npm linter behind the VS Code Docker extension),
//   b. bulkhead's lintDockerfileText() over the same Dockerfiles, in-process,
//   c. `bulkhead lint --format json` end to end over the whole corpus (Dockerfiles + compose).
// Each measurement is a fresh child process, so peak RSS belongs to one tool; the in-process figures time
// only the lint loop (files are read first), so they compare linters rather than disks. One warm-up run,
// then the median of BENCH_RUNS runs (default 3). Knobs: BENCH_DOCKERFILES, BENCH_COMPOSE, BENCH_SEED,
// BENCH_KEEP=1 (keep the corpus and print where it is).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gnuTime, measure as measureIn, median } from './bench-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOCKERFILE_MODULE = join(root, 'dist/lint/dockerfile/index.js');

// ---------------------------------------------------------------------------------- child: one tool

async function child(tool, listFile) {
  const files = JSON.parse(readFileSync(listFile, 'utf8'));
  const t0 = performance.now();
  let lintOne;
  const ids = new Set();
  const tally = { diagnostics: 0, failing: 0, results: 0 };
  if (tool === 'dockerfile-utils') {
    const { validate } = await import('dockerfile-utils');
    lintOne = (_path, text) => {
      tally.diagnostics += validate(text).length;
    };
  } else {
    const mod = await import(pathToFileURL(DOCKERFILE_MODULE).href);
    if (typeof mod.lintDockerfileText !== 'function')
      throw new Error(`${DOCKERFILE_MODULE} does not export lintDockerfileText`);
    lintOne = (path, text) => {
      const out = mod.lintDockerfileText(path, text);
      tally.diagnostics += out.diagnostics.length;
      tally.results += out.results.length;
      for (const r of out.results) {
        ids.add(r.checkId);
        if (r.status === 'fail') tally.failing++;
      }
    };
  }
  const loadMs = performance.now() - t0;
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  let crashes = 0;
  let firstCrash;
  const t1 = performance.now();
  for (let i = 0; i < files.length; i++) {
    try {
      lintOne(files[i], texts[i]);
    } catch (err) {
      crashes++;
      firstCrash ??= `${files[i]}: ${err?.stack ?? err}`;
    }
  }
  const lintMs = performance.now() - t1;
  const out = { files: files.length, loadMs, lintMs, maxRssKb: process.resourceUsage().maxRSS, crashes };
  Object.assign(out, tally, { rules: ids.size, firstCrash });
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
  process.exit(0);
}

// ---------------------------------------------------------------------------------- parent

const { generateCorpus } = await import('./lint-corpus.mjs');
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const sizes = {
  dockerfiles: Number(process.env.BENCH_DOCKERFILES ?? 2000),
  compose: Number(process.env.BENCH_COMPOSE ?? 500),
  seed: Number(process.env.BENCH_SEED ?? 1),
};
const log = (s) => process.stderr.write(`bench:lint: ${s}\n`);
const firstLines = (s, n = 8) => s.trim().split('\n').slice(0, n).join('\n');

/** Runs a command: wall time, peak RSS (KiB) and output (scripts/bench-lib.mjs). */
const measure = (cmd, args, opts = {}) => measureIn(work, cmd, args, opts);

/** Warm-up plus `runs` samples of `once`; null with a reason when the tool cannot run. */
function repeat(name, once) {
  log(`${name}: warm-up`);
  const warm = once(true);
  if (warm.error) return warm;
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const s = once(false);
    if (s.error) return s;
    log(`${name}: run ${i + 1}/${runs}: ${s.timeMs.toFixed(0)} ms, ${(s.rssKb / 1024).toFixed(0)} MB`);
    samples.push(s);
  }
  const pick = (k) => median(samples.map((s) => s[k]));
  return {
    ...warm,
    timeMs: pick('timeMs'),
    wallMs: pick('wallMs'),
    loadMs: pick('loadMs'),
    rssKb: pick('rssKb'),
  };
}

function inProcess(tool, listFile) {
  return (first) => {
    const r = measure(process.execPath, [fileURLToPath(import.meta.url), '--child', tool, listFile], {
      cwd: root,
    });
    if (r.status !== 0) return { error: `child exited ${r.status ?? r.signal}:\n${firstLines(r.stderr)}` };
    const out = JSON.parse(r.stdout.trim().split('\n').pop());
    if (out.crashes > 0 && first)
      log(`${tool}: threw on ${out.crashes} of ${out.files} files; first:\n${firstLines(out.firstCrash, 6)}`);
    return { ...out, timeMs: out.lintMs, wallMs: r.wallMs, rssKb: r.rssKb ?? out.maxRssKb };
  };
}

function cli(dir, files) {
  // The warm-up keeps its report, to check it is one (an uncaught exception also exits 1) and to count it;
  // timed runs write to /dev/null, so rendering is measured but not the disk.
  const reportFile = join(work, 'report.json');
  return (first) => {
    const r = measure(
      process.execPath,
      [
        join(root, 'bin/bulkhead.js'),
        'lint',
        '--format',
        'json',
        '-o',
        first ? reportFile : '/dev/null',
        dir,
      ],
      // cwd outside the repository so its .bulkhead.yaml, if any, does not apply.
      { cwd: dir, env: { ...process.env, NO_COLOR: '1' } },
    );
    if (r.status !== 0 && r.status !== 1)
      return { error: `bulkhead lint exited ${r.status ?? r.signal}:\n${firstLines(r.stderr)}` };
    const out = { files, timeMs: r.wallMs, wallMs: r.wallMs, rssKb: r.rssKb, exit: r.status };
    if (!first) return out;
    let report;
    try {
      report = JSON.parse(readFileSync(reportFile, 'utf8'));
    } catch {
      return { error: `bulkhead lint exited ${r.status} without a JSON report:\n${firstLines(r.stderr)}` };
    }
    rmSync(reportFile, { force: true });
    const results = report.results ?? [];
    out.results = results.length;
    out.failing = results.filter((x) => x.status === 'fail').length;
    out.rules = new Set(results.map((x) => x.checkId)).size;
    out.diagnostics = (report.warnings ?? []).length;
    return out;
  };
}

function ensureBuilt() {
  const stale =
    !existsSync(join(root, 'dist/bulkhead.cjs')) ||
    (existsSync(join(root, 'src/lint/dockerfile/index.ts')) && !existsSync(DOCKERFILE_MODULE));
  if (!stale) return;
  log('dist/ is missing or lacks the Dockerfile linter: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0)
    log(`npm run build failed (bulkhead rows will say why):\n${firstLines(r.stdout + r.stderr, 12)}`);
}

const work = mkdtempSync(join(tmpdir(), 'bulkhead-bench-lint-'));
let failed = false;
try {
  ensureBuilt();
  const corpusDir = join(work, 'corpus');
  const corpus = generateCorpus(corpusDir, sizes);
  const listFile = join(work, 'dockerfiles.json');
  writeFileSync(listFile, JSON.stringify(corpus.dockerfiles));
  const nD = corpus.dockerfiles.length;
  const nAll = nD + corpus.compose.length;
  log(
    `corpus: ${nD} Dockerfiles + ${corpus.compose.length} compose files, ${corpus.lines} lines, ${(corpus.bytes / 1024).toFixed(0)} KiB (seed ${sizes.seed}) in ${corpusDir}`,
  );

  const duVersion = JSON.parse(
    readFileSync(join(root, 'node_modules/dockerfile-utils/package.json'), 'utf8'),
  ).version;
  const rows = [];
  const du = repeat('dockerfile-utils', inProcess('dockerfile-utils', listFile));
  rows.push({
    name: `dockerfile-utils ${duVersion} \`validate()\``,
    mode: 'in-process',
    ...du,
    findings: du.error ? '' : `${du.diagnostics} diagnostics`,
  });

  const bh = existsSync(DOCKERFILE_MODULE)
    ? repeat('bulkhead lintDockerfileText', inProcess('bulkhead', listFile))
    : { error: `${DOCKERFILE_MODULE} not found (src/lint/dockerfile/index.ts not written or not built yet)` };
  rows.push({
    name: 'bulkhead `lintDockerfileText()`',
    mode: 'in-process',
    ...bh,
    findings: bh.error
      ? ''
      : `${bh.failing} failing results, ${bh.rules} rules, ${bh.diagnostics} diagnostics`,
  });

  const c = existsSync(join(root, 'dist/bulkhead.cjs'))
    ? repeat('bulkhead lint CLI', cli(corpusDir, nAll))
    : { error: 'dist/bulkhead.cjs not found (npm run build failed)' };
  if (!c.error && !existsSync(DOCKERFILE_MODULE))
    c.note = 'Dockerfile linter not built: the CLI linted the compose files only';
  rows.push({
    name: 'bulkhead lint CLI (`--format json`)',
    mode: 'end to end, Dockerfiles + compose',
    ...c,
    findings: c.error
      ? ''
      : `exit ${c.exit}; ${c.failing} failing of ${c.results} results, ${c.rules} rules, ${c.diagnostics} warnings`,
  });

  const f0 = (x, d = 0) => (x == null ? 'n/a' : x.toFixed(d));
  const cpu = cpus();
  console.log(
    `\nbulkhead lint benchmark — ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, node ${process.version}; corpus seed ${sizes.seed}: ${nD} Dockerfiles + ${corpus.compose.length} compose files (${corpus.lines} lines); median of ${runs} runs after 1 warm-up`,
  );
  console.log('');
  console.log(
    '| linter | mode | files | lint time (ms) | files/s | ms/file | module load (ms) | process wall (ms) | peak RSS (MB) | output |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    if (r.error) {
      failed = true;
      console.log(
        `| ${r.name} | ${r.mode} | — | — | — | — | — | — | — | not measured: ${r.error.split('\n')[0]} |`,
      );
      continue;
    }
    // A linter that throws has not linted the whole corpus, so its figures do not compare.
    if (r.crashes) failed = true;
    console.log(
      `| ${r.name} | ${r.mode} | ${r.files} | ${f0(r.timeMs)} | ${f0((r.files / r.timeMs) * 1000)} | ${f0(r.timeMs / r.files, 3)} | ${r.loadMs == null ? '—' : f0(r.loadMs)} | ${f0(r.wallMs)} | ${r.rssKb == null ? 'n/a' : f0(r.rssKb / 1024)} | ${r.findings}${r.note ? ` (${r.note})` : ''}${r.crashes ? `; threw on ${r.crashes} files` : ''} |`,
    );
  }
  const [a, b] = rows;
  if (!a.error && !b.error) {
    const t = b.timeMs / b.files / (a.timeMs / a.files);
    const m = a.rssKb && b.rssKb ? b.rssKb / a.rssKb : null;
    console.log(
      `\nbulkhead / dockerfile-utils per Dockerfile: ${t.toFixed(2)}× the time (${t < 1 ? `${(1 / t).toFixed(2)}× faster` : `${t.toFixed(2)}× slower`})${m ? `, ${m.toFixed(2)}× the peak RSS` : ''}.`,
    );
  }
  for (const r of rows) if (r.error) log(`${r.name}: ${r.error}`);
  if (!gnuTime)
    log("/usr/bin/time (GNU) not found: peak RSS of the in-process rows is the child's maxRSS; CLI RSS n/a");
  console.log('\nCommand: `npm run bench:lint` (BENCH_RUNS, BENCH_DOCKERFILES, BENCH_COMPOSE, BENCH_SEED).');
} finally {
  if (process.env.BENCH_KEEP) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
