import { cis, defineCheck, practice } from '../../core/model.js';
import { hostNamespace } from './_lib.js';

export default defineCheck({
  id: 'BH-CTR-018',
  slug: 'host-ipc',
  title: "Container does not share the host's IPC namespace",
  severity: 'high',
  scope: 'container',
  facts: ['containers'],
  rationale:
    "With --ipc host the container can read and write the host's shared memory segments, semaphores and message queues, and so the data of host processes that use them.",
  remediation:
    'Remove `--ipc host` (compose `ipc: host`); use `--ipc shareable` / `container:<name>` between cooperating containers.',
  refs: [cis('5.17'), practice('P-KER-3')],
  evaluate: hostNamespace('ipcMode', 'IpcMode'),
});
