import { isObject } from '../json.js';

/**
 * gRPC status codes as ranger-rpc sends them in `code`. ranger-rpc (error.go, status/http.go) answers every
 * error with a google.rpc.Status body (`{"code", "message", "details"?}` in JSON, empty fields left out) and
 * an HTTP status taken from the code: 1→408, 2→500, 3→400, 4→504, 5→404, 6→409, 7→403, 8→429, 9→412,
 * 10→409, 11→400, 12→501, 13→500, 14→503, 15→500, 16→401. So a 504 that carries such a body is Mondoo's own
 * DEADLINE_EXCEEDED, not a proxy's timeout; and a plain (non-status) backend error becomes 2 UNKNOWN with 500.
 */
const NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

export function grpcStatusName(code: number): string {
  return NAMES[code] ?? `code ${code}`;
}

/** How the exchange retries an answer with this code (see retryForCode). */
export type CodeRetry = 'retry' | 'once' | 'never';

/**
 * Retries decided on Mondoo's code, not the HTTP status. UNAVAILABLE, RESOURCE_EXHAUSTED and
 * DEADLINE_EXCEEDED are passing states: retried like any outage. UNKNOWN and INTERNAL are retried once:
 * ranger-rpc sends UNKNOWN for every plain backend error, a refusal that will fail again included (a
 * request body it cannot decode, too), so a second identical answer is taken as final. Every other code
 * is Mondoo's considered answer to this request.
 */
export function retryForCode(code: number): CodeRetry {
  switch (code) {
    case 4: // DEADLINE_EXCEEDED
    case 8: // RESOURCE_EXHAUSTED
    case 14: // UNAVAILABLE
      return 'retry';
    case 2: // UNKNOWN
    case 13: // INTERNAL
      return 'once';
    default:
      return 'never';
  }
}

export interface RangerError {
  code: number;
  status: string;
  message: string;
}

/**
 * A ranger error body, already parsed: `{"code": <grpc code>, "message": "..."}`; undefined for anything
 * else (including a body that was not JSON).
 */
export function rangerErrorFrom(parsed: unknown): RangerError | undefined {
  if (!isObject(parsed)) return undefined;
  const { code, message } = parsed;
  // A gateway's own JSON ({"code": 403, ...}) must not pass for Mondoo speaking.
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 0 || code >= NAMES.length)
    return undefined;
  if (message !== undefined && typeof message !== 'string') return undefined;
  return { code, status: grpcStatusName(code), message: message ?? '' };
}
