import { TLS_CERT, tlsOver } from '../../../test/kit/host.js';
import { describeModeCheck } from '../../../test/kit/host-file-cases.js';
import check from './tls-cert-mode.js';

describeModeCheck(check, {
  cis: '3.12',
  path: TLS_CERT,
  base: tlsOver(),
  allowed: '0444',
  stricter: '0400',
  looser: '0644',
  extraBits: '0200',
  locate: { by: 'tls', flag: '--tlscert' },
});
