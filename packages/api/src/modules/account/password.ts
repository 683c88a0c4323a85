import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let verifications = 0;

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  verifications += 1;
  return verify(passwordHash, password).catch(() => false);
}

/** How many passwords this process has checked: what the sign-in throttle's tests count. */
export const passwordVerifications = () => verifications;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
