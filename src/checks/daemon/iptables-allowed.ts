import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { judgeSetting } from '../../analysis/outcome.js';
import { cis, defineCheck, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-004',
  slug: 'iptables-allowed',
  title: 'Docker is allowed to manage iptables rules',
  severity: 'medium',
  scope: 'daemon',
  facts: ['daemon', 'host'],
  rationale:
    'With --iptables=false Docker no longer writes the rules that isolate networks and publish ports, so hand-made rules drift from what containers need and often end up far too open.',
  remediation:
    'Remove `--iptables=false` from the dockerd command line and `"iptables": false` from /etc/docker/daemon.json, then restart Docker.',
  refs: [cis('2.4'), practice('P-NET-3'), practice('P-COM-4')],
  evaluate: (snap) => judgeSetting('iptables', effectiveDaemonConfig(snap).iptables, (v) => v === true),
});
