import { describe, expect, it } from 'vitest';
import { isCrossSite, isOwnHost, splitHost } from './local-only.ts';

describe('isOwnHost', () => {
  const on8080 = { localPort: 8080, allowed: ['sluice.internal', 'other.internal:9000'] };

  it('takes the loopback names on the port the connection came in on, and only that port', () => {
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'LOCALHOST:8080']) expect(isOwnHost(host, on8080)).toBe(true);
    for (const host of ['localhost:8081', 'localhost', '127.0.0.2:8080', '[::2]:8080', '0.0.0.0:8080'])
      expect(isOwnHost(host, on8080)).toBe(false);
  });

  it('takes configured names on any port, or on the port they name', () => {
    expect(isOwnHost('sluice.internal:1234', on8080)).toBe(true);
    expect(isOwnHost('other.internal:9000', on8080)).toBe(true);
    expect(isOwnHost('other.internal:9001', on8080)).toBe(false);
    expect(isOwnHost('sluice.internal.evil.example', on8080)).toBe(false);
  });

  it('refuses a missing or malformed Host', () => {
    for (const host of [undefined, '', 'localhost:8080:1', 'local host', '[::1', 'user@localhost:8080'])
      expect(isOwnHost(host, on8080)).toBe(false);
  });
});

describe('isCrossSite', () => {
  it('is same-site only for an Origin equal to the Host it was sent to, or the designer origin', () => {
    expect(isCrossSite({ host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080' }, undefined)).toBe(false);
    expect(isCrossSite({ host: 'localhost', origin: 'http://localhost' }, undefined)).toBe(false);
    expect(isCrossSite({ host: '127.0.0.1:8080', origin: 'http://localhost:8080' }, undefined)).toBe(true);
    expect(isCrossSite({ host: '127.0.0.1:8080', origin: 'http://127.0.0.1:5173' }, undefined)).toBe(true);
    expect(isCrossSite({ host: '127.0.0.1:8080', origin: 'http://127.0.0.1:5173' }, 'http://127.0.0.1:5173')).toBe(false);
    expect(isCrossSite({ host: '127.0.0.1:8080', origin: 'null' }, undefined)).toBe(true);
  });

  it('without an Origin, believes the browser when it says cross-site, and lets tools through', () => {
    expect(isCrossSite({ host: 'localhost:8080', 'sec-fetch-site': 'cross-site' }, undefined)).toBe(true);
    expect(isCrossSite({ host: 'localhost:8080', 'sec-fetch-site': 'same-origin' }, undefined)).toBe(false);
    expect(isCrossSite({ host: 'localhost:8080' }, undefined)).toBe(false);
  });
});

describe('splitHost', () => {
  it('reads names, IPv6 literals and ports', () => {
    expect(splitHost('Example.COM:81')).toEqual({ name: 'example.com', port: 81 });
    expect(splitHost('[::1]')).toEqual({ name: '[::1]', port: 80 });
    expect(splitHost('x:99999')).toEqual({ name: 'x', port: 99999 });
  });
});
