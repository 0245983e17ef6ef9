import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';
import { DEFAULT_CAPS, normCap } from './_lib.js';

/** Capabilities that hand a container control over the host kernel, its devices or other processes. */
const HOST_LEVEL = new Set([
  'ALL',
  'SYS_ADMIN',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_PTRACE',
  'SYS_BOOT',
  'SYS_TIME',
  'NET_ADMIN',
  'DAC_READ_SEARCH',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'BPF',
  'PERFMON',
  'SYSLOG',
  'LINUX_IMMUTABLE',
  'AUDIT_CONTROL',
]);

export default defineCheck({
  id: 'BH-CTR-003',
  slug: 'capabilities-added',
  title: 'Container adds no capabilities beyond the default set',
  severity: 'high',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'Every capability added with --cap-add widens what root in the container may do to the shared kernel. SYS_ADMIN, SYS_MODULE, SYS_PTRACE, NET_ADMIN, DAC_READ_SEARCH and ALL are known container-escape paths.',
  remediation:
    'Remove `--cap-add` entries (compose `cap_add:`) the workload does not need; prefer `--cap-drop ALL` plus the few it does need, e.g. `--cap-add NET_BIND_SERVICE`.',
  refs: [cis('5.4'), practice('P-KER-3')],
  evaluate: (c) => {
    if (c.spec.privileged) return pass('privileged container: judged by the privileged check');
    const extra = [...new Set(c.spec.capAdd.map(normCap))].filter(
      (cap) => cap === 'ALL' || !DEFAULT_CAPS.has(cap),
    );
    if (extra.length === 0)
      return pass(
        c.spec.capAdd.length > 0
          ? `CapAdd only re-adds default capabilities: ${c.spec.capAdd.join(', ')}`
          : 'CapAdd is empty',
      );
    return fail(
      extra.map((cap) =>
        HOST_LEVEL.has(cap)
          ? `CapAdd grants ${cap}${cap === 'ALL' ? ' (every capability)' : ''}: host-level power, a known escape path`
          : `CapAdd grants ${cap}, beyond the engine's default set`,
      ),
    );
  },
});
