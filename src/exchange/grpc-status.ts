import { isObject } from '../json.js';

/** gRPC status codes as ranger-rpc sends them in `code`. */
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
