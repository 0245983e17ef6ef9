import { describeOwnerCheck } from '../../../test/kit/host-file-cases.js';
import check from './daemon-json-owner.js';

const PATH = '/etc/docker/daemon.json';

describeOwnerCheck(check, {
  cis: '3.17',
  path: PATH,
  locate: { by: 'daemon-json' },
});
