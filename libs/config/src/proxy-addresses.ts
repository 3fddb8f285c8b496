import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIP } from 'node:net';

/** The entries of a comma-separated list, trimmed, empty ones left out. */
export function proxyEntries(list: string): string[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** An IPv4 or IPv6 address, or a CIDR block of either (`10.0.0.0/8`, `fd00::/8`). */
export function isAddressOrCidr(entry: string): boolean {
  const slash = entry.indexOf('/');
  if (slash < 0) return isIP(entry) !== 0;
  const version = isIP(entry.slice(0, slash));
  const bits = entry.slice(slash + 1);
  if (version === 0 || !/^\d{1,3}$/u.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

/** The first entry of the list that is neither an address nor a CIDR block (undefined: none). */
export function badProxyEntry(list: string): string | undefined {
  const entries = proxyEntries(list);
  if (entries.length === 0) return list;
  return entries.find((entry) => !isAddressOrCidr(entry));
}

/** A comma-separated list of the proxies' addresses or CIDR blocks (`TRUST_PROXY`). */
export function IsProxyList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isProxyList',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && badProxyEntry(value) === undefined,
        defaultMessage: (args) =>
          `must be a comma-separated list of IP addresses or CIDR blocks (e.g. 10.0.0.1,10.1.0.0/16); ` +
          `"${typeof args?.value === 'string' ? (badProxyEntry(args.value) ?? '') : ''}" is neither`,
      },
    },
    options,
  );
}
