import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-containerd-bin.js';

const PATH = '/usr/bin/containerd';

describeAuditCheck(check, {
  cis: '1.1.14',
  path: PATH,
  missing: 'not found in /usr/bin, /usr/sbin, /usr/local/bin',
});
