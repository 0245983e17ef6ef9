import { defineCheck, fail, pass, practice } from '../../core/model.js';

/** Sysctls the kernel namespaces per container (IPC and network); everything else is host-wide. */
const IPC_NAMESPACED =
  /^(kernel\.(msgmax|msgmnb|msgmni|sem|shmall|shmmax|shmmni|shm_rmid_forced)|fs\.mqueue\.)/;

/** Namespaced sysctls whose risky values weaken isolation or the network stack. */
const RISKY: { key: RegExp; bad: (v: string) => boolean; why: string }[] = [
  {
    key: /^net\.ipv4\.conf\.[^.]+\.route_localnet$/,
    bad: (v) => v === '1',
    why: 'routes to 127.0.0.0/8 from outside (localnet exposure)',
  },
  {
    key: /^net\.ipv4\.(ip_forward|conf\.[^.]+\.forwarding)$/,
    bad: (v) => v === '1',
    why: 'turns the container into a router',
  },
  {
    key: /^net\.ipv6\.conf\.[^.]+\.forwarding$/,
    bad: (v) => v === '1',
    why: 'turns the container into an IPv6 router',
  },
  {
    key: /^net\.ipv4\.conf\.[^.]+\.(accept_redirects|accept_source_route)$/,
    bad: (v) => v !== '0',
    why: 'accepts ICMP redirects/source routes (traffic hijack)',
  },
  {
    key: /^net\.ipv6\.conf\.[^.]+\.accept_(redirects|source_route)$/,
    bad: (v) => v !== '0',
    why: 'accepts ICMPv6 redirects/source routes (traffic hijack)',
  },
  {
    key: /^net\.ipv4\.conf\.[^.]+\.rp_filter$/,
    bad: (v) => v === '0',
    why: 'disables reverse-path filtering (spoofed sources)',
  },
  {
    key: /^kernel\.shm(max|all)$/,
    bad: (v) => v.length > 15,
    why: 'lets the container pin most of host memory in shared memory',
  },
];

export default defineCheck({
  id: 'BH-CTR-038',
  slug: 'dangerous-sysctls',
  title: 'Container sets no host-wide or weakening sysctls',
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'Only IPC and network sysctls are namespaced: any other (kernel.*, vm.*, fs.*) changes the whole host, and net.* with the host network changes the host stack. Some namespaced values (route_localnet, forwarding, accept_redirects) still weaken network isolation.',
  remediation:
    'Remove the `--sysctl` entries (compose `sysctls:`) that are not required; set host-wide tuning on the host in /etc/sysctl.d instead.',
  refs: [practice('P-KER-3'), practice('P-NET-2')],
  evaluate: (c) => {
    const hostNet = c.spec.networkMode === 'host';
    const evidence: string[] = [];
    for (const [key, raw] of Object.entries(c.spec.sysctls)) {
      const value = raw.trim();
      const isNet = key.startsWith('net.');
      if (!isNet && !IPC_NAMESPACED.test(key)) {
        evidence.push(`${key}=${value} is not namespaced: it changes the host kernel`);
        continue;
      }
      if (isNet && hostNet) {
        evidence.push(`${key}=${value} with --network host changes the host's network stack`);
        continue;
      }
      const risky = RISKY.find((r) => r.key.test(key) && r.bad(value));
      if (risky) evidence.push(`${key}=${value} ${risky.why}`);
    }
    return evidence.length > 0
      ? fail(evidence)
      : pass(
          Object.keys(c.spec.sysctls).length > 0
            ? `namespaced sysctls only: ${Object.keys(c.spec.sysctls).join(', ')}`
            : 'no sysctl is set',
        );
  },
});
