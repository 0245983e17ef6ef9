import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-containerd-shim.js';

const PATH = '/usr/bin/containerd-shim';

describeAuditCheck(check, {
  cis: '1.1.15',
  path: PATH,
  missing: 'not found in /usr/bin, /usr/sbin, /usr/local/bin',
});
