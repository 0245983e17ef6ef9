import { describeModeCheck } from '../../../test/kit/host-file-cases.js';
import check from './etc-default-docker-mode.js';

const PATH = '/etc/default/docker';

describeModeCheck(check, {
  cis: '3.20',
  path: PATH,
  allowed: '0644',
  stricter: '0600',
  looser: '0664',
  extraBits: '0020',
});
