import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { defineCheck, fail, notApplicable, pass, practice, unknown } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-021',
  slug: 'log-rotation',
  title: 'The default log driver rotates container logs',
  severity: 'low',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'json-file keeps every line a container prints in one growing file unless max-size is set; a noisy or hostile container can fill the disk under /var/lib/docker.',
  remediation:
    'Set rotation in /etc/docker/daemon.json, e.g. `"log-driver": "local"` or `"log-opts": {"max-size": "10m", "max-file": "3"}`, and restart Docker (applies to containers created afterwards).',
  refs: [practice('P-OPS-3'), practice('P-KER-2')],
  evaluate: (snap) => {
    const cfg = effectiveDaemonConfig(snap);
    const driver = cfg.logDriver;
    if (!driver.known) return unknown(driver.reason);
    if (driver.value !== 'json-file' && driver.value !== 'local')
      return notApplicable(`default log driver ${driver.value} does not write rotating files on this host`);
    const opts = cfg.logOpts;
    if (!opts.known) return unknown(opts.reason);
    const line = `default log driver = ${driver.value} (${driver.origin}); log-opts = ${JSON.stringify(opts.value)} (${opts.origin})`;
    if (driver.value === 'local') {
      // local rotates by default (20m x 5); an explicit max-size of 0/-1 disables it.
      if (/^(0|-1)$/.test(opts.value['max-size'] ?? '')) return fail([line, 'max-size disables rotation']);
      return pass(line);
    }
    const size = opts.value['max-size'];
    if (size === undefined || /^(0|-1)$/.test(size))
      return fail([line, 'json-file without max-size: log files grow without bound', ...opts.notes]);
    return pass([line, ...opts.notes]);
  },
});
