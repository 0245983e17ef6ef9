import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';
import { daemonHasSecurityOption, securityOpts } from './_lib.js';

const TRUE = new Set(['', 'true', '1']);

export default defineCheck({
  id: 'BH-CTR-027',
  slug: 'no-new-privileges',
  title: 'Container cannot gain new privileges (no-new-privileges)',
  severity: 'medium',
  scope: 'container',
  facts: ['containers', 'daemon'],
  rationale:
    'Without no-new-privileges a process in the container can gain privileges through setuid/setgid binaries or file capabilities, turning an unprivileged foothold into root inside the container.',
  remediation:
    'Run with `--security-opt no-new-privileges` (compose `security_opt: [no-new-privileges:true]`) or set `"no-new-privileges": true` in daemon.json.',
  refs: [cis('5.26'), practice('P-KER-3')],
  evaluate: (c, ctx) => {
    const opt = securityOpts(c).findLast((o) => o.key === 'no-new-privileges');
    if (opt) {
      const v = opt.value.trim().toLowerCase();
      return TRUE.has(v)
        ? pass(`HostConfig.SecurityOpt contains "${opt.raw}"`)
        : fail(`HostConfig.SecurityOpt contains "${opt.raw}": new privileges are explicitly allowed`);
    }
    const daemonDefault = daemonHasSecurityOption(ctx, 'no-new-privileges');
    if (daemonDefault === true)
      return pass('the daemon applies no-new-privileges to every container by default');
    if (daemonDefault === undefined)
      return unknown('the container does not set no-new-privileges and the daemon default is unknown', {
        evidence: ['HostConfig.SecurityOpt has no no-new-privileges entry'],
      });
    return fail(
      'HostConfig.SecurityOpt has no no-new-privileges entry and the daemon does not set it by default',
    );
  },
});
