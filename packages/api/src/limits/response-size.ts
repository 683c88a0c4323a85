import type { RequestHandler } from 'express';
import { ErrorCode } from '../errors.ts';

/**
 * The backstop for answers the cost model did not foresee: an answer over `maxBytes` is replaced
 * by a LIMIT_EXCEEDED error instead of being sent. Apollo hands Express the serialised answer, so
 * measuring it costs a length check (exact bytes only when the length is near the limit).
 */
export function responseSizeLimit(maxBytes: number): RequestHandler {
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string' && body.length * 3 > maxBytes && Buffer.byteLength(body) > maxBytes) {
        return send(
          JSON.stringify({
            errors: [
              {
                message: `The answer is larger than ${maxBytes} bytes: ask for fewer or smaller fields`,
                extensions: { code: ErrorCode.LIMIT_EXCEEDED },
              },
            ],
          }),
        );
      }
      return send(body);
    };
    next();
  };
}
