import { defineCheck, fail, pass, practice } from '../../core/model.js';
import { basename, commandWords } from './lib/history.js';

const SSH_DAEMONS = new Set(['sshd', 'dropbear']);

/** How an image's start command launches an SSH server, if it does. */
export function sshdLaunch(argv: readonly string[]): string | undefined {
  for (const words of commandWords(argv)) {
    for (let i = 0; i < words.length; i++) {
      const w = basename(words[i]!);
      if (SSH_DAEMONS.has(w)) return words.slice(i, i + 3).join(' ');
      const next = words[i + 1] ?? '';
      const after = words[i + 2] ?? '';
      // service ssh start | rc-service sshd start | systemctl start sshd | /etc/init.d/ssh start
      if ((w === 'service' || w === 'rc-service') && /^sshd?$/.test(next) && /^(re)?start$/.test(after))
        return `${w} ${next} ${after}`;
      if (w === 'systemctl' && /^(re)?start$/.test(next) && /^sshd?(\.service)?$/.test(after))
        return `${w} ${next} ${after}`;
      if (/^\/etc\/init\.d\/sshd?$/.test(words[i]!) && /^(re)?start$/.test(next))
        return `${words[i]} ${next}`;
    }
  }
  return undefined;
}

export default defineCheck({
  id: 'BH-IMG-013',
  slug: 'sshd-entrypoint',
  title: 'Image does not start an SSH server',
  severity: 'high',
  scope: 'image',
  facts: ['images'],
  rationale:
    'An SSH daemon in a container adds a network-facing service with its own keys and passwords to patch and rotate, and lets people in without the audit trail of `docker exec`.',
  remediation:
    'Remove sshd (openssh-server, dropbear) from the image and its start command; get a shell with `docker exec -it <container> sh`.',
  refs: [practice('P-CTR-3'), practice('P-COM-1'), practice('P-CTR-2')],
  evaluate: (img) => {
    const found: string[] = [];
    const ep = sshdLaunch(img.entrypoint);
    if (ep) found.push(`Config.Entrypoint starts an SSH server: ${ep}`);
    const cmd = sshdLaunch(img.cmd);
    if (cmd) found.push(`Config.Cmd starts an SSH server: ${cmd}`);
    return found.length > 0 ? fail(found) : pass('Entrypoint and Cmd start no SSH server');
  },
});
