import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-etc-docker.js';

const PATH = '/etc/docker';

describeAuditCheck(check, {
  cis: '1.1.6',
  path: PATH,
});
