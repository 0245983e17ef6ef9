import { cis, defineCheck, fail, notApplicable, pass, practice, unknown } from '../../core/model.js';
import { daemonHasSecurityOption, securityOpts } from './_lib.js';

export default defineCheck({
  id: 'BH-CTR-001',
  slug: 'apparmor-profile',
  title: 'Container runs under an AppArmor profile',
  severity: 'medium',
  scope: 'container',
  facts: ['containers', 'daemon'],
  rationale:
    'On an AppArmor host the engine confines every container with docker-default (or a chosen profile). A container run unconfined loses that mandatory access control layer against writes to /proc, /sys and mounts.',
  remediation:
    'Remove `--security-opt apparmor=unconfined` (and `--privileged`), or load a custom profile with `apparmor_parser` and run with `--security-opt apparmor=<profile>`.',
  refs: [cis('5.2'), practice('P-KER-4')],
  evaluate: (c, ctx) => {
    if (daemonHasSecurityOption(ctx, 'apparmor') === false)
      return notApplicable('the daemon reports no AppArmor support (SecurityOptions has no apparmor)');
    const requested = securityOpts(c).find((o) => o.key === 'apparmor');
    if (requested?.value === 'unconfined')
      return fail(`HostConfig.SecurityOpt contains "${requested.raw}": the container runs unconfined`);
    const profile = c.appArmorProfile.trim();
    if (profile === 'unconfined')
      return fail(
        c.spec.privileged
          ? 'AppArmorProfile is "unconfined" (privileged containers are never confined)'
          : 'AppArmorProfile is "unconfined"',
      );
    if (profile !== '') return pass(`AppArmorProfile is "${profile}"`);
    if (c.spec.privileged) return fail('privileged container: the engine applies no AppArmor profile');
    if (c.startedAt === undefined && c.spec.source === 'engine')
      return unknown('the container has never started; the engine sets its AppArmor profile at start', {
        evidence: requested ? [`requested profile "${requested.value}"`] : [],
      });
    if (c.spec.source !== 'engine')
      return requested
        ? pass(`requests AppArmor profile "${requested.value}"`)
        : pass('no AppArmor override: the engine applies docker-default');
    return fail('AppArmorProfile is empty: the started container has no AppArmor profile');
  },
});
