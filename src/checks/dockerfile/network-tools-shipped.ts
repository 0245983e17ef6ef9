import { defineCheck, practice } from '../../core/model.js';
import { at } from './_c-context.js';
import { shippedMatching } from './_c-shipped.js';
import { finding, verdict } from './_lib.js';

const TOOLS = new Set([
  'netcat',
  'netcat-openbsd',
  'netcat-traditional',
  'ncat',
  'nmap',
  'nmap-ncat',
  'tcpdump',
  'telnet',
  'busybox-extras',
  'inetutils-telnet',
  'socat',
  'openssh-client',
  'openssh-clients',
  'ssh-client',
  'hping3',
  'tshark',
  'wireshark',
  'gdb',
  'strace',
  'ltrace',
]);

export default defineCheck({
  id: 'BH-DKF-053',
  slug: 'network-tools-shipped',
  title: 'Network and debugging tools are not installed in the final image',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'netcat, socat, nmap, tcpdump, telnet, an ssh client, gdb or strace in a runtime image hand an intruder reverse shells, port scans, traffic capture and process tracing without downloading anything. Debug from outside (`docker debug`, an ephemeral debug container sharing the namespaces) instead. Judged by the packages installed in the final stage and the stages it is built FROM, unless removed later.',
  remediation:
    'Drop them from the runtime image and debug with a sidecar:\n\n```sh\ndocker run --rm -it --network container:app --pid container:app nicolaka/netshoot\n```',
  refs: [practice('P-CTR-1'), practice('P-COM-1')],
  evaluate: (df) =>
    verdict(
      shippedMatching(df, (n) => TOOLS.has(n)).map(({ pc, ops }) =>
        finding(
          df,
          pc.ins,
          `network/debug tools installed in the final image: ${pc.tool} ${pc.verb} ${ops.map((o) => o.word.value).join(' ')}`,
          at(
            pc,
            ops.map((o) => o.word),
          ),
        ),
      ),
      'no network or debugging tool is installed in the final image',
    ),
});
