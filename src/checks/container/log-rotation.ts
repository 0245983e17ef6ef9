import { defineCheck, fail, pass, practice, unknown } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-036',
  slug: 'log-rotation',
  title: 'Container logs are kept and rotated',
  severity: 'low',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'With the "none" driver a container leaves no logs to investigate; with json-file and no max-size its log grows until the disk holding /var/lib/docker is full, which stops every container.',
  remediation:
    'Set rotation: `--log-opt max-size=10m --log-opt max-file=3`, or daemon-wide in daemon.json `"log-driver": "local"` or `"log-opts": {"max-size": "10m", "max-file": "3"}`; do not use `--log-driver none`.',
  refs: [practice('P-OPS-3')],
  evaluate: (c, ctx) => {
    // The engine fills LogConfig from the daemon defaults at create; only create bodies may leave it empty.
    const type = c.spec.logConfig.type || ctx.snapshot.daemon?.info.loggingDriver || '';
    const opts = c.spec.logConfig.config;
    if (type === '') return unknown('the container names no log driver and the daemon default is unknown');
    if (type === 'none') return fail('log driver is "none": the container keeps no logs');
    if (type === 'json-file') {
      const size = opts['max-size'];
      if (!size || size === '-1')
        return fail('log driver "json-file" without max-size: the log file grows without bound');
      return pass(
        `json-file rotated at max-size=${size}${opts['max-file'] ? `, max-file=${opts['max-file']}` : ''}`,
      );
    }
    if (type === 'local') {
      // The local driver rotates by default (20m x 5); max-size=-1 turns that off.
      if (opts['max-size'] === '-1') return fail('log driver "local" with max-size=-1: rotation disabled');
      return pass(
        `log driver "local"${opts['max-size'] ? ` with max-size=${opts['max-size']}` : ' (rotates by default)'}`,
      );
    }
    return pass(`log driver "${type}" ships logs off the host`);
  },
});
