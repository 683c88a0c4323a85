/** "Cooperativa l'Esberla, SCCL" -> "cooperativa-lesberla-sccl": lower case, no accents, dashes. */
export function slugify(name: string): string {
  const slug = name
    .replace(/l·l/gi, 'll')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? 'empresa' : slug;
}

/** When the name's slug is taken, the tax ID (unique) makes it unique. */
export function fallbackSlug(name: string, taxId: string): string {
  return `${slugify(name).slice(0, 69)}-${taxId.toLowerCase()}`;
}
