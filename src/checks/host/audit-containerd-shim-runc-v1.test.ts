import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-containerd-shim-runc-v1.js';

const PATH = '/usr/bin/containerd-shim-runc-v1';

describeAuditCheck(check, {
  cis: '1.1.16',
  path: PATH,
  missing: 'not found in /usr/bin, /usr/sbin, /usr/local/bin',
});
