import { describeModeCheck } from '../../../test/kit/host-file-cases.js';
import check from './registry-certs-mode.js';

const PATH = '/etc/docker/certs.d/registry.example.com:5000/ca.crt';

describeModeCheck(check, {
  cis: '3.8',
  path: PATH,
  allowed: '0444',
  stricter: '0400',
  looser: '0644',
  extraBits: '0200',
  locate: { by: 'registry-certs' },
});
