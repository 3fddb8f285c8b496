import {
  checkWebhookDestination,
  webhookAddressRefusal,
  webhookUrlRefusal,
  type HostResolver,
  type WebhookAddressPolicy,
} from './webhook-destination';

const resolver = (table: Record<string, string[]>): HostResolver => ({
  resolve: (host) => {
    const found = table[host];
    if (found === undefined) return Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }));
    return Promise.resolve(found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  },
});
const GUARDED: WebhookAddressPolicy = { allowPrivate: false, allowedRanges: [] };
const OPEN: WebhookAddressPolicy = { allowPrivate: true, allowedRanges: [] };

describe('webhook destinations', () => {
  it.each([
    ['127.0.0.1', /loopback/u],
    ['10.1.2.3', /private/u],
    ['172.16.0.1', /private/u],
    ['192.168.1.1', /private/u],
    ['169.254.169.254', /metadata/u],
    ['169.254.1.1', /link-local/u],
    ['100.64.0.1', /carrier-grade NAT/u],
    ['0.0.0.0', /unspecified/u],
    ['224.0.0.1', /multicast/u],
    ['::1', /loopback/u],
    ['::', /unspecified/u],
    ['fe80::1', /link-local/u],
    ['fc00::1', /private/u],
    ['fd00:ec2::254', /metadata/u],
    ['ff02::1', /multicast/u],
    ['::ffff:127.0.0.1', /127\.0\.0\.1 is a loopback/u],
    ['64:ff9b::7f00:1', /reserved|rfc6052/u],
  ])('refuses %s', (address, reason) => {
    expect(webhookAddressRefusal(address)).toMatch(reason);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '203.0.114.1'])('takes the public address %s', (address) => {
    expect(webhookAddressRefusal(address)).toBeUndefined();
  });

  it('checks every address a name resolves to when sending', async () => {
    const resolve = resolver({
      'hooks.example.com': ['93.184.216.34'],
      'mixed.example.com': ['93.184.216.34', '127.0.0.1'],
    });
    const check = (url: string, policy = GUARDED) => checkWebhookDestination(new URL(url), policy, resolve);
    expect(await check('https://hooks.example.com/x')).toEqual({
      ok: true,
      addresses: [{ address: '93.184.216.34', family: 4 }],
    });
    expect(await check('https://mixed.example.com/x')).toEqual({
      ok: false,
      reason: 'mixed.example.com resolves to a refused address: 127.0.0.1 is a loopback address',
    });
    expect(await check('http://[::1]:8080/x')).toEqual({ ok: false, reason: '::1 is a loopback address' });
    expect(await check('http://metadata.google.internal/x')).toMatchObject({ ok: false, reason: /metadata/u });
    expect(await check('http://nowhere.example/x')).toMatchObject({ ok: false, reason: /does not resolve/u });
    expect(await check('http://127.0.0.1:9/x', OPEN)).toEqual({
      ok: true,
      addresses: [{ address: '127.0.0.1', family: 4 }],
    });
    const some = { allowPrivate: false, allowedRanges: ['127.0.0.2/32', 'fd12::/64'] };
    expect(await check('http://127.0.0.2:9/x', some)).toMatchObject({ ok: true });
    expect(await check('http://[fd12::7]:9/x', some)).toMatchObject({ ok: true });
    expect(await check('http://127.0.0.1:9/x', some)).toEqual({ ok: false, reason: '127.0.0.1 is a loopback address' });
  });

  it('refuses to save a URL whose host is refused or resolves only to refused addresses', async () => {
    const resolve = resolver({ 'inside.example': ['10.0.0.5', 'fd12::5'], 'mixed.example': ['10.0.0.5', '8.8.8.8'] });
    const refusal = (url: string) => webhookUrlRefusal(new URL(url), GUARDED, resolve);
    expect(await refusal('http://10.0.0.1/x')).toBe('10.0.0.1 is a private address');
    expect(await refusal('http://inside.example/x')).toMatch(/^inside\.example resolves only to refused addresses/u);
    expect(await refusal('http://mixed.example/x')).toBeUndefined();
    expect(await refusal('http://unknown.example/x')).toBeUndefined();
    expect(await webhookUrlRefusal(new URL('http://10.0.0.1/x'), OPEN, resolve)).toBeUndefined();
  });
});
