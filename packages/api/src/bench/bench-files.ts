import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every `*.bench.ts` under a folder, sorted. node_modules is skipped while walking, not after:
 * workspace packages link to each other there, and following those links never ends.
 */
export async function benchFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.bench.ts')) files.push(path);
    }
  };
  await walk(root);
  return files.sort();
}
