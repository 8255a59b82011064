// Email through SMTP when it is configured (SMTP_URL); otherwise nothing leaves the machine and
// notifications stay in the in-app inbox.
import nodemailer from "nodemailer";

import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; html: string };
export type Mailer = { send(mail: Mail): Promise<void> };

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

let mailer: Mailer | null | undefined;

export function getMailer(): Mailer | null {
  if (mailer === undefined) mailer = env.SMTP_URL ? smtpMailer(env.SMTP_URL, env.MAIL_FROM) : null;
  return mailer;
}
