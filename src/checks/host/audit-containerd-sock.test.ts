import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-containerd-sock.js';

const PATH = '/run/containerd/containerd.sock';

describeAuditCheck(check, {
  cis: '1.1.8',
  path: PATH,
});
