import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-containerd-config.js';

const PATH = '/etc/containerd/config.toml';

describeAuditCheck(check, {
  cis: '1.1.12',
  path: PATH,
});
