import { describeOwnerCheck } from '../../../test/kit/host-file-cases.js';
import check from './etc-default-docker-owner.js';

const PATH = '/etc/default/docker';

describeOwnerCheck(check, {
  cis: '3.19',
  path: PATH,
});
