import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-containerd-shim-runc-v2.js';

const PATH = '/usr/bin/containerd-shim-runc-v2';

describeAuditCheck(check, {
  cis: '1.1.17',
  path: PATH,
  missing: 'not found in /usr/bin, /usr/sbin, /usr/local/bin',
});
