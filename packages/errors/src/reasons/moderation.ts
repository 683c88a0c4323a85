import { ErrorCode } from '../codes.ts';
import type { reason } from '../define.ts';

/** Reasons of the moderation module's failures. */
export const moderationReasons = {} as const satisfies Record<string, ReturnType<typeof reason>>;

void ErrorCode;
