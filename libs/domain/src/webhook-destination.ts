import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may be sent. Only public unicast addresses, unless an operator allows private ones: never,
 * then, a loopback, private (RFC 1918, fc00::/7), link-local, carrier-grade NAT, unspecified, multicast,
 * reserved or cloud metadata address, nor one of those wrapped in IPv6 (mapped, 6to4, NAT64, Teredo).
 * Imported as `@unblock/domain/webhook-destination`: the console's bundle, which takes the domain's index,
 * does not carry ipaddr.js.
 */

/** Host names of cloud metadata services, refused whatever they resolve to. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data']);

/** Metadata addresses named in the refusal (they fall in refused ranges anyway). */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

const RANGE_NAMES: Readonly<Record<string, string>> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  uniqueLocal: 'a private (unique local) address',
};

/** An address as a host name in a URL shows it: `[::1]` is `::1`. */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** Whether the host is written as an IP address (IPv4 in any of its forms the URL parser leaves, or IPv6). */
export function isAddressLiteral(hostname: string): boolean {
  return ipaddr.isValid(bareHost(hostname));
}

/** Why a webhook may not be sent to this IP address, or undefined when it is a public unicast address. */
export function webhookAddressRefusal(address: string): string | undefined {
  const bare = bareHost(address).replace(/%.*$/u, '');
  if (!ipaddr.isValid(bare)) return `${address} is not an IP address`;
  let parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
  }
  const normal = parsed.toNormalizedString();
  const shown = parsed.kind() === 'ipv6' ? (parsed as ipaddr.IPv6).toRFC5952String() : normal;
  if (METADATA_ADDRESSES.has(shown)) return `${shown} is a cloud metadata address`;
  const range = parsed.range();
  if (range === 'unicast') return undefined;
  return `${shown} is ${RANGE_NAMES[range] ?? `a reserved address (${range})`}`;
}

/** Why a webhook may not be sent to this host name whatever it resolves to (a metadata service), or undefined. */
export function webhookHostRefusal(hostname: string): string | undefined {
  const host = bareHost(hostname).toLowerCase().replace(/\.$/u, '');
  return METADATA_HOSTS.has(host) ? `${host} is a cloud metadata service` : undefined;
}

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Resolves a host name to every address it has (DNS and the hosts file); injectable, as the clock is. */
export abstract class HostResolver {
  abstract resolve(hostname: string): Promise<readonly ResolvedAddress[]>;
}

/**
 * What an operator allows besides public addresses: every address (`WEBHOOK_ALLOW_PRIVATE=true`, for
 * receivers on the same network), or only the ranges listed (`WEBHOOK_ALLOW_PRIVATE=10.1.2.0/24,fd12::/64`).
 */
export interface WebhookAddressPolicy {
  readonly allowPrivate: boolean;
  readonly allowedRanges: readonly string[];
}

/** Whether `text` is an address range in CIDR notation (`10.1.2.0/24`, `fd12::/64`). */
export function isAddressRange(text: string): boolean {
  return ipaddr.isValidCIDR(text);
}

/** Why the policy refuses this address, or undefined when it may be reached. */
function refusalUnder(policy: WebhookAddressPolicy, address: string): string | undefined {
  if (policy.allowPrivate) return undefined;
  const refusal = webhookAddressRefusal(address);
  if (refusal === undefined || !ipaddr.isValid(address)) return refusal;
  const parsed = ipaddr.process(address);
  const allowed = policy.allowedRanges.some((range) => {
    const [network, bits] = ipaddr.parseCIDR(range);
    return network.kind() === parsed.kind() && parsed.match(network, bits);
  });
  return allowed ? undefined : refusal;
}

/** A webhook URL's destination, checked: the addresses it may be sent to, or why it may not. */
export type WebhookDestination =
  | { readonly ok: true; readonly addresses: readonly ResolvedAddress[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Resolves a webhook URL's host and checks every address it resolves to under the operator's policy. The caller connects to one of the
 * answered addresses, never resolving the name again (a second answer could differ: DNS rebinding).
 */
export async function checkWebhookDestination(
  url: URL,
  policy: WebhookAddressPolicy,
  resolver: HostResolver,
): Promise<WebhookDestination> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `${url.protocol} is not http: or https:` };
  }
  const host = bareHost(url.hostname);
  if (isAddressLiteral(host)) {
    const family = ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4;
    const refusal = refusalUnder(policy, host);
    return refusal === undefined
      ? { ok: true, addresses: [{ address: host, family }] }
      : { ok: false, reason: refusal };
  }
  const hostRefusal = policy.allowPrivate ? undefined : webhookHostRefusal(host);
  if (hostRefusal !== undefined) return { ok: false, reason: hostRefusal };
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await resolver.resolve(host);
  } catch (error: unknown) {
    return { ok: false, reason: `${host} does not resolve (${(error as { code?: string }).code ?? String(error)})` };
  }
  if (addresses.length === 0) return { ok: false, reason: `${host} does not resolve` };
  for (const { address } of addresses) {
    const refusal = refusalUnder(policy, address);
    if (refusal !== undefined) return { ok: false, reason: `${host} resolves to a refused address: ${refusal}` };
  }
  return { ok: true, addresses };
}

/**
 * Why a webhook URL may not be saved, or undefined: its host is a refused address or metadata service, or it
 * resolves only to refused addresses. A name that does not resolve now is taken (each delivery checks again).
 */
export async function webhookUrlRefusal(
  url: URL,
  policy: WebhookAddressPolicy,
  resolver: HostResolver,
): Promise<string | undefined> {
  if (policy.allowPrivate) return undefined;
  const host = bareHost(url.hostname);
  if (isAddressLiteral(host)) return refusalUnder(policy, host);
  const hostRefusal = webhookHostRefusal(host);
  if (hostRefusal !== undefined) return hostRefusal;
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await resolver.resolve(host);
  } catch {
    return undefined;
  }
  const refusals = addresses.map((a) => refusalUnder(policy, a.address));
  if (addresses.length === 0 || refusals.some((r) => r === undefined)) return undefined;
  return `${host} resolves only to refused addresses: ${refusals.join('; ')}`;
}
