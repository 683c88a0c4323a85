import { ErrorCode } from '../codes.ts';
import type { reason } from '../define.ts';

/** Reasons of the directory module's failures. */
export const directoryReasons = {} as const satisfies Record<string, ReturnType<typeof reason>>;

void ErrorCode;
