import { describe, expect, it } from 'vitest';
import { classifyAddress } from './classifyAddress';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.20', 'private'],
    ['100.64.0.1', 'shared address space (CGNAT)'],
    ['100.100.100.200', 'shared address space (CGNAT)'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.10.1', 'link-local'],
    ['0.0.0.0', 'this network'],
    ['0.1.2.3', 'this network'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.192', 'IETF protocol assignments'],
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
  ])('refuses the IPv4 address %s (%s)', (address, range) => {
    expect(classifyAddress(address)).toEqual({ public: false, version: 4, range });
  });

  it.each([
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback'],
    ['::ffff:10.0.0.5', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped cloud metadata'],
    ['64:ff9b::a00:5', 'NAT64 private'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'IETF protocol assignments'],
    ['2002:7f00:1::1', '6to4'],
    ['100::1', 'discard-only'],
    ['4000::1', 'reserved'],
  ])('refuses the IPv6 address %s (%s)', (address, range) => {
    expect(classifyAddress(address)).toEqual({ public: false, version: 6, range });
  });

  it.each([
    ['93.184.216.34', 4],
    ['8.8.8.8', 4],
    ['172.32.0.1', 4],
    ['100.128.0.1', 4],
    ['2606:4700:4700::1111', 6],
    ['2a00:1450:4007:80e::200e', 6],
    ['::ffff:8.8.8.8', 6],
  ])('lets the public address %s through', (address, version) => {
    expect(classifyAddress(address)).toEqual({ public: true, version });
  });

  it.each([
    'localhost',
    'orders.example.com',
    '',
    '010.0.0.1',
    '1.2.3',
    '256.0.0.1',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    'gggg::1',
  ])('says %j is not an IP literal', (text) => {
    expect(classifyAddress(text)).toBeNull();
  });
});
