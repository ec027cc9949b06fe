// @ts-check
/**
 * Mail: a `Mailer` is `{ send(message) }`. `smtpMailer(url)` sends through an SMTP account
 * (nodemailer, an optional peer dependency); `folderMailer(dir)` writes each mail to a file and
 * a line to the log, for development (`npm start`). Templates in German and English; every mail
 * carries RFC 8058 one-click unsubscribe headers.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * @typedef {{ to: string, from: string, subject: string, text: string, headers: Record<string, string> }} MailMessage
 * @typedef {{ send(message: MailMessage): Promise<void> }} Mailer
 */

const TEXTS = {
  de: {
    confirmSubject: (/** @type {string} */ topic) => `Bitte bestätigen: Thema „${topic}“ folgen`,
    confirmBody: (/** @type {string} */ topic, /** @type {string} */ link) =>
      `Guten Tag,\n\nSie möchten dem Thema „${topic}“ folgen. Bitte bestätigen Sie das über diesen Link:\n\n${link}\n\n` +
      'Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: ohne Bestätigung speichern wir nichts.\n',
    leaveSubject: (/** @type {string} */ topic) => `Thema „${topic}“ abbestellen?`,
    leaveBody: (/** @type {string} */ topic, /** @type {string} */ link) =>
      `Guten Tag,\n\njemand möchte Ihre Adresse vom Thema „${topic}“ abmelden. Wenn Sie das waren, bestätigen Sie es hier:\n\n${link}\n\n` +
      'Sonst ignorieren Sie diese E-Mail: Ihr Abonnement bleibt bestehen.\n',
  },
  en: {
    confirmSubject: (/** @type {string} */ topic) => `Please confirm: follow “${topic}”`,
    confirmBody: (/** @type {string} */ topic, /** @type {string} */ link) =>
      `Hello,\n\nyou asked to follow “${topic}”. Please confirm with this link:\n\n${link}\n\n` +
      'If that was not you, ignore this mail: nothing is kept without a confirmation.\n',
    leaveSubject: (/** @type {string} */ topic) => `Unsubscribe from “${topic}”?`,
    leaveBody: (/** @type {string} */ topic, /** @type {string} */ link) =>
      `Hello,\n\nsomeone asked to unsubscribe your address from “${topic}”. If that was you, confirm here:\n\n${link}\n\n` +
      'Otherwise ignore this mail: your subscription stays.\n',
  },
};

/** @param {string} locale */
export const mailTexts = (locale) => (locale.toLowerCase().startsWith('de') ? TEXTS.de : TEXTS.en);

/**
 * Development mailer: each mail becomes `<dir>/<time>-<id>.eml` and one log line naming the file.
 * @param {string} dir @param {(line: string) => void} [log]
 * @returns {Mailer}
 */
export function folderMailer(dir, log = () => {}) {
  return {
    async send(message) {
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
      const headers = Object.entries({
        From: message.from,
        To: message.to,
        Subject: message.subject,
        'Content-Type': 'text/plain; charset=utf-8',
        ...message.headers,
      }).map(([k, v]) => `${k}: ${v}`);
      await writeFile(file, `${headers.join('\r\n')}\r\n\r\n${message.text}`);
      log(`gazette: mail "${message.subject}" written to ${file}`);
    },
  };
}

/**
 * SMTP mailer (nodemailer): `smtp://user:pass@host:587` or `smtps://…:465`, or nodemailer's
 * transport options.
 * @param {string | object} transport
 * @returns {Promise<Mailer>}
 */
export async function smtpMailer(transport) {
  let nodemailer;
  try {
    nodemailer = (await import('nodemailer')).default;
  } catch {
    throw new Error('gazette/server: sending mail over SMTP needs the "nodemailer" package: npm install nodemailer');
  }
  const transporter = nodemailer.createTransport(/** @type {any} */ (transport));
  return {
    async send(message) {
      await transporter.sendMail({ ...message, text: message.text });
    },
  };
}
