import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';
import { hostOrUnknown, isOutcome } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-002',
  slug: 'docker-group-trusted',
  title: 'Only trusted users are in the docker group',
  severity: 'high',
  scope: 'host',
  facts: ['host'],
  rationale:
    'Members of the docker group can start a privileged container that mounts /, so membership is root on the ' +
    'host without sudo, password or audit trail.',
  remediation:
    'Remove users who should not be root: `gpasswd -d <user> docker`; list the ones who may in ' +
    '`dockerGroupAllowlist` in .bulkhead.yaml. Prefer sudo, rootless Docker or an authorization plugin.',
  refs: [cis('1.1.2'), practice('P-HST-1'), practice('P-COM-2')],
  evaluate: (s, ctx) => {
    const host = hostOrUnknown(s);
    if (isOutcome(host)) return host;
    if (host.groups.length === 0)
      return unknown(`/etc/group could not be read${host.errors.groups ? `: ${host.errors.groups}` : ''}`);
    const group = host.groups.find((g) => g.name === 'docker');
    if (!group) return pass('no docker group: only root can use the Docker socket');
    const members = [...new Set(group.members)];
    if (members.length === 0) return pass(`docker group (gid ${group.gid}) has no members`);
    const allowed = new Set(['root', ...ctx.settings.dockerGroupAllowlist]);
    const untrusted = members.filter((m) => !allowed.has(m));
    const list = `docker group (gid ${group.gid}) members: ${members.join(', ')}`;
    if (untrusted.length === 0) return pass(`${list} (all in dockerGroupAllowlist)`);
    return fail([
      list,
      `not in dockerGroupAllowlist: ${untrusted.join(', ')}${
        ctx.settings.dockerGroupAllowlist.length === 0 ? ' (the allowlist is empty)' : ''
      }`,
    ]);
  },
});
