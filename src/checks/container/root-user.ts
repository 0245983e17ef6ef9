import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';
import { effectiveUser, isRootUser } from './_lib.js';

export default defineCheck({
  id: 'BH-CTR-033',
  slug: 'root-user',
  title: 'Container runs as a non-root user',
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    "Root in a container is root on the host's kernel (unless user namespaces remap it): any escape, writable host mount or kernel bug is then a root compromise. Running as an unprivileged user limits the damage.",
  remediation:
    'Create a user in the image (`RUN useradd -r app` + `USER app`) or run with `--user 1000:1000` (compose `user: "1000:1000"`).',
  refs: [cis('4.1'), practice('P-KER-3')],
  evaluate: (c, ctx) => {
    const eff = effectiveUser(c);
    if (eff === undefined) return unknown("Config.User is empty and the image's default user is unknown");
    const remapped = ctx.snapshot.daemon?.info.userns === true && c.spec.usernsMode !== 'host';
    const note = remapped ? ' (mapped to an unprivileged host uid by userns-remap)' : '';
    if (eff.from === 'container')
      return isRootUser(eff.user)
        ? fail(`Config.User is "${eff.user}"${note}`)
        : pass(`Config.User is "${eff.user}"`);
    if (eff.user === '' || isRootUser(eff.user))
      return fail(
        `Config.User is empty and the image's default user is ${eff.user === '' ? 'root (USER unset)' : `"${eff.user}"`}${note}`,
      );
    return pass(`the image's default user is "${eff.user}"`);
  },
});
