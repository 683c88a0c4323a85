import { randomBytes } from 'node:crypto';
import type { Role } from '@proximitat/db';
import { hashPassword } from '../modules/account/password.ts';
import type { TestApi } from './test-api.ts';

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  token: string;
}

/**
 * An account of the given role, signed in through the API as a client would. Its email is verified
 * (roles above USER count only then) unless `verified: false`.
 */
export async function signedIn(
  api: TestApi,
  role: Role = 'USER',
  options: { verified?: boolean } = {},
): Promise<TestAccount> {
  const email = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@example.org`;
  const password = `correct horse ${randomBytes(6).toString('hex')}`;
  const account = await api.db.account.create({
    data: {
      email,
      passwordHash: await hashPassword(password),
      role,
      emailVerifiedAt: options.verified === false ? null : new Date(),
    },
  });
  const result = await api.graphql<{
    login: { token: string | null; account: { id: string; email: string; role: Role } | null };
  }>(
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token account { id email role } } }',
    { email, password },
  );
  if (result.errors) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  const token = result.data?.login.token;
  if (!token) throw new Error(`could not sign in as ${email}: ${JSON.stringify(result)}`);
  return { id: account.id, email, password, token };
}
