import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createDocumentStore } from './document-store.ts';

const document = (alias: string) => parse(`{ ${alias}: districts { code name } }`);

describe('the store of parsed documents', () => {
  it('keeps documents up to its size in source text, dropping the least recently used', async () => {
    const size = document('a0').loc?.end ?? 0;
    const store = createDocumentStore(size * 10);
    for (let i = 0; i < 10; i++) await store.set(`k${i}`, document(`a${i}`));
    await store.get('k0');
    await store.set('k10', document('a10'));
    expect(await store.get('k0')).toBeDefined();
    expect(await store.get('k1')).toBeUndefined();
    expect(await store.get('k10')).toBeDefined();
  });

  it('never keeps a document larger than an eighth of its size', async () => {
    const store = createDocumentStore(100);
    await store.set('large', parse(`{ ${'__typename '.repeat(5)} }`));
    expect(await store.get('large')).toBeUndefined();
  });
});
