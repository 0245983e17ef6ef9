import { describeOwnerCheck } from '../../../test/kit/host-file-cases.js';
import check from './etc-docker-owner.js';

const PATH = '/etc/docker';

describeOwnerCheck(check, {
  cis: '3.5',
  path: PATH,
  type: 'dir',
});
