// Configuration, validated once at start-up. A bad value stops the process with a message that names
// the variable and what is wrong with it, instead of failing later in some request.
import { z } from "zod";

import { parseTrustedProxies } from "@/lib/network/client-address";

const EMBEDDED_URL = "postgresql://postgres:postgres@127.0.0.1:54329/postgres?sslmode=disable";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.url().optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default(EMBEDDED_URL)
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgresql://"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (npm start generates one)").optional(),
  NEXTAUTH_URL: optionalUrl,
  /** The commune shown at "/" when the deployment serves several. */
  DEFAULT_COMMUNE: z.string().optional(),
  /** Map tiles: none unless configured (no network at run time otherwise). */
  TILE_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/.test(v), "must be an http(s) URL with {z}, {x} and {y}"),
  TILE_ATTRIBUTION: z.string().default(""),
  STORAGE_DRIVER: z.enum(["disk", "s3"]).default("disk"),
  STORAGE_DIR: z.string().default("./storage"),
  S3_ENDPOINT: optionalUrl,
  S3_REGION: z.string().default("us-east-1"),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Texts read aloud (lib/read-aloud): "espeak-ng" (Debian's espeak-ng and lame) or "off". */
  SPEECH_ENGINE: z.enum(["espeak-ng", "off"]).default("espeak-ng"),
  /** The Vietnamese voice: northern "vi", central "vi-vn-x-central", southern "vi-vn-x-south". */
  SPEECH_VOICE: z.enum(["vi", "vi-vn-x-central", "vi-vn-x-south"]).default("vi"),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(200).default(20),
  SMTP_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^smtps?:\/\//.test(v), "must start with smtp:// or smtps://"),
  MAIL_FROM: z.string().default("Dân Bàn <no-reply@localhost>"),
  SMS_PROVIDER: z.enum(["outbox", "http"]).default("outbox"),
  SMS_HTTP_URL: optionalUrl,
  SMS_HTTP_TOKEN: z.string().optional(),
  /** The commune accepts running without text messages in production (SMS_PROVIDER=outbox): codes are masked, nothing is sent. */
  SMS_OUTBOX_ACCEPTED: flag,
  /** Hosts (comma-separated) besides this one whose pages may call server actions, e.g. behind a proxy. */
  SERVER_ACTIONS_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .refine((v) => !v || v.split(",").every((h) => /^[a-z0-9*.-]+(:\d+)?$/i.test(h.trim())), "must be host names separated by commas, e.g. danban.example.vn"),
  /** The reverse proxies in front of the app: a count or addresses/CIDR ranges (lib/network/client-address.ts). */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseTrustedProxies(v);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `must be a number of proxies or addresses/CIDR ranges separated by commas (${(error as Error).message})` });
        return z.NEVER;
      }
    }),
  /** Send Strict-Transport-Security; only behind HTTPS. */
  HSTS: flag,
  /** When email digests go out (cron, Vietnam time); every 15 minutes unless set. */
  DIGEST_CRON: z
    .string()
    .default("*/15 * * * *")
    .refine((v) => /^\S+( \S+){4}$/.test(v.trim()), "must be a five-field cron expression, e.g. */15 * * * *"),
  /** Run the scheduler (publishing, closing) in this process. */
  SCHEDULER: z.enum(["on", "off"]).default("on"),
  /** Seal the audit log in this process (README "The audit log"); one sealer per chain runs at a time across instances. */
  AUDIT_SEALER: z.enum(["on", "off"]).default("on"),
  /** How often the sealer chains waiting audit events, in milliseconds. */
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(20).max(10_000).default(250),
  /** Key of the officials' pseudonyms in the public audit log; derived from NEXTAUTH_SECRET when unset. Never change it once set. */
  AUDIT_PSEUDONYM_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The database role the app acts as (SET ROLE at connect): it may add to the audit log, never change it. Empty: the login user's own. */
  DATABASE_APP_ROLE: z
    .string()
    .default("danban_app")
    .refine((v) => /^[a-z_][a-z0-9_]*$/.test(v) || v === "", "must be a role name (letters, digits, _) or empty"),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration (see README, "Settings"):\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.STORAGE_DRIVER === "s3" && !env.S3_BUCKET) {
    throw new Error('Invalid configuration (see README, "Settings"):\n  - S3_BUCKET: required when STORAGE_DRIVER=s3');
  }
  if (env.SMS_PROVIDER === "http" && !env.SMS_HTTP_URL) {
    throw new Error('Invalid configuration (see README, "Settings"):\n  - SMS_HTTP_URL: required when SMS_PROVIDER=http');
  }
  const serving = env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build";
  if (serving && !env.NEXTAUTH_SECRET) {
    throw new Error('Invalid configuration (see README, "Settings"):\n  - NEXTAUTH_SECRET: required in production');
  }
  // In production the outbox sends nothing and masks the codes it keeps: registration by text message
  // cannot work, so it runs only when the commune has said it accepts that.
  if (serving && env.SMS_PROVIDER === "outbox" && !env.SMS_OUTBOX_ACCEPTED) {
    throw new Error(
      'Invalid configuration (see README, "Settings"):\n  - SMS_PROVIDER: "outbox" sends no text message; in production set SMS_PROVIDER=http with SMS_HTTP_URL, or SMS_OUTBOX_ACCEPTED=1 if the commune accepts that',
    );
  }
  return env;
}

export const env: Env = parseEnv(process.env);
