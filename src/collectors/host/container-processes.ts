// The processes of every container on this host, read from /proc instead of the Engine API's
// GET /containers/{id}/top, which makes dockerd run `ps` once per container (~100 ms each on a small host).
// Only meaningful when the daemon runs on the host whose /proc we read (a local unix socket, root '/').
import { readdir, readFile } from 'node:fs/promises';

export interface ContainerProcess {
  pid: number;
  uid?: number;
  command: string;
}

/**
 * The container id in a /proc/PID/cgroup file, for the layouts Docker uses: cgroupfs (`/docker/<id>`),
 * the systemd driver (`/system.slice/docker-<id>.scope`), and nested or rootless variants of both.
 */
export function containerIdFromCgroup(text: string): string | undefined {
  const m = /(?:\/docker[-/]|\/libpod-|docker-)([0-9a-f]{64})(?:\.scope)?(?:\/|$)/m.exec(text);
  return m?.[1];
}

/** The `Titles`/`Processes` shape of GET /top, so the engine adapter reads both sources alike. */
export interface TopLike {
  Titles: string[];
  Processes: string[][];
}

/** Reads /proc once; the map is keyed by full container id. Processes that exit meanwhile are skipped. */
export async function readContainerProcesses(proc = '/proc'): Promise<Map<string, TopLike>> {
  const pids = (await readdir(proc)).filter((e) => /^\d+$/.test(e));
  const rows = await Promise.all(
    pids.map(async (pid) => {
      try {
        const id = containerIdFromCgroup(await readFile(`${proc}/${pid}/cgroup`, 'utf8'));
        if (!id) return undefined;
        const [cmdline, status] = await Promise.all([
          readFile(`${proc}/${pid}/cmdline`, 'utf8'),
          readFile(`${proc}/${pid}/status`, 'utf8').catch(() => ''),
        ]);
        const command = cmdline.replace(/\0+$/, '').split('\0').join(' ');
        if (command === '') return undefined; // a kernel thread or a zombie
        const uid = /^Uid:\s+(\d+)/m.exec(status)?.[1] ?? '';
        return { id, row: [uid, pid, command] };
      } catch {
        return undefined;
      }
    }),
  );
  const out = new Map<string, TopLike>();
  for (const r of rows) {
    if (!r) continue;
    const entry = out.get(r.id) ?? { Titles: ['UID', 'PID', 'CMD'], Processes: [] };
    entry.Processes.push(r.row);
    out.set(r.id, entry);
  }
  return out;
}
