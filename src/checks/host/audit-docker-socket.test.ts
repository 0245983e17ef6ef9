import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-docker-socket.js';

const PATH = '/lib/systemd/system/docker.socket';

describeAuditCheck(check, {
  cis: '1.1.9',
  path: PATH,
});
