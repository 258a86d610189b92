import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from '../../src/core/net/egress';

/** A resolver that answers every name with `addresses`, and counts its calls. */
export function fakeResolver(addresses: readonly string[]): LookupFunction & { calls: string[] } {
  const calls: string[] = [];
  const resolve: LookupFunction = (hostname, options, callback) => {
    calls.push(hostname);
    const all: LookupAddress[] = addresses.map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
    if (options.all === true) {
      callback(null, all);
    } else {
      callback(null, all[0]?.address ?? '', all[0]?.family);
    }
  };
  return Object.assign(resolve, { calls });
}
