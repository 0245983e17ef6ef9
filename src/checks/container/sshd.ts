import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';
import { isRunning, programOf } from './_lib.js';

const isSshd = (word: string): boolean => /^(sshd|dropbear)$/.test(programOf(word));

export default defineCheck({
  id: 'BH-CTR-007',
  slug: 'sshd',
  title: 'Container does not run an SSH server',
  severity: 'high',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'An SSH daemon in a container is another network service with its own keys, passwords and patches to manage, and a way in that bypasses the engine. `docker exec` gives the same access through the engine.',
  remediation:
    'Remove sshd from the image and its start command; use `docker exec -it <container> sh` for interactive access.',
  refs: [cis('5.7'), practice('P-CTR-3'), practice('P-COM-1')],
  evaluate: (c) => {
    if (isRunning(c) && c.processes !== undefined) {
      const found = c.processes.filter((p) => isSshd(p.command));
      return found.length > 0
        ? fail(found.map((p) => `process ${p.pid} (user ${p.user}) runs "${p.command}"`))
        : pass(`none of the ${c.processes.length} running processes is sshd`);
    }
    const argv = [...c.spec.entrypoint, ...c.spec.cmd];
    // `sh -c "/usr/sbin/sshd -D"` carries the daemon inside one argument.
    const words = argv.flatMap((a) => a.split(/[\s;&|]+/)).filter((w) => w !== '');
    const hit = words.find(isSshd);
    if (hit) return fail(`the container's command starts ${hit}: ${JSON.stringify(argv)}`);
    return unknown(
      isRunning(c)
        ? 'the process list (docker top) was not collected'
        : `the container is ${c.state}: its processes cannot be listed and its command does not name sshd`,
    );
  },
});
