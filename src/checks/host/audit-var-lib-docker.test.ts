import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-var-lib-docker.js';

const PATH = '/var/lib/docker';

describeAuditCheck(check, {
  cis: '1.1.5',
  path: PATH,
});
