/**
 * User text for a LIKE/ILIKE pattern (Prisma's `contains`, `startsWith` and `endsWith` included,
 * which pass % and _ through as wildcards): `%`, `_` and the escape character `\` match themselves.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
