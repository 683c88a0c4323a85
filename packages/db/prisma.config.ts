import { defineConfig } from 'prisma/config';

// For the Prisma CLI on machines that reach Prisma's engine downloads (`prisma migrate deploy`);
// here the project's own runner (`pnpm db:migrate`) applies the same migrations offline.
export default defineConfig({
  schema: '../../prisma/schema.prisma',
  migrations: { path: '../../prisma/migrations' },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
