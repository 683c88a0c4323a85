const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs: anything else cannot name a row, and must not reach a uuid column (PostgreSQL would fail). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A usable email address: one @, a dotted domain, no spaces or characters mail systems refuse. */
export function isEmailAddress(value: string): boolean {
  return (
    value.length <= 254 && /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:]{2,}$/.test(value)
  );
}
