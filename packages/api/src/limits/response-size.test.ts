import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseSizeLimit } from './response-size.ts';

let server: ReturnType<express.Express['listen']>;
let url: string;

beforeAll(async () => {
  const app = express();
  app.use(responseSizeLimit(1000));
  app.get('/size/:n', (req, res) => {
    res.type('application/json').send(JSON.stringify({ data: { text: 'é'.repeat(Number(req.params.n)) } }));
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('the answer size limit', () => {
  it('sends answers up to the limit in bytes as they are', async () => {
    // 480 two-byte characters and the JSON around them: under 1000 bytes.
    const body = (await (await fetch(`${url}/size/480`)).json()) as { data: { text: string } };
    expect(body.data.text).toHaveLength(480);
  });

  it('replaces a larger answer, counted in bytes rather than characters, by LIMIT_EXCEEDED', async () => {
    // 495 characters but over 1000 bytes in UTF-8.
    const response = await fetch(`${url}/size/495`);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors).toEqual([
      {
        message: 'La resposta superaria els 1.000 bytes: demana menys camps o més petits.',
        extensions: { code: 'LIMIT_EXCEEDED', reason: 'RESPONSE_TOO_LARGE', params: { max: '1000' } },
      },
    ]);
  });
});
