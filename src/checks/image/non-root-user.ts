import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

/** User strings that mean uid 0: '' (the default), root, 0, and any of those with a group. */
export function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0] ?? '';
  return name === '' || name === 'root' || /^0+$/.test(name);
}

export default defineCheck({
  id: 'BH-IMG-001',
  slug: 'non-root-user',
  title: 'Image sets a non-root USER',
  severity: 'medium',
  scope: 'image',
  facts: ['images'],
  rationale:
    'Containers run as the image user unless overridden at run time. An image without a USER (or with USER root/0) makes every container started from it root inside, one kernel bug away from root on the host.',
  remediation:
    'Create an unprivileged user in the Dockerfile and switch to it, e.g. `RUN useradd --system --uid 10001 app` then `USER 10001:10001`.',
  refs: [cis('4.1'), practice('P-KER-3')],
  evaluate: (img) => {
    const user = img.user.trim();
    if (isRootUser(user))
      return fail({
        message:
          user === ''
            ? 'Config.User is empty: containers run as root by default'
            : `Config.User is "${user}" (uid 0)`,
        path: 'Config.User',
      });
    return pass(`Config.User is "${user}"`);
  },
});
