import { describeModeCheck } from '../../../test/kit/host-file-cases.js';
import check from './etc-docker-mode.js';

const PATH = '/etc/docker';

describeModeCheck(check, {
  cis: '3.6',
  path: PATH,
  type: 'dir',
  allowed: '0755',
  stricter: '0700',
  looser: '0775',
  extraBits: '0020',
});
