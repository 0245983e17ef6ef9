import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';

/** Drivers that keep logs only in files on this host, or nowhere. */
const LOCAL_ONLY = new Set(['json-file', 'local', 'none', '']);

export default defineCheck({
  id: 'BH-DMN-013',
  slug: 'remote-logging',
  title: 'Container logs are sent to a centralised logging system',
  severity: 'low',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'Logs kept only on the host are lost with it and can be altered by whoever compromises it; a central collector keeps them for review and alerting.',
  remediation:
    'Set a shipping log driver in /etc/docker/daemon.json, e.g. `"log-driver": "syslog", "log-opts": {"syslog-address": "tcp://logs.example:514"}` (or journald, gelf, fluentd, awslogs, splunk, gcplogs), and restart Docker.',
  refs: [cis('2.13'), practice('P-OPS-3')],
  evaluate: (snap) => {
    const s = effectiveDaemonConfig(snap).logDriver;
    if (!s.known) return unknown(s.reason);
    const line = `default log driver = ${s.value} (${s.origin})`;
    if (LOCAL_ONLY.has(s.value))
      return fail([
        line,
        s.value === 'none' ? 'container logs are discarded' : 'logs stay in files on this host',
        ...s.notes,
      ]);
    return pass([line, ...s.notes]);
  },
});
