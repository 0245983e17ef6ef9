import { defineCheck, type Outcome, practice, url } from '../../core/model.js';
import type { Instruction } from '../../facts/dockerfile.js';
import { installed, packageIs } from './_a-packages.js';
import { lastShipped } from './_a-runtime.js';
import { baseName, effective, finding, runCommands, verdict } from './_lib.js';

const SSH_PACKAGES = ['openssh-server', 'openssh', 'dropbear', 'openssh-server-pam'];
const DAEMONS = new Set(['sshd', 'dropbear']);

/** Whether a CMD/ENTRYPOINT starts sshd: exec form `["/usr/sbin/sshd", "-D"]`, or a shell-form command. */
function startsSshd(ins: Instruction): string | null {
  const argvs: string[][] = [];
  if (ins.json) argvs.push(ins.json);
  for (const c of ins.shell?.commands ?? []) {
    const eff = effective(c);
    if (eff.name !== null && eff.word) argvs.push([eff.word.value, ...eff.args.map((a) => a.value)]);
  }
  for (const argv of argvs) {
    const prog = baseName(argv[0] ?? '');
    if (DAEMONS.has(prog)) return argv.join(' ');
    // `service ssh start`, `/etc/init.d/ssh start`, `rc-service sshd start`.
    if ((prog === 'service' || prog === 'rc-service') && /^(ssh|sshd|openssh-server)$/.test(argv[1] ?? ''))
      return argv.join(' ');
    if ((prog === 'ssh' || prog === 'sshd') && argv[0]?.startsWith('/etc/init.d/')) return argv.join(' ');
  }
  return null;
}

export default defineCheck({
  id: 'BH-DKF-018',
  slug: 'sshd',
  title: 'The image does not run or ship an ssh server',
  severity: 'medium',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    "An ssh daemon in a container is a second service with its own credentials, keys baked into the image, patches to follow and a port to expose; it also needs an init to run beside the application. Containers are entered with `docker exec`, which uses the Docker API's access control and audit trail. Reported: a final CMD/ENTRYPOINT that starts sshd or dropbear (exec or shell form, `service ssh start`), and an ssh server package installed in a stage that ships (which a supervisor or entrypoint script can start). Equivalent: Dockle (no sshd), CIS Docker 5.7 (for running containers).",
  remediation:
    'Remove openssh-server and the sshd start-up; debug with `docker exec -it <container> sh` (or `docker debug`), copy files with `docker cp`.',
  refs: [
    practice('P-CTR-3'),
    practice('P-COM-1'),
    url('https://docs.docker.com/reference/cli/docker/container/exec/'),
  ],
  evaluate: (df) => {
    const found: Outcome[] = [];
    for (const { ins, cmd, eff } of runCommands(df, df.shippedStages)) {
      const pkg = installed(eff).find((w) => SSH_PACKAGES.some((p) => packageIs(w.value, p)));
      if (pkg) found.push(finding(df, ins, `ssh server installed in the shipped image: ${cmd.text}`, pkg));
    }
    for (const kw of ['ENTRYPOINT', 'CMD']) {
      const ins = lastShipped(df, kw);
      const what = ins ? startsSshd(ins) : null;
      if (ins && what) found.push(finding(df, ins, `${kw} starts an ssh server: ${what}`));
    }
    return verdict(found, 'no ssh server is installed in the shipped stages or started by CMD/ENTRYPOINT');
  },
});
