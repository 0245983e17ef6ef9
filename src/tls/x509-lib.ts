// Loads @peculiar/x509 on first use, so commands that never touch certificates (audit, lint) do not pay
// for it at start-up. Its dependency injection (tsyringe) needs the Reflect metadata polyfill loaded first.
import { webcrypto } from 'node:crypto';

export type X509Lib = typeof import('@peculiar/x509');

let loading: Promise<X509Lib> | undefined;

export function loadX509(): Promise<X509Lib> {
  loading ??= (async () => {
    await import('reflect-metadata');
    const lib = await import('@peculiar/x509');
    lib.cryptoProvider.set(webcrypto);
    return lib;
  })();
  return loading;
}
