import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-runc.js';

const PATH = '/usr/bin/runc';

describeAuditCheck(check, {
  cis: '1.1.18',
  path: PATH,
  missing: 'not found in /usr/bin, /usr/sbin, /usr/local/bin',
});
