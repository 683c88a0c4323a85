/**
 * The address that per-address limits count a client under. An IPv4 address is one client; an
 * IPv6 client is usually given a whole /64 and may pick any address in it, so IPv6 addresses
 * count by their /64 (else one client would have 2^64 budgets).
 */
export function clientAddressKey(ip: string): string {
  const address = ip.split('%')[0] ?? ip;
  if (!address.includes(':')) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const [head = '', tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'),
          ...tailGroups,
        ];
  const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group || '0', 16).toString(16));
  if (prefix.length < 4 || prefix.some((group) => group === 'NaN')) return address;
  return `${prefix.join(':')}::/64`;
}
