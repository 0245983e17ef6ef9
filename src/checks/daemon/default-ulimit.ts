import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-008',
  slug: 'default-ulimit',
  title: 'A default nofile ulimit is configured for containers',
  severity: 'low',
  scope: 'daemon',
  facts: ['daemon', 'host'],
  partial: true,
  rationale:
    "Without a daemon-wide default, containers inherit dockerd's own limits (often unlimited or very high), so one container can exhaust file descriptors on the host; too low a value breaks workloads.",
  remediation:
    'Set a default, e.g. `"default-ulimits": {"nofile": {"Name": "nofile", "Soft": 65536, "Hard": 65536}}` in /etc/docker/daemon.json (or `--default-ulimit nofile=65536:65536`) and restart Docker; override per container with `--ulimit` where needed.',
  refs: [cis('2.8'), practice('P-HST-5'), practice('P-KER-2')],
  evaluate: (snap, ctx) => {
    const s = effectiveDaemonConfig(snap).defaultUlimits;
    if (!s.known) return unknown(s.reason, { evidence: s.notes });
    const nofile = s.value.nofile;
    const min = ctx.settings.minNofile;
    if (!nofile)
      return fail([
        `no default nofile ulimit (${s.origin}); containers inherit dockerd's limits`,
        ...s.notes,
      ]);
    const shown = `default nofile = ${nofile.soft}:${nofile.hard} (${s.origin})`;
    if (nofile.hard < nofile.soft)
      return fail([shown, 'the hard limit is below the soft limit; dockerd rejects it']);
    if (nofile.soft < min)
      return fail([shown, `the soft limit is below the minimum of ${min} (settings.minNofile)`]);
    return pass([shown, ...s.notes]);
  },
});
