import { HostResolver, type ResolvedAddress } from '@unblock/domain/webhook-destination';
import { lookup } from 'node:dns/promises';

/** Host names resolved as the system resolves them (the hosts file, then DNS), every address at once. */
export class DnsHostResolver extends HostResolver {
  async resolve(hostname: string): Promise<readonly ResolvedAddress[]> {
    return lookup(hostname, { all: true, verbatim: true });
  }
}
