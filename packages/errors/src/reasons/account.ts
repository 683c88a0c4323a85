import { ErrorCode } from '../codes.ts';
import type { reason } from '../define.ts';

/** Reasons of the account module's failures. */
export const accountReasons = {} as const satisfies Record<string, ReturnType<typeof reason>>;

void ErrorCode;
