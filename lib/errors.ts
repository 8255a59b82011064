// Expected failures carry an HTTP status and the key of a message in messages/*.json (errors.*), so
// that the user reads what went wrong in their language and nothing else leaks.

export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  constructor(
    /** Key under "errors" in the message catalogues. */
    public readonly code: string,
    public readonly status: number,
    public readonly params: ErrorParams = {},
    /** Field errors, for forms: field name → message key under "errors". */
    public readonly fields: Record<string, string> = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

export const unauthenticated = () => new AppError("unauthenticated", 401);
export const forbidden = () => new AppError("forbidden", 403);
export const notFound = (what = "notFound") => new AppError(what, 404);
export const conflict = (code: string, params?: ErrorParams) => new AppError(code, 409, params);
export const invalid = (code: string, params?: ErrorParams, fields?: Record<string, string>) =>
  new AppError(code, 422, params, fields);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError("rateLimited", 429, { seconds: retryAfterSeconds });

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
