import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-run-containerd.js';

const PATH = '/run/containerd';

describeAuditCheck(check, {
  cis: '1.1.4',
  path: PATH,
});
