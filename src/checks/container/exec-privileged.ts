import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-024',
  slug: 'exec-privileged',
  title: 'No exec session runs with --privileged',
  severity: 'high',
  scope: 'container',
  facts: ['containers'],
  rationale:
    '`docker exec --privileged` gives the exec process every capability and no confinement even when the container itself is unprivileged, so whoever runs it can escape to the host.',
  remediation:
    'Do not use `docker exec --privileged`; restrict who may call the exec API (an authorization plugin such as `bulkhead authz`).',
  refs: [cis('5.23'), practice('P-KER-3')],
  evaluate: (c) => {
    if (c.execs === undefined) return unknown('exec sessions (ExecIDs) were not collected');
    const priv = c.execs.filter((e) => e.privileged);
    if (priv.length === 0) return pass(`${c.execs.length} exec session(s), none privileged`);
    return fail(
      priv.map(
        (e) =>
          `exec ${e.id.slice(0, 12)} runs "${e.command.join(' ')}" privileged${e.running ? ' (still running)' : ''}`,
      ),
    );
  },
});
