/** `::ffff:10.0.0.1` → `10.0.0.1`; zone ids (`fe80::1%eth0`) dropped; lower case. */
export function plainAddress(address: string): string {
  const text = address.trim().toLowerCase().replace(/%.*$/, "")
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  return mapped ? mapped[1] : text
}
