import { ErrorCode } from '../codes.ts';
import type { reason } from '../define.ts';

/** Reasons of the esg module's failures. */
export const esgReasons = {} as const satisfies Record<string, ReturnType<typeof reason>>;

void ErrorCode;
