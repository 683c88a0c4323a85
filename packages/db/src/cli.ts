import { runCommand } from '@proximitat/runtime';
import { applyMigrations, createMigration } from './migrate/migrations.ts';

const [command, ...args] = process.argv.slice(2);

await runCommand(`db:${command ?? ''}`, async ({ services }) => {
  switch (command) {
    case 'migrate': {
      const applied = await applyMigrations(services.databaseUrl);
      console.log(
        applied.length ? `applied ${applied.length}: ${applied.join(', ')}` : 'the database is up to date',
      );
      return 0;
    }
    case 'migration': {
      const name = args[0];
      if (!name) {
        console.error('usage: pnpm db:migration <name>');
        return 2;
      }
      const written = await createMigration(services.databaseUrl, name);
      console.log(
        written
          ? `wrote prisma/migrations/${written}/migration.sql`
          : 'schema.prisma and the migrations agree: nothing to write',
      );
      return 0;
    }
    default:
      console.error('usage: db <migrate | migration <name>>');
      return 2;
  }
});
