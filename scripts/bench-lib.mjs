// Shared by the benchmark scripts: running a command with its wall time and peak RSS, and medians.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** GNU time reports the peak RSS of any process; absent on macOS and slim images. */
export const gnuTime =
  existsSync('/usr/bin/time') &&
  spawnSync('/usr/bin/time', ['-f', '%M', '-o', '/dev/null', 'true']).status === 0;

/**
 * Runs a command: wall time, peak RSS (KiB) and output. `dir` holds the RSS file. Without GNU time, a node
 * child reports its own maxRSS through an exit hook (only for node commands; others get null).
 */
export function measure(dir, cmd, args, opts = {}) {
  const rssFile = join(dir, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  let file = cmd;
  let argv = args;
  if (gnuTime) [file, argv] = ['/usr/bin/time', ['-f', '%M', '-o', rssFile, cmd, ...args]];
  else if (cmd === process.execPath) {
    const hook = `import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS)))`;
    argv = ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, ...args];
  }
  const t0 = performance.now();
  const r = spawnSync(file, argv, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  const wallMs = performance.now() - t0;
  let rssKb = null;
  if (existsSync(rssFile)) {
    // GNU time writes "Command exited with non-zero status N" before the figure when the command fails.
    rssKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) || null;
    rmSync(rssFile, { force: true });
  }
  return {
    status: r.status,
    signal: r.signal,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    wallMs,
    rssKb,
  };
}

/** The median of the finite numbers in xs (mean of the middle two for an even count), or null. */
export const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
