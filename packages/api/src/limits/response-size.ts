import type { RequestHandler } from 'express';
import { errorBody } from '../errors.ts';
import { requestLocale } from '../modules/i18n/request-locale.ts';

/**
 * The backstop for answers the cost model did not foresee: an answer over `maxBytes` is replaced
 * by a LIMIT_EXCEEDED error instead of being sent. Apollo hands Express the serialised answer, so
 * measuring it costs a length check (exact bytes only when the length is near the limit).
 */
export function responseSizeLimit(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string' && body.length * 3 > maxBytes && Buffer.byteLength(body) > maxBytes) {
        const locale = requestLocale(null, req.headers['accept-language']);
        return send(JSON.stringify(errorBody(locale, 'RESPONSE_TOO_LARGE', { max: maxBytes })));
      }
      return send(body);
    };
    next();
  };
}
