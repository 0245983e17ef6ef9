import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-dockerd.js';

const PATH = '/usr/bin/dockerd';

describeAuditCheck(check, {
  cis: '1.1.3',
  path: PATH,
  missing: 'not found in /usr/bin, /usr/sbin, /usr/local/bin',
});
