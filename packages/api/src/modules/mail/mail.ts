import type { Db, Prisma } from '@proximitat/db';
import type { Env, Logger } from '@proximitat/runtime';
import nodemailer from 'nodemailer';

/**
 * Outgoing mail. Requests only write a row to MailOutbox (in their own transaction), so sending
 * never blocks or fails a request; the mail worker sends with the configured sender and retries.
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface MailSender {
  readonly name: string;
  send(mail: Mail, from: string): Promise<void>;
}

/** SMTP through nodemailer, when SMTP_URL is set. */
export function smtpSender(url: string): MailSender {
  const transport = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(mail, from) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/**
 * Development: mail is written to the log. The body (with its single-use links) is logged only in
 * development, where there is nobody else to read it; elsewhere only who and what.
 */
export function logSender(log: Logger, includeBody: boolean): MailSender {
  return {
    name: 'log',
    async send(mail) {
      log.info(
        { to: mail.to, subject: mail.subject, ...(includeBody ? { text: mail.text } : {}) },
        'mail (log sender)',
      );
    },
  };
}

export function createMailSender(env: Env, log: Logger): MailSender {
  return env.smtpUrl ? smtpSender(env.smtpUrl) : logSender(log, env.nodeEnv === 'development');
}

export async function enqueueMail(tx: Prisma.TransactionClient | Db, mail: Mail): Promise<void> {
  await tx.mailOutbox.create({ data: mail });
}

/** Sends what is due, each message at most once successfully; failures wait (1 s doubling to 10 min). */
export async function deliverMail(
  db: Db,
  sender: MailSender,
  from: string,
  batchSize = 20,
): Promise<{ sent: number; failed: number }> {
  return db.$transaction(
    async (tx) => {
      const due = await tx.$queryRawUnsafe<
        { id: bigint; to: string; subject: string; text: string; attempts: number }[]
      >(
        `SELECT id, "to", subject, text, attempts FROM "MailOutbox"
         WHERE "sentAt" IS NULL AND "availableAt" <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        batchSize,
      );
      let sent = 0;
      let failed = 0;
      for (const mail of due) {
        try {
          await sender.send({ to: mail.to, subject: mail.subject, text: mail.text }, from);
          await tx.mailOutbox.update({ where: { id: mail.id }, data: { sentAt: new Date() } });
          sent += 1;
        } catch (error) {
          failed += 1;
          const wait = Math.min(600, 2 ** mail.attempts);
          await tx.mailOutbox.update({
            where: { id: mail.id },
            data: {
              attempts: { increment: 1 },
              lastError: (error as Error).message.slice(0, 500),
              availableAt: new Date(Date.now() + wait * 1000),
            },
          });
        }
      }
      return { sent, failed };
    },
    { timeout: 120_000 },
  );
}

export interface MailWorker {
  stop(): Promise<void>;
}

export function startMailWorker(
  db: Db,
  sender: MailSender,
  from: string,
  log: Logger,
  intervalMs = 1000,
): MailWorker {
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        const { sent, failed } = await deliverMail(db, sender, from);
        if (failed > 0) log.warn({ failed }, 'mail not sent: will retry');
        if (sent > 0) continue;
      } catch (error) {
        log.warn({ err: error }, 'mail delivery failed: will retry');
      }
      await new Promise<void>((resolveSleep) => {
        const timer = setTimeout(resolveSleep, intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolveSleep();
        };
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
