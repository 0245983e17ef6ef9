import { TLS_KEY, tlsOver } from '../../../test/kit/host.js';
import { describeModeCheck } from '../../../test/kit/host-file-cases.js';
import check from './tls-key-mode.js';

describeModeCheck(check, {
  cis: '3.14',
  path: TLS_KEY,
  base: tlsOver(),
  allowed: '0400',
  stricter: '0400',
  looser: '0440',
  extraBits: '0040',
  locate: { by: 'tls', flag: '--tlskey' },
});
