import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';
import { effectiveUser, isRootUser } from './_lib.js';

export default defineCheck({
  id: 'BH-CTR-025',
  slug: 'exec-root',
  title: 'No exec session runs as root',
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    '`docker exec --user root` (or an exec into a container whose default user is root) runs a shell with full privileges inside the container, bypassing the unprivileged user the image was built to run as.',
  remediation:
    "Exec as the container's own user (`docker exec -u app ...`), build images with a non-root USER, and restrict the exec API with an authorization plugin.",
  refs: [cis('5.24'), practice('P-KER-3')],
  partial: true,
  evaluate: (c) => {
    if (c.execs === undefined) return unknown('exec sessions (ExecIDs) were not collected');
    if (c.execs.length === 0) return pass('no exec session is known to the engine');
    const inherited = effectiveUser(c);
    const root: string[] = [];
    const undetermined: string[] = [];
    for (const e of c.execs) {
      const cmd = `"${e.command.join(' ')}"`;
      if (e.user.trim() !== '') {
        if (isRootUser(e.user)) root.push(`exec ${e.id.slice(0, 12)} runs ${cmd} as user "${e.user}"`);
      } else if (inherited === undefined) {
        undetermined.push(e.id.slice(0, 12));
      } else if (inherited.user === '' || isRootUser(inherited.user)) {
        root.push(
          `exec ${e.id.slice(0, 12)} runs ${cmd} as the ${inherited.from}'s default user "${inherited.user || 'root'}"`,
        );
      }
    }
    if (root.length > 0) return fail(root);
    if (undetermined.length > 0)
      return unknown(`exec ${undetermined.join(', ')} inherit the image's default user, which is unknown`);
    return pass(`${c.execs.length} exec session(s), none as root`);
  },
});
