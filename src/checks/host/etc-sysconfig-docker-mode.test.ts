import { fileFact } from '../../../test/kit/host.js';
import { describeModeCheck } from '../../../test/kit/host-file-cases.js';
import check from './etc-sysconfig-docker-mode.js';

const PATH = '/etc/sysconfig/docker';

describeModeCheck(check, {
  cis: '3.21',
  path: PATH,
  base: { files: { [PATH]: fileFact(PATH) } },
  allowed: '0644',
  stricter: '0600',
  looser: '0664',
  extraBits: '0020',
});
