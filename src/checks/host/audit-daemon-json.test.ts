import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-daemon-json.js';

const PATH = '/etc/docker/daemon.json';

describeAuditCheck(check, {
  cis: '1.1.11',
  path: PATH,
});
