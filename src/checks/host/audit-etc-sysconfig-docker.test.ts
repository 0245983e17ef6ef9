import { fileFact } from '../../../test/kit/host.js';
import { describeAuditCheck } from '../../../test/kit/host-file-cases.js';
import check from './audit-etc-sysconfig-docker.js';

const PATH = '/etc/sysconfig/docker';

describeAuditCheck(check, {
  cis: '1.1.13',
  path: PATH,
  // absent on the default (Debian) host
  base: { files: { [PATH]: fileFact(PATH) } },
});
