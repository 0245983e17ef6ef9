import { defineCheck, fail, pass, practice, unknown } from '../../core/model.js';
import { isRunning, programOf } from './_lib.js';

/** Tiny inits and the shells of entrypoint scripts: not a concern of their own. */
const NOT_A_CONCERN = new Set(['tini', 'docker-init', 'dumb-init', 'catatonit', 'sh', 'bash', 'ash', 'dash']);

export default defineCheck({
  id: 'BH-CTR-008',
  slug: 'single-process',
  title: 'Container runs one main program (one concern per container)',
  severity: 'low',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'A container that runs several programs (a process supervisor with web server, cron and sshd) is harder to update, scale, restart and audit, and one compromised program reaches the others.',
  remediation:
    'Split each program into its own container (compose services), connected over a user-defined network; use `--init` only for signal handling.',
  refs: [practice('P-CTR-2')],
  evaluate: (c) => {
    if (!isRunning(c)) return unknown(`the container is ${c.state}: its processes cannot be listed`);
    if (c.processes === undefined) return unknown('the process list (docker top) was not collected');
    // Worker processes share the program name of their master (nginx, postgres, gunicorn...).
    const programs = [...new Set(c.processes.map((p) => programOf(p.command)))].filter(
      (p) => p !== '' && !NOT_A_CONCERN.has(p),
    );
    if (programs.length <= 1) return pass(`main program: ${programs[0] ?? 'none besides init/shell'}`);
    return fail(`${programs.length} distinct programs run: ${programs.join(', ')}`);
  },
});
