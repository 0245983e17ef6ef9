import { defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-IMG-012',
  slug: 'expose-ssh',
  title: 'Image does not expose the SSH port',
  severity: 'medium',
  scope: 'image',
  facts: ['images'],
  rationale:
    'EXPOSE 22 means the image expects to be reached over SSH: an extra daemon, credentials to manage and an entry point that bypasses `docker exec` auditing. `docker run -P` publishes it on every address.',
  remediation:
    'Remove `EXPOSE 22` and the SSH server from the image; use `docker exec -it <container> sh` to get a shell.',
  refs: [practice('P-NET-1'), practice('P-COM-1')],
  evaluate: (img) => {
    const ssh = img.exposedPorts.filter((p) => /^22(\/tcp)?$/i.test(p.trim()));
    return ssh.length > 0
      ? fail({ message: `Config.ExposedPorts contains ${ssh.join(', ')}`, path: 'Config.ExposedPorts' })
      : pass(img.exposedPorts.length > 0 ? `exposes ${img.exposedPorts.join(', ')}` : 'exposes no ports');
  },
});
