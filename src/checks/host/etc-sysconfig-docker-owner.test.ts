import { fileFact } from '../../../test/kit/host.js';
import { describeOwnerCheck } from '../../../test/kit/host-file-cases.js';
import check from './etc-sysconfig-docker-owner.js';

const PATH = '/etc/sysconfig/docker';

describeOwnerCheck(check, {
  cis: '3.22',
  path: PATH,
  base: { files: { [PATH]: fileFact(PATH) } },
});
