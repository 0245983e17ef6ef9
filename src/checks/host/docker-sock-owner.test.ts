import { describeOwnerCheck } from '../../../test/kit/host-file-cases.js';
import check from './docker-sock-owner.js';

const PATH = '/var/run/docker.sock';

describeOwnerCheck(check, {
  cis: '3.15',
  path: PATH,
  type: 'socket',
  group: 'docker',
  locate: { by: 'docker-sock' },
});
