/**
 * TRANSITIONAL (issue 16): `pnpm directory:generate` moved to src/sample-data/; this runs it from
 * the old path until package.json names the new one. Remove it then.
 */
import '../../sample-data/directory-generate.command.ts';
