import { describeOwnerCheck } from '../../../test/kit/host-file-cases.js';
import check from './registry-certs-owner.js';

const PATH = '/etc/docker/certs.d/registry.example.com:5000/ca.crt';

describeOwnerCheck(check, {
  cis: '3.7',
  path: PATH,
  locate: { by: 'registry-certs' },
});
