import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-docker-service.js';

const PATH = '/lib/systemd/system/docker.service';

describeAuditCheck(check, {
  cis: '1.1.7',
  path: PATH,
});
