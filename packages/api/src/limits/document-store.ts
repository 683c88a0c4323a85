import type { DocumentStore } from '@apollo/server';

/**
 * Apollo Server keeps every distinct document it has parsed and validated, by default up to
 * 30 MiB measured as JSON, which is several times that in the heap: anonymous callers sending
 * distinct documents (a new alias prefix each time, even ones the limits refuse) filled the 256 MB
 * heap with them. This store bounds the documents kept by the length of their source text, which
 * is known without measuring the tree: the platform's own client sends a few dozen documents,
 * about 40 KB in all.
 */
export const DOCUMENT_STORE_SOURCE_BYTES = 512 * 1024;

type Document = NonNullable<Awaited<ReturnType<DocumentStore['get']>>>;

export function createDocumentStore(maxSourceBytes = DOCUMENT_STORE_SOURCE_BYTES): DocumentStore {
  const documents = new Map<string, { document: Document; size: number }>();
  let total = 0;
  const remove = (key: string) => {
    const entry = documents.get(key);
    if (!entry) return;
    documents.delete(key);
    total -= entry.size;
  };
  return {
    async get(key) {
      const entry = documents.get(key);
      if (!entry) return undefined;
      // Most recently used last: the first entry is the one to drop.
      documents.delete(key);
      documents.set(key, entry);
      return entry.document;
    },
    async set(key, document) {
      remove(key);
      const size = document.loc?.end ?? maxSourceBytes;
      if (size > maxSourceBytes / 8) return;
      documents.set(key, { document, size });
      total += size;
      while (total > maxSourceBytes) {
        const oldest = documents.keys().next().value;
        if (oldest === undefined) break;
        remove(oldest);
      }
    },
    async delete(key) {
      remove(key);
      return true;
    },
  };
}
