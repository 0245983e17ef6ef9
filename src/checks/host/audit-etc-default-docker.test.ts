import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-etc-default-docker.js';

const PATH = '/etc/default/docker';

describeAuditCheck(check, {
  cis: '1.1.10',
  path: PATH,
});
