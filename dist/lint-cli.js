"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// program:src/errors.ts
var require_errors = __commonJS({
  "program:src/errors.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/errors.ts"];
  }
});

// program:src/input-values.ts
var require_input_values = __commonJS({
  "program:src/input-values.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/input-values.ts"];
  }
});

// program:src/retry.ts
var require_retry = __commonJS({
  "program:src/retry.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/retry.ts"];
  }
});

// program:src/lint/fetch.ts
var require_fetch = __commonJS({
  "program:src/lint/fetch.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/lint/fetch.ts"];
  }
});

// program:src/lint/shown.ts
var require_shown = __commonJS({
  "program:src/lint/shown.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/lint/shown.ts"];
  }
});

// program:src/json.ts
var require_json = __commonJS({
  "program:src/json.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/json.ts"];
  }
});

// program:src/output/display.ts
var require_display = __commonJS({
  "program:src/output/display.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/output/display.ts"];
  }
});

// program:src/secrets/mask-forms.ts
var require_mask_forms = __commonJS({
  "program:src/secrets/mask-forms.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/secrets/mask-forms.ts"];
  }
});

// program:src/plural.ts
var require_plural = __commonJS({
  "program:src/plural.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/plural.ts"];
  }
});

// program:src/lint/profiles.ts
var require_profiles = __commonJS({
  "program:src/lint/profiles.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/lint/profiles.ts"];
  }
});

// program:src/lint/local-file.ts
var require_local_file = __commonJS({
  "program:src/lint/local-file.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/lint/local-file.ts"];
  }
});

// program:src/settings.ts
var require_settings = __commonJS({
  "program:src/settings.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/settings.ts"];
  }
});

// program:src/lint/well-known.ts
var require_well_known = __commonJS({
  "program:src/lint/well-known.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/lint/well-known.ts"];
  }
});

// program:src/lint/lint-settings.ts
var require_lint_settings = __commonJS({
  "program:src/lint/lint-settings.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/lint/lint-settings.ts"];
  }
});

// program:src/output/escape.ts
var require_escape = __commonJS({
  "program:src/output/escape.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/output/escape.ts"];
  }
});

// program:src/version.ts
var require_version = __commonJS({
  "program:src/version.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/version.ts"];
  }
});

// program:src/address-class.ts
var require_address_class = __commonJS({
  "program:src/address-class.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/address-class.ts"];
  }
});

// program:src/nearest.ts
var require_nearest = __commonJS({
  "program:src/nearest.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/nearest.ts"];
  }
});

// program:src/cli/token-options.ts
var require_token_options = __commonJS({
  "program:src/cli/token-options.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/cli/token-options.ts"];
  }
});

// program:src/cli/token-sources.ts
var require_token_sources = __commonJS({
  "program:src/cli/token-sources.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/cli/token-sources.ts"];
  }
});

// program:src/lint/target-kind.ts
var require_target_kind = __commonJS({
  "program:src/lint/target-kind.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/lint/target-kind.ts"];
  }
});

// program:src/cli/lint-spec.ts
var require_lint_spec = __commonJS({
  "program:src/cli/lint-spec.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/cli/lint-spec.ts"];
  }
});

// program:src/cli/usage.ts
var require_usage = __commonJS({
  "program:src/cli/usage.ts"(exports2, module2) {
    module2.exports = globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")]["src/cli/usage.ts"];
  }
});

// src/cli/lint-command.ts
var lint_command_exports = {};
__export(lint_command_exports, {
  lintCommand: () => lintCommand
});
module.exports = __toCommonJS(lint_command_exports);
var import_node_fs = require("node:fs");
var import_errors10 = __toESM(require_errors(), 1);
var import_input_values2 = __toESM(require_input_values(), 1);
var import_retry2 = __toESM(require_retry(), 1);

// src/lint/evidence.ts
var import_retry = __toESM(require_retry(), 1);
var import_fetch2 = __toESM(require_fetch(), 1);
var import_shown3 = __toESM(require_shown(), 1);

// node_modules/jose/dist/webapi/lib/buffer_utils.js
var encoder = new TextEncoder();
var decoder = new TextDecoder();
var strictDecoder = new TextDecoder("utf-8", { fatal: true });
var UINT32_RANGE = 2 ** 32;
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
var NON_ASCII = /[^\x00-\x7f]/;
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function encodeBase64(input, url = false) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = false) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}

// node_modules/jose/dist/webapi/util/errors.js
var JOSEError = class extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message2, options) {
    super(message2, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
};
var JOSEAlgNotAllowed = class extends JOSEError {
  static code = "ERR_JOSE_ALG_NOT_ALLOWED";
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
};
var JOSENotSupported = class extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
};
var JWSInvalid = class extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
};
var JWTInvalid = class extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
};
var JWKInvalid = class extends JOSEError {
  static code = "ERR_JWK_INVALID";
  code = "ERR_JWK_INVALID";
};
var JWSSignatureVerificationFailed = class extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message2 = "signature verification failed", options) {
    super(message2, options);
  }
};

// node_modules/jose/dist/webapi/util/base64url.js
var invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), true);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode2(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, true);
}

// node_modules/jose/dist/webapi/lib/validate.js
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return false;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return false;
        parameters.add(parameter);
      }
  return true;
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return decode(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return encode(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message2) {
  let parsed;
  try {
    parsed = JSON.parse(strictDecoder.decode(decode(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message2, { cause });
  }
  if (!isObject(parsed))
    throw new ErrorClass(message2);
  return parsed;
}
var JWS_RECOGNIZED = { __proto__: null, b64: true };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return true;
}

// node_modules/jose/dist/webapi/lib/key.js
var tag = (key) => key[Symbol.toStringTag];
var jwkMatchesOp = (entry, key, usage) => {
  const { alg } = entry;
  if (key.use !== void 0) {
    const expected = usage === "sign" || usage === "verify" ? "sig" : "enc";
    if (key.use !== expected)
      throw new TypeError(`Invalid key for this operation, its "use" must be "${expected}" when present`);
  }
  if (key.kty === "AKP" && key.alg === void 0)
    throw new TypeError('missing "alg" (Algorithm) Parameter value');
  if (key.alg !== void 0 && key.alg !== alg)
    throw new TypeError(`Invalid key for this operation, its "alg" must be "${alg}" when present`);
  if (Array.isArray(key.key_ops)) {
    const expectedKeyOp = usage === "encrypt" || usage === "decrypt" ? entry.ops?.[usage === "encrypt" ? 0 : 1] : usage;
    if (expectedKeyOp && !key.key_ops.includes(expectedKeyOp))
      throw new TypeError(`Invalid key for this operation, its "key_ops" must include "${expectedKeyOp}" when present`);
  }
};
async function prepareKey(entry, key, usage) {
  const { alg, secret } = entry, requiresPrivateKey = usage === "decrypt" || usage === "sign";
  if (secret && key instanceof Uint8Array)
    return key;
  let normalized, keyObject;
  if (isObject(key)) {
    if (normalized = normalizeJwk(key), typeof normalized.kty != "string")
      throw invalidKeyType(alg, key, secret);
    if (!(secret ? normalized.kty === "oct" && typeof normalized.k == "string" : normalized.kty !== "oct" && (requiresPrivateKey ? normalized.kty === "AKP" && typeof normalized.priv == "string" || typeof normalized.d == "string" : normalized.d === void 0 && normalized.priv === void 0)))
      throw new TypeError(secret ? 'JSON Web Key for symmetric algorithms must have JWK "kty" (Key Type) equal to "oct" and the JWK "k" (Key Value) present' : `JSON Web Key for this operation must be a ${requiresPrivateKey ? "private" : "public"} JWK`);
    if (jwkMatchesOp(entry, normalized, usage), normalized.kty === "oct")
      return decode(normalized.k);
    if (!Object.isFrozen(key)) {
      const { key_ops } = key;
      Array.isArray(key_ops) && Object.freeze(key_ops), Object.freeze(key);
    }
  } else {
    if (!isKeyLike(key))
      throw invalidKeyType(alg, key, secret);
    const expectedType = secret ? "secret" : requiresPrivateKey ? "private" : "public";
    if (key.type !== expectedType && (secret || ["secret", "public", "private"].includes(key.type)))
      throw new TypeError(`${tag(key)} instances must be of type "${expectedType}" for the ${alg} algorithm`);
    if (isCryptoKey(key))
      return key;
    if (keyObject = key, keyObject.type === "secret")
      return keyObject.export();
  }
  cache ||= /* @__PURE__ */ new WeakMap();
  const cacheKey = key;
  let cached = cache.get(cacheKey);
  if (cached?.[alg])
    return cached[alg];
  if (cached || cache.set(cacheKey, cached = {}), keyObject && typeof keyObject.toCryptoKey == "function") {
    const isPublic = keyObject.type === "public", crv = nist[keyObject.asymmetricKeyDetails?.namedCurve], params = entry.resolve?.({ crv, asymmetricKeyType: keyObject.asymmetricKeyType }) ?? entry.subtle;
    return cached[alg] = keyObject.toCryptoKey(params, isPublic, entry.usages[isPublic ? 0 : 1]);
  }
  return normalized ??= keyObject.export({ format: "jwk" }), normalized.alg = alg, cached[alg] = await jwkToKey(entry, normalized);
}
var cache;
var nist = {
  __proto__: null,
  prime256v1: "P-256",
  secp384r1: "P-384",
  secp521r1: "P-521"
};
var isCryptoKey = (key) => {
  if (key?.[Symbol.toStringTag] === "CryptoKey")
    return true;
  try {
    return key instanceof CryptoKey;
  } catch {
    return false;
  }
};
var isKeyObject = (key) => key?.[Symbol.toStringTag] === "KeyObject";
var isKeyLike = (key) => isCryptoKey(key) || isKeyObject(key);
function message(msg, actual, ...types) {
  if (types.length > 2) {
    const last = types.pop();
    msg += `one of type ${types.join(", ")}, or ${last}.`;
  } else types.length === 2 ? msg += `one of type ${types[0]} or ${types[1]}.` : msg += `of type ${types[0]}.`;
  return actual == null ? msg += ` Received ${actual}` : typeof actual == "function" && actual.name ? msg += ` Received function ${actual.name}` : typeof actual == "object" && actual != null && actual.constructor?.name && (msg += ` Received an instance of ${actual.constructor.name}`), msg;
}
var invalidKeyInput = (actual, ...types) => message("Key must be ", actual, ...types);
function invalidKeyType(alg, actual, secret) {
  const types = ["CryptoKey", "KeyObject", "JSON Web Key"];
  return secret && types.push("Uint8Array"), new TypeError(message(`Key for the ${alg} algorithm must be `, actual, ...types));
}
var unusable = (name, prop = "algorithm.name") => new TypeError(`CryptoKey does not support this operation, its ${prop} must be ${name}`);
function checkUsage(key, usage) {
  if (usage && !key.usages.includes(usage))
    throw new TypeError(`CryptoKey does not support this operation, its usages must include ${usage}.`);
}
function checkModulusLength(alg, key) {
  const { modulusLength } = key.algorithm;
  if (typeof modulusLength != "number" || modulusLength < 2048)
    throw new TypeError(`${alg} requires key modulusLength to be 2048 bits or larger`);
}
function checkCryptoKey(key, expected, usage) {
  const algorithm = key.algorithm;
  if (algorithm.name !== expected.name)
    throw unusable(expected.name);
  if (expected.hash && algorithm.hash?.name !== expected.hash)
    throw unusable(expected.hash, "algorithm.hash");
  if (expected.namedCurve && algorithm.namedCurve !== expected.namedCurve)
    throw unusable(expected.namedCurve, "algorithm.namedCurve");
  if (expected.length !== void 0 && algorithm.length !== expected.length)
    throw unusable(expected.length, "algorithm.length");
  checkUsage(key, usage);
}
function snapshotJwk(jwk) {
  return { __proto__: null, ...jwk };
}
function normalizeJwk(jwk) {
  const normalized = snapshotJwk(jwk);
  if (normalized.ext !== void 0 && typeof normalized.ext != "boolean")
    throw new TypeError('"ext" (Extractable) Parameter must be a boolean');
  if (normalized.key_ops !== void 0) {
    const value = normalized.key_ops, keyOps = Array.isArray(value) ? [...value] : void 0;
    if (!keyOps || keyOps.some((operation) => typeof operation != "string") || new Set(keyOps).size !== keyOps.length)
      throw new TypeError('"key_ops" (Key Operations) Parameter must be an array of unique strings');
    normalized.key_ops = keyOps;
  }
  return normalized;
}
function validateExtractableOption(extractable) {
  if (extractable !== void 0 && typeof extractable != "boolean")
    throw new TypeError('"extractable" option must be a boolean');
  return extractable;
}
async function jwkToKey(entry, jwk, extractable) {
  if (!entry.kty.includes(jwk.kty))
    throw new JOSENotSupported('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
  const algorithm = entry.resolve?.({ kty: jwk.kty, crv: jwk.crv }) ?? entry.subtle, isPrivate = !!(jwk.d || jwk.priv), keyData = { ...jwk, ext: extractable ?? jwk.ext };
  return keyData.kty !== "AKP" && delete keyData.alg, delete keyData.use, crypto.subtle.importKey("jwk", keyData, algorithm, keyData.ext ?? !isPrivate, jwk.key_ops ?? entry.usages[isPrivate ? 1 : 0]);
}
async function rawKey(key, expected, usage, extractable = false) {
  return key instanceof Uint8Array && (key = await crypto.subtle.importKey("raw", key, expected, extractable, [usage])), checkCryptoKey(key, expected, usage), key;
}

// node_modules/jose/dist/webapi/lib/key_descriptor.js
function table(entries) {
  const out = { __proto__: null };
  for (const alg in entries)
    out[alg] = { ...entries[alg], alg };
  return out;
}

// node_modules/jose/dist/webapi/lib/jwe_algorithms.js
var wrap = [
  ["encrypt", "wrapKey"],
  ["decrypt", "unwrapKey"]
];
var derive = [[], ["deriveBits"]];
var none = [[], []];
function rsaes(bits) {
  return {
    kty: ["RSA"],
    mode: "key-encryption",
    subtle: { name: "RSA-OAEP", hash: `SHA-${bits}` },
    usages: wrap,
    ops: ["wrapKey", "unwrapKey"]
  };
}
function ecdh(mode) {
  return {
    kty: ["EC", "OKP"],
    mode,
    subtle: { name: "ECDH" },
    resolve: ({ kty, crv, asymmetricKeyType }) => {
      if (crv === "X25519" || asymmetricKeyType === "x25519")
        return { name: "X25519" };
      if (kty === "OKP")
        throw new JOSENotSupported('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
      return { name: "ECDH", namedCurve: crv };
    },
    usages: derive,
    ops: [void 0, "deriveBits"]
  };
}
function aeskw(bits, gcm = false) {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: true,
    subtle: { name: gcm ? "AES-GCM" : "AES-KW", length: bits },
    usages: none,
    ops: gcm ? ["encrypt", "decrypt"] : ["wrapKey", "unwrapKey"]
  };
}
function pbes2() {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: true,
    subtle: { name: "PBKDF2" },
    usages: none,
    ops: ["deriveBits", "deriveBits"]
  };
}
var JWE = table({
  dir: {
    kty: ["oct"],
    mode: "direct-encryption",
    secret: true,
    subtle: { name: "AES-GCM" },
    usages: none,
    ops: ["encrypt", "decrypt"]
  },
  "RSA-OAEP": rsaes(1),
  "RSA-OAEP-256": rsaes(256),
  "RSA-OAEP-384": rsaes(384),
  "RSA-OAEP-512": rsaes(512),
  "ECDH-ES": ecdh("direct-key-agreement"),
  "ECDH-ES+A128KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A192KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A256KW": ecdh("key-agreement-with-key-wrapping"),
  A128KW: aeskw(128),
  A192KW: aeskw(192),
  A256KW: aeskw(256),
  A128GCMKW: aeskw(128, true),
  A192GCMKW: aeskw(192, true),
  A256GCMKW: aeskw(256, true),
  "PBES2-HS256+A128KW": pbes2(),
  "PBES2-HS384+A192KW": pbes2(),
  "PBES2-HS512+A256KW": pbes2()
});
var contentOps = ["encrypt", "decrypt"];
function contentEncryption(bits, cbc = false) {
  return {
    kty: ["oct"],
    secret: true,
    subtle: { name: cbc ? "AES-CBC" : "AES-GCM", length: bits },
    usages: none,
    ops: contentOps,
    cekBits: bits,
    ivBits: cbc ? 128 : 96,
    cbc
  };
}
var ENC = table({
  A128GCM: contentEncryption(128),
  A192GCM: contentEncryption(192),
  A256GCM: contentEncryption(256),
  "A128CBC-HS256": contentEncryption(256, true),
  "A192CBC-HS384": contentEncryption(384, true),
  "A256CBC-HS512": contentEncryption(512, true)
});

// node_modules/jose/dist/webapi/lib/jws_algorithms.js
var sig = [["verify"], ["sign"]];
function hmac(bits) {
  const subtle = { name: "HMAC", hash: `SHA-${bits}` };
  return { kty: ["oct"], secret: true, subtle, signing: subtle, usages: sig };
}
function rsa(bits, saltLength) {
  const subtle = { name: saltLength ? "RSA-PSS" : "RSASSA-PKCS1-v1_5", hash: `SHA-${bits}` };
  return {
    kty: ["RSA"],
    subtle,
    signing: saltLength ? { ...subtle, saltLength } : subtle,
    usages: sig,
    minRsaBits: 2048
  };
}
function ecdsa(crv, bits) {
  return {
    kty: ["EC"],
    crv,
    subtle: { name: "ECDSA", namedCurve: crv },
    signing: { name: "ECDSA", hash: `SHA-${bits}` },
    usages: sig
  };
}
function eddsa() {
  const subtle = { name: "Ed25519" };
  return {
    kty: ["OKP"],
    crv: "Ed25519",
    subtle,
    signing: subtle,
    usages: sig
  };
}
function mldsa(parameterSet) {
  const subtle = { name: `ML-DSA-${parameterSet}` };
  return {
    kty: ["AKP"],
    subtle,
    signing: subtle,
    usages: sig
  };
}
var JWS = table({
  HS256: hmac(256),
  HS384: hmac(384),
  HS512: hmac(512),
  RS256: rsa(256),
  RS384: rsa(384),
  RS512: rsa(512),
  PS256: rsa(256, 32),
  PS384: rsa(384, 48),
  PS512: rsa(512, 64),
  ES256: ecdsa("P-256", 256),
  ES384: ecdsa("P-384", 384),
  ES512: ecdsa("P-521", 512),
  EdDSA: eddsa(),
  Ed25519: eddsa(),
  "ML-DSA-44": mldsa(44),
  "ML-DSA-65": mldsa(65),
  "ML-DSA-87": mldsa(87)
});
function jwsAlgorithm(alg) {
  const entry = typeof alg == "string" ? JWS[alg] : void 0;
  if (!entry)
    throw new JOSENotSupported(`alg ${alg} is not supported either by JOSE or your javascript runtime`);
  return entry;
}

// node_modules/jose/dist/webapi/lib/jws_verify.js
function prepareVerify(options) {
  return [options && validateAlgorithms("algorithms", options.algorithms), options?.crit];
}
function parseProtectedHeader(encodedProtectedHeader) {
  return encodedProtectedHeader === void 0 ? {} : parseJoseHeader(encodedProtectedHeader, JWSInvalid, "JWS Protected Header is invalid");
}
function encodeCompactUnencodedPayload(payload) {
  try {
    return encode(payload);
  } catch (cause) {
    throw new JWSInvalid("JWS Compact Serialization payload must use only ASCII characters", {
      cause
    });
  }
}
async function verifySignature(jws, shared, key, encodeUnencodedPayload, parsedProtected) {
  const { protected: encodedProtectedHeader, header, payload: inputPayload } = jws, protectedHeader = parsedProtected ?? parseProtectedHeader(encodedProtectedHeader);
  if (!isDisjoint(protectedHeader, header))
    throw new JWSInvalid("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
  const joseHeader = { ...protectedHeader, ...header }, b64 = validateB64(protectedHeader, validateCrit(JWSInvalid, JWS_RECOGNIZED, shared[1], protectedHeader, joseHeader)), { alg } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new JWSInvalid('JWS "alg" (Algorithm) Header Parameter missing or invalid');
  if (shared[0] && !shared[0].has(alg))
    throw new JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed');
  if (b64) {
    if (typeof inputPayload != "string")
      throw new JWSInvalid("JWS Payload must be a string");
  } else if (typeof inputPayload != "string" && !(inputPayload instanceof Uint8Array))
    throw new JWSInvalid("JWS Payload must be a string or an Uint8Array instance");
  const signingPayload = b64 || typeof inputPayload != "string" ? inputPayload : encodeUnencodedPayload(inputPayload);
  let resolvedKey = false;
  typeof key == "function" && (key = await key(protectedHeader, jws), resolvedKey = true);
  const entry = jwsAlgorithm(alg), signingInput = concat(encodedProtectedHeader !== void 0 ? encode(encodedProtectedHeader) : new Uint8Array(), encode("."), typeof signingPayload == "string" ? shared[2] ??= encodeAsciiMember(signingPayload, "payload", JWSInvalid) : signingPayload), signature = decodeBase64url(jws.signature, "signature", JWSInvalid), verificationKey = await prepareKey(entry, key, "verify"), cryptoKey = await rawKey(verificationKey, entry.subtle, "verify");
  entry.minRsaBits && checkModulusLength(entry.alg, cryptoKey);
  let verified = false;
  try {
    verified = await crypto.subtle.verify(entry.signing, cryptoKey, signature, signingInput);
  } catch (cause) {
    throw new JWSSignatureVerificationFailed(void 0, { cause });
  }
  if (!verified)
    throw new JWSSignatureVerificationFailed();
  const result = { payload: typeof signingPayload == "string" ? decodeBase64url(signingPayload, "payload", JWSInvalid) : signingPayload };
  return encodedProtectedHeader !== void 0 && (result.protectedHeader = protectedHeader), header !== void 0 && (result.unprotectedHeader = header), resolvedKey ? [{ ...result, key: verificationKey }, b64] : [result, b64];
}
async function verifyCompact(jws, shared, key) {
  if (jws instanceof Uint8Array && (jws = decoder.decode(jws)), typeof jws != "string")
    throw new JWSInvalid("Compact JWS must be a string or Uint8Array");
  const { 0: protectedHeader, 1: payload, 2: signature, length } = jws.split(".");
  if (length !== 3)
    throw new JWSInvalid("Invalid Compact JWS");
  return verifySignature({ payload, protected: protectedHeader, signature }, shared, key, encodeCompactUnencodedPayload);
}

// node_modules/jose/dist/webapi/jws/compact/verify.js
async function compactVerify(jws, key, options) {
  const [result] = await verifyCompact(jws, prepareVerify(options), key);
  return result;
}

// node_modules/jose/dist/webapi/lib/key_algorithm.js
function unsupportedAlg(source = 'JWK "alg" (Algorithm) Parameter') {
  throw new JOSENotSupported(`Invalid or unsupported ${source} value`);
}
function keyAlgorithm(alg, source) {
  return (typeof alg == "string" ? JWS[alg] ?? JWE[alg] : void 0) ?? unsupportedAlg(source);
}

// node_modules/jose/dist/webapi/key/export.js
async function exportJWK(key) {
  if (isKeyObject(key))
    if (key.type === "secret")
      key = key.export();
    else
      return key.export({ format: "jwk" });
  if (key instanceof Uint8Array)
    return {
      kty: "oct",
      k: encode2(key)
    };
  if (!isCryptoKey(key))
    throw new TypeError(invalidKeyInput(key, "CryptoKey", "KeyObject", "Uint8Array"));
  if (!key.extractable)
    throw new TypeError("non-extractable CryptoKey cannot be exported as a JWK");
  const jwk = await crypto.subtle.exportKey("jwk", key);
  delete jwk.ext, delete jwk.key_ops, delete jwk.use, jwk.kty !== "AKP" && delete jwk.alg;
  for (const parameter of Object.keys(jwk))
    jwk[parameter] === void 0 && delete jwk[parameter];
  return jwk;
}

// node_modules/jose/dist/webapi/jwk/thumbprint.js
var check = (value, description) => {
  if (typeof value != "string" || !value)
    throw new JWKInvalid(`${description} missing or invalid`);
};
async function calculateJwkThumbprint(key, digestAlgorithm) {
  let jwk;
  if (isObject(key)) {
    if (jwk = snapshotJwk(key), typeof jwk.kty != "string")
      throw new TypeError(invalidKeyInput(key, "CryptoKey", "KeyObject", "JSON Web Key"));
  } else if (isKeyLike(key))
    jwk = snapshotJwk(await exportJWK(key));
  else
    throw new TypeError(invalidKeyInput(key, "CryptoKey", "KeyObject", "JSON Web Key"));
  if (digestAlgorithm ??= "sha256", digestAlgorithm !== "sha256" && digestAlgorithm !== "sha384" && digestAlgorithm !== "sha512")
    throw new TypeError('digestAlgorithm must one of "sha256", "sha384", or "sha512"');
  let requiredMembers;
  switch (jwk.kty) {
    case "AKP":
      check(jwk.alg, '"alg" (Algorithm) Parameter'), check(jwk.pub, '"pub" (Public key) Parameter'), requiredMembers = { alg: jwk.alg, kty: jwk.kty, pub: jwk.pub };
      break;
    case "EC":
      check(jwk.crv, '"crv" (Curve) Parameter'), check(jwk.x, '"x" (X Coordinate) Parameter'), check(jwk.y, '"y" (Y Coordinate) Parameter'), requiredMembers = { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
      break;
    case "OKP":
      check(jwk.crv, '"crv" (Subtype of Key Pair) Parameter'), check(jwk.x, '"x" (Public Key) Parameter'), requiredMembers = { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
      break;
    case "RSA":
      check(jwk.e, '"e" (Exponent) Parameter'), check(jwk.n, '"n" (Modulus) Parameter'), requiredMembers = { e: jwk.e, kty: jwk.kty, n: jwk.n };
      break;
    case "oct":
      if (typeof jwk.k != "string")
        throw new JWKInvalid('"k" (Key Value) Parameter missing or invalid');
      requiredMembers = { k: jwk.k, kty: jwk.kty };
      break;
    default:
      throw new JOSENotSupported('"kty" (Key Type) Parameter missing or unsupported');
  }
  const thumbprintInput = encode(JSON.stringify(requiredMembers));
  return encode2(await digest(digestAlgorithm, thumbprintInput));
}

// node_modules/jose/dist/webapi/key/import.js
async function importJWK(jwk, alg, options) {
  if (!isObject(jwk))
    throw new TypeError("JWK must be an object");
  const normalized = normalizeJwk(jwk), extractable = validateExtractableOption(options?.extractable), { alg: jwkAlg } = normalized;
  if (alg ??= jwkAlg, normalized.kty !== "oct" && !alg)
    throw new TypeError('"alg" argument is required when "jwk.alg" is not present');
  switch (normalized.kty) {
    case "oct":
      if (typeof normalized.k != "string")
        throw new TypeError('missing "k" (Key Value) Parameter value');
      return decode(normalized.k);
    case "AKP": {
      if (typeof jwkAlg != "string" || !jwkAlg)
        throw new TypeError('missing "alg" (Algorithm) Parameter value');
      if (alg !== jwkAlg)
        throw new TypeError("JWK alg and alg option value mismatch");
      return jwkToKey(keyAlgorithm(alg), normalized, extractable);
    }
    case "RSA":
    case "EC":
    case "OKP":
      return jwkToKey(keyAlgorithm(alg), normalized, extractable);
    default:
      throw new JOSENotSupported('Unsupported "kty" (Key Type) Parameter value');
  }
}

// node_modules/jose/dist/webapi/util/decode_protected_header.js
function decodeProtectedHeader(token) {
  let encodedProtectedHeader;
  if (typeof token == "string") {
    const parts = token.split(".");
    (parts.length === 3 || parts.length === 5) && ([encodedProtectedHeader] = parts);
  } else if (typeof token == "object" && token)
    if ("protected" in token)
      encodedProtectedHeader = token.protected;
    else
      throw new TypeError("Token does not contain a Protected Header");
  const invalid2 = "Invalid Token or Protected Header formatting";
  if (typeof encodedProtectedHeader != "string" || !encodedProtectedHeader)
    throw new TypeError(invalid2);
  return parseJoseHeader(encodedProtectedHeader, TypeError, invalid2);
}

// node_modules/jose/dist/webapi/util/decode_jwt.js
function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new JWTInvalid("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new JWTInvalid("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new JWTInvalid("Invalid JWT");
  if (!encodedPayload)
    throw new JWTInvalid("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = decode(encodedPayload);
  } catch (cause) {
    throw new JWTInvalid("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(strictDecoder.decode(claimsSetBytes));
  } catch (cause) {
    throw new JWTInvalid("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!isObject(claimsSet))
    throw new JWTInvalid("Invalid JWT Claims Set");
  return claimsSet;
}

// src/lint/algorithms.ts
var RSA_ALGS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"];
var EC_ALGS_BY_CURVE = {
  "P-256": "ES256",
  "P-384": "ES384",
  "P-521": "ES512",
  secp256k1: "ES256K"
};
var EDDSA_CURVES = /* @__PURE__ */ new Set(["Ed25519", "Ed448"]);
var MENDER_ALGS = ["ES256", "ES256K", "ES384", "ES512", "PS256", "PS384", "PS512", "RS384", "RS512"];
var ACCEPTED = {
  mondoo: /* @__PURE__ */ new Set([...RSA_ALGS, "ES256", "ES384", "ES512"]),
  mender: /* @__PURE__ */ new Set([...MENDER_ALGS, "RS256"]),
  oidc: /* @__PURE__ */ new Set([...RSA_ALGS, "ES256", "ES384", "ES512", "ES256K", "EdDSA", "Ed25519", "Ed448"])
};
function acceptedBy(profile, alg) {
  return ACCEPTED[profile].has(alg);
}
function isSymmetric(alg) {
  return /^HS\d+$/.test(alg);
}
function algsForKeyType(kty, crv) {
  if (kty === "RSA") return RSA_ALGS;
  if (kty === "EC" && typeof crv === "string") {
    const alg = EC_ALGS_BY_CURVE[crv];
    return alg ? [alg] : [];
  }
  if (kty === "OKP" && typeof crv === "string" && EDDSA_CURVES.has(crv)) {
    return ["EdDSA", crv];
  }
  return [];
}
function isKeyAgreementCurve(crv) {
  return crv === "X25519" || crv === "X448";
}

// src/lint/jwk-facts.ts
var import_node_crypto = require("node:crypto");
var import_shown = __toESM(require_shown(), 1);
var import_json = __toESM(require_json(), 1);
var import_display = __toESM(require_display(), 1);
var import_mask_forms = __toESM(require_mask_forms(), 1);
var import_plural = __toESM(require_plural(), 1);
var PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];
function privateValues(key) {
  if (!(0, import_json.isObject)(key)) return [];
  const values = PRIVATE_MEMBERS.filter((member) => key[member] !== void 0).flatMap((member) => {
    const value = key[member];
    const nested = Array.isArray(value) ? value.flatMap((item) => (0, import_json.isObject)(item) ? Object.values(item) : [item]) : [];
    return [value, ...nested].map((item) => typeof item === "string" ? item : safeJson(item));
  });
  return values.filter((value) => value.length >= import_mask_forms.MIN_MASK_LENGTH);
}
function describedValue(value) {
  if (typeof value === "string") return `a string of ${(0, import_plural.plural)(value.length, "character")}`;
  if (Array.isArray(value)) return `an array of ${(0, import_plural.plural)(value.length, "item")}`;
  if ((0, import_json.isObject)(value)) return `an object with ${(0, import_plural.plural)(Object.keys(value).length, "member")}`;
  return value === null ? "null" : `a ${typeof value}`;
}
function shownFromKeySet(value, privateOfSet) {
  const whole = typeof value === "string" ? value : (0, import_display.displayJson)(value, { maxDepth: 8, maxChars: 1 << 20 });
  const isPrivate = /PRIVATE KEY/i.test(whole) || privateOfSet.some((secret) => secret.length > 0 && whole.includes(secret));
  return isPrivate ? `(${describedValue(value)} holding private key material: not shown)` : (0, import_shown.shown)(value);
}
function safeJson(value) {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
async function importProblem(key, alg) {
  try {
    await importJWK(key, alg);
    return void 0;
  } catch (error) {
    if (!joseCannotHandle(error)) return error.message;
    try {
      (0, import_node_crypto.createPublicKey)({ key, format: "jwk" });
      return void 0;
    } catch (fallback) {
      return fallback.message;
    }
  }
}
function nonSigningReason(key) {
  if (key.use === "enc") return 'use "enc"';
  if (Array.isArray(key.key_ops) && !key.key_ops.includes("verify"))
    return `key_ops ${shownFromKeySet(key.key_ops, [])}`;
  if (typeof key.alg === "string" && isEncryptionAlg(key.alg)) return `alg ${(0, import_shown.shown)(key.alg)}`;
  if (isKeyAgreementCurve(key.crv)) return `curve ${(0, import_shown.shown)(key.crv)}`;
  return void 0;
}
function joseCannotHandle(error) {
  return error.code === "ERR_JOSE_NOT_SUPPORTED" || /mismatch/.test(error.message);
}
function isEncryptionAlg(alg) {
  return /^(RSA-OAEP|RSA1_5|ECDH-ES|A\d+KW|A\d+GCMKW|dir$|PBES2)/.test(alg);
}
function bitLength(bytes) {
  const start = bytes.findIndex((byte) => byte !== 0);
  if (start < 0) return 0;
  return (bytes.length - start - 1) * 8 + (bytes[start] ?? 0).toString(2).length;
}
function checkCertificate(key, label, nowSeconds, note) {
  const x5c = key.x5c;
  if (!Array.isArray(x5c) || x5c.length === 0) return;
  let certificate;
  try {
    certificate = new import_node_crypto.X509Certificate(Buffer.from(String(x5c[0]), "base64"));
  } catch {
    note("jwk-x5c-invalid", `${label}: x5c[0] is not a DER certificate in base64.`);
    return;
  }
  const day = (seconds) => new Date(seconds * 1e3).toISOString().slice(0, 10);
  const expiresAt = Date.parse(certificate.validTo) / 1e3;
  const startsAt = Date.parse(certificate.validFrom) / 1e3;
  if (expiresAt < nowSeconds) {
    note(
      "jwk-x5c-expired",
      `${label}: its x5c certificate expired on ${day(expiresAt)}.`,
      certificate.validTo
    );
  } else if (startsAt > nowSeconds) {
    note(
      "jwk-x5c-invalid",
      `${label}: its x5c certificate is not valid before ${day(startsAt)}.`,
      certificate.validFrom
    );
  }
  let certified;
  try {
    certified = certificate.publicKey.export({ format: "jwk" });
  } catch {
  }
  if (!certified || !sameKey(certified, key)) {
    note("jwk-x5c-invalid", `${label}: the x5c certificate holds a different key than the JWK.`);
  }
}
function sameKey(a, b) {
  const number = (value) => typeof value === "string" ? Buffer.from(value, "base64url").toString("hex").replace(/^(00)+/, "") : "";
  const members = a.kty === "RSA" ? ["n", "e"] : ["x", "y"];
  return a.kty === b.kty && members.every((member) => number(a[member]) === number(b[member]));
}

// src/lint/jwk-numbers.ts
var import_node_crypto2 = require("node:crypto");
var import_plural2 = __toESM(require_plural(), 1);
var COORDINATE_OCTETS = { "P-256": 32, "P-384": 48, "P-521": 66, secp256k1: 32 };
var SIGNING_OPS = ["sign", "verify"];
var ENCRYPTION_OPS = ["encrypt", "decrypt", "wrapKey", "unwrapKey", "deriveKey", "deriveBits"];
var SMALLEST_SAFE_EXPONENT = 65537n;
function checkUseAndOps(key, label, note) {
  const ops = key.key_ops;
  if (typeof key.use !== "string" || !Array.isArray(ops)) return;
  const signs = ops.some((op) => SIGNING_OPS.includes(op));
  const encrypts = ops.some((op) => ENCRYPTION_OPS.includes(op));
  const contradiction = key.use === "sig" && encrypts && !signs || key.use === "enc" && signs && !encrypts;
  if (contradiction) {
    note(
      "jwk-use-key-ops",
      `${label}: \`use\` ${JSON.stringify(key.use)} contradicts \`key_ops\` ${JSON.stringify(ops.filter((op) => typeof op === "string"))}.`
    );
  }
}
function checkKeyNumbers(key, label, note) {
  if (key.kty === "RSA") return checkRsaNumbers(key, label, note);
  if (key.kty === "EC" && typeof key.crv === "string") {
    const size = COORDINATE_OCTETS[key.crv];
    const wrong = ["x", "y"].filter(
      (member) => size !== void 0 && typeof key[member] === "string" && Buffer.from(key[member], "base64url").length !== size
    );
    if (wrong.length > 0) {
      note(
        "jwk-ec-coordinate-length",
        `${label}: ${wrong.map((member) => `\`${member}\` is ${(0, import_plural2.plural)(Buffer.from(key[member], "base64url").length, "octet")}`).join(", ")}; ${key.crv} needs ${size}.`,
        wrong.join(", ")
      );
    }
  }
  return true;
}
function checkRsaNumbers(key, label, note) {
  const zeroLed = ["n", "e"].filter(
    (member) => typeof key[member] === "string" && Buffer.from(key[member], "base64url")[0] === 0
  );
  if (zeroLed.length > 0) {
    note(
      "jwk-rsa-leading-zero",
      `${label}: ${zeroLed.map((member) => `\`${member}\``).join(" and ")} start${zeroLed.length === 1 ? "s" : ""} with a zero octet.`
    );
  }
  if (typeof key.e !== "string") return true;
  const hex = Buffer.from(key.e, "base64url").toString("hex");
  if (hex === "") return true;
  const exponent = BigInt(`0x${hex}`);
  if (exponent === 1n) {
    note("jwk-rsa-exponent-one", `${label} has public exponent 1: any signature can be forged.`, "e = 1");
    return false;
  }
  if (exponent % 2n === 0n || exponent < SMALLEST_SAFE_EXPONENT) {
    const why = exponent % 2n === 0n ? "is even" : "is below 65537";
    note("jwk-rsa-exponent-weak", `${label}: public exponent ${exponent} ${why}.`, `e = ${exponent}`);
  }
  return true;
}
function checkThumbprints(key, label, note) {
  const x5c = key.x5c;
  if (!Array.isArray(x5c) || typeof x5c[0] !== "string") return;
  const der = Buffer.from(x5c[0], "base64");
  const members = [
    ["x5t", "sha1"],
    ["x5t#S256", "sha256"]
  ];
  for (const [member, hash] of members) {
    const given = key[member];
    if (given === void 0) continue;
    const expected = (0, import_node_crypto2.createHash)(hash).update(der).digest("base64url");
    if (given !== expected) {
      note(
        "jwk-x5t-mismatch",
        `${label}: \`${member}\` is not the ${hash.toUpperCase()} thumbprint of x5c[0].`,
        member
      );
    }
  }
}

// src/lint/catalogue/rule-spec.ts
var E = "error";
var W = "warning";
var I = "info";

// src/lint/catalogue/algorithms.ts
var ALGORITHM_RULES = {
  "alg-rs256-missing": {
    group: "algorithms",
    source: "Discovery 1.0 \xA73 (RS256 MUST be included); Core \xA715.1",
    levels: [I, "off", E],
    checks: "`id_token_signing_alg_values_supported` does not include RS256 (under mender see `alg-mender-rs256` instead: Mender does not document RS256).",
    fix: "Advertise RS256 (OpenID Connect Discovery requires it) and keep an RSA signing key in the JWKS."
  },
  "alg-none": {
    group: "algorithms",
    source: "Discovery 1.0 \xA73, Core \xA72 (`none` only when no ID Token comes from the authorization endpoint)",
    levels: [W, W, W],
    checks: "`none` is advertised for ID tokens: unsigned tokens.",
    fix: "Remove `none`: keyless auth needs signed tokens."
  },
  "alg-symmetric": {
    group: "algorithms",
    source: "Core \xA710.1, \xA73.1.3.7 step 8 (the MAC key is the client secret, not a JWKS key)",
    levels: [I, I, I],
    checks: "HS256/HS384/HS512 are advertised: a fact; such tokens are verified with the client secret, not the JWKS.",
    fix: "Nothing to do while the tokens for this client are signed with an asymmetric algorithm (the provider chooses per client)."
  },
  "alg-unusable": {
    group: "algorithms",
    source: "Core \xA710.1 (sign with an algorithm the recipient supports, and a key in the JWK Set); the target's accepted algorithms",
    levels: [E, E, E],
    checks: "No advertised algorithm is both accepted by the target and served by a usable JWKS key.",
    fix: "Advertise an algorithm the target accepts and publish a signing key for it."
  },
  "alg-without-key": {
    group: "algorithms",
    source: "Core \xA710.1 (the signing key MUST have its public key in the JWK Set)",
    levels: [I, I, W],
    checks: "An advertised algorithm has no key in the JWKS to serve it (another one does).",
    fix: "Publish a key for every advertised algorithm, or stop advertising the ones you do not sign with."
  },
  "alg-mender-rs256": {
    group: "algorithms",
    source: 'Mender SSO documentation ("Supported algorithms" list; its provider example lists RS256)',
    levels: ["off", W, "off"],
    checks: "RS256 is the only usable algorithm: outside Mender's documented list, although Mender's own example uses it.",
    fix: "It probably works: verify with a test login, or also enable ES256, PS256 or RS384."
  },
  "mender-auth-alg": {
    group: "algorithms",
    source: 'Discovery 1.0 \xA73; Mender SSO documentation ("Supported algorithms"; Implicit Flow only)',
    levels: ["off", I, "off"],
    checks: "`token_endpoint_auth_signing_alg_values_supported` lists none of Mender's algorithms (a fact: Mender's Implicit Flow never authenticates at the token endpoint).",
    fix: "Nothing to do for Mender; other clients that sign client assertions need one of these algorithms."
  },
  "alg-eddsa-deprecated": {
    group: "algorithms",
    levels: [I, I, I],
    source: "RFC 9864 \xA72.2 (`Ed25519`, `Ed448` fully specified), \xA74.1.2 (`EdDSA` deprecated)",
    checks: "`EdDSA` is advertised or set on a key: deprecated in favour of the fully-specified `Ed25519` and `Ed448`.",
    fix: "Also advertise the fully-specified name (`Ed25519` or `Ed448`) as verifiers move to it."
  }
};

// src/lint/catalogue/document.ts
var DOCUMENT_RULES = {
  "document-oauth-metadata": {
    group: "document",
    source: "Discovery 1.0 \xA73 vs RFC 8414 \xA72",
    levels: [E, E, E],
    checks: "The document is OAuth 2.0 server metadata (RFC 8414), not an OpenID Connect discovery document.",
    fix: "Point at the provider's /.well-known/openid-configuration (for Keycloak: the realm's OIDC URL)."
  },
  "member-missing": {
    group: "document",
    source: "Discovery 1.0 \xA73 (REQUIRED members); Mondoo's custom OIDC documentation (the same five)",
    levels: [E, E, E],
    checks: 'A required member is missing: issuer, jwks_uri, response_types_supported, subject_types_supported, id_token_signing_alg_values_supported (with "did you mean").',
    fix: "Add the member to the discovery document (or correct its spelling)."
  },
  "member-type": {
    group: "document",
    source: "Discovery 1.0 \xA73 (member types), \xA74.2 (members with zero elements MUST be omitted)",
    levels: [E, E, E],
    checks: "A required member has the wrong JSON type (a string, or an array of strings), or is empty.",
    fix: "Give the member the type OpenID Connect Discovery 1.0 \xA73 defines."
  },
  "endpoint-missing": {
    group: "document",
    source: "Discovery 1.0 \xA73 (`authorization_endpoint` REQUIRED); Core \xA73.1.2, \xA73.2.2",
    levels: [I, E, E],
    checks: "`authorization_endpoint` is missing (CI issuers have none); `token_endpoint` only where a flow needs it (see `document-token-endpoint-missing`).",
    fix: "Add the endpoint; SSO needs it, workload identity does not."
  },
  "document-token-endpoint-missing": {
    group: "document",
    levels: [I, "off", E],
    source: "Discovery 1.0 \xA73 (`token_endpoint` REQUIRED unless only the Implicit Flow is used); Mender SSO documentation (Implicit Flow only)",
    checks: "`token_endpoint` is missing although `response_types_supported` offers a value with `code` (under mondoo: also without one). Never needed by Mender.",
    fix: "Publish the token endpoint, or stop advertising response types with `code`.",
    fixes: { mondoo: "Nothing to do for workload identity: Mondoo never calls the token endpoint." }
  },
  "optional-member-type": {
    group: "document",
    levels: [W, W, W],
    source: "Discovery 1.0 \xA73; RFC 8414 \xA72; RFC 9126 \xA75 (member types)",
    checks: "An optional member has the wrong JSON type (e.g. null or a string where a JSON array or a boolean is defined).",
    fix: "Give the member its defined type, or leave it out."
  },
  "response-type-invalid": {
    group: "document",
    levels: [W, W, W],
    source: "OAuth 2.0 Multiple Response Type Encoding Practices \xA71.2 (space-delimited, any order), \xA73\u20135 (`id_token`, `none`, combinations)",
    checks: "A `response_types_supported` value is not a space-separated combination of `code`, `id_token`, `token` (or `none` alone), e.g. `codeid_token`.",
    fix: 'Separate the parts with single spaces, e.g. "code id_token".'
  },
  "subject-type-unknown": {
    group: "document",
    levels: [W, W, W],
    source: "Core \xA78; Discovery 1.0 \xA73 (`public`, `pairwise`)",
    checks: "A `subject_types_supported` value is neither `public` nor `pairwise`.",
    fix: "Advertise `public` or `pairwise`: clients know no other subject type."
  },
  "scopes-no-openid": {
    group: "document",
    levels: [I, W, W],
    source: "Discovery 1.0 \xA73 (`scopes_supported`: the server MUST support `openid`)",
    checks: "`scopes_supported` is given but lacks `openid`.",
    fix: "Add `openid` to `scopes_supported`."
  },
  "jwks-uri-not-https": {
    group: "document",
    source: "Discovery 1.0 \xA73 (`jwks_uri` MUST use https)",
    levels: [E, E, E],
    checks: "`jwks_uri` is not an https:// URL.",
    fix: "Serve the key set over HTTPS and put its https:// URL in `jwks_uri`."
  },
  "endpoint-not-https": {
    group: "document",
    source: "Discovery 1.0 \xA73 (endpoint URLs MUST use https)",
    levels: [W, W, E],
    checks: "An endpoint URL other than `jwks_uri` is not https://.",
    fix: "Serve every endpoint over HTTPS."
  },
  "jwks-uri-other-host": {
    group: "document",
    source: "Discovery 1.0 \xA73 (no same-host requirement)",
    levels: [I, I, I],
    checks: "`jwks_uri` is on another host than the issuer.",
    fix: "Nothing to do if that host is yours; make sure it is as reachable as the issuer."
  }
};

// src/lint/catalogue/fetch.ts
var FETCH_RULES = {
  "fetch-not-https": {
    group: "fetch",
    source: "Discovery 1.0 \xA73 (`issuer` and `jwks_uri` MUST use https), \xA77.1 (TLS)",
    levels: [E, E, E],
    checks: "A URL to fetch is not https:// (it is not fetched).",
    fix: "Serve the document over HTTPS and publish the https:// URL."
  },
  "fetch-url-invalid": {
    group: "fetch",
    source: "RFC 3986 \xA73 (URI syntax)",
    levels: [E, E, E],
    checks: "A URL to fetch does not parse as a URL, e.g. a space, an unclosed [ or a port over 65535 (it is not fetched).",
    fix: "Publish a well-formed https:// URL: a valid host name or [IPv6] address, no spaces, a port up to 65535."
  },
  "fetch-failed": {
    group: "fetch",
    source: "Discovery 1.0 \xA74.1 (retrieved with an HTTP GET request)",
    levels: [E, E, E],
    checks: "The document could not be fetched: DNS, TLS, connection or time limit.",
    fix: "Make the URL reachable from the internet over HTTPS with a certificate from a public CA."
  },
  "fetch-address-refused": {
    group: "fetch",
    source: "this tool's own policy (server-side request forgery guard)",
    levels: [E, E, E],
    checks: "A URL to fetch is, or resolves to, an address lint does not connect to: loopback or private (unless `allow-private-hosts`), link-local, cloud metadata or reserved. Judged on every address of every hop, before connecting.",
    fix: "Serve the provider from a public address; for a provider on your own network, set `allow-private-hosts: true` (CLI: `--allow-private-hosts`; never needed, nor enough, for link-local or metadata addresses)."
  },
  "offline-not-fetched": {
    group: "fetch",
    levels: [E, E, E],
    source: "this tool's own rule: offline runs fetch nothing",
    checks: "Offline (the CLI's `--offline`, or both `discovery` and `jwks` given), a document could only be had by fetching it: a Mender file with only `well_known_url`, or a key set not given.",
    fix: "Give the document as a file: the discovery document in `discovery` (a Mender file with `settings`), the key set in `jwks` (CLI: the file as the argument, `--jwks`)."
  },
  "fetch-redirect": {
    group: "fetch",
    source: "Discovery 1.0 \xA74.1 (retrieved by GET at the well-known path itself)",
    levels: [W, W, E],
    checks: "The URL answered with a redirect (reported with its chain; followed at most 3 times).",
    fix: "Serve the document at the URL itself: validators fetch it from exactly there."
  },
  "fetch-status": {
    group: "fetch",
    source: "Discovery 1.0 \xA74.2 (a successful response uses 200 OK)",
    levels: [E, E, E],
    checks: "The answer was not HTTP 200.",
    fix: "Serve the document with status 200 at that URL."
  },
  "fetch-content-type": {
    group: "fetch",
    source: "Discovery 1.0 \xA74, \xA74.2 (application/json); RFC 7517 \xA78.5 (application/jwk-set+json)",
    levels: [W, W, W],
    checks: "The Content-Type is not application/json.",
    fix: "Serve the document with Content-Type: application/json."
  },
  "fetch-not-json": {
    group: "fetch",
    source: "Discovery 1.0 \xA74.2 (a JSON object); RFC 8259",
    levels: [E, E, E],
    checks: "The answer is not JSON (an HTML login or error page is the usual cause).",
    fix: "Serve the JSON document itself, without a login page or proxy in front of it."
  },
  "file-bom": {
    group: "fetch",
    levels: [I, I, I],
    source: "RFC 8259 \xA78.1 (parsers MAY ignore a byte order mark)",
    checks: "A local file starts with a UTF-8 byte order mark: it is ignored and the file read as JSON.",
    fix: "Nothing to do for lint; save the file as UTF-8 without a BOM if a server is to serve it (RFC 8259 \xA78.1 forbids it on the wire)."
  },
  "fetch-not-object": {
    group: "fetch",
    source: "Discovery 1.0 \xA74.2; RFC 7517 \xA75 (a JSON object)",
    levels: [E, E, E],
    checks: "The JSON is not an object at the top level.",
    fix: "Serve a JSON object ({ ... })."
  },
  "fetch-too-large": {
    group: "fetch",
    source: "this tool's own limit",
    levels: [E, E, E],
    checks: "The answer is larger than the 1 MiB cap.",
    fix: "Serve only the document; discovery documents and key sets are a few kilobytes."
  },
  "discovery-rfc8414-form": {
    group: "fetch",
    source: "Discovery 1.0 \xA74, \xA74.1 (issuer + /.well-known/openid-configuration); RFC 8414 \xA73.1 (inserted form), \xA75",
    levels: [E, E, E],
    checks: 'For an issuer with a path, only the RFC 8414 "inserted" well-known URL answers.',
    fix: "Also serve the document at {issuer}/.well-known/openid-configuration, the form OpenID Connect uses."
  }
};

// src/lint/catalogue/issuer.ts
var ISSUER_RULES = {
  "issuer-mismatch": {
    group: "issuer",
    source: "Discovery 1.0 \xA74.3 (MUST be identical to the issuer URL used)",
    levels: [E, E, E],
    checks: "`issuer` differs from the URL the document was fetched for (byte for byte).",
    fix: "Make `issuer` exactly the URL the document is served under, or lint the issuer the document names."
  },
  "issuer-trailing-slash": {
    group: "issuer",
    source: "Discovery 1.0 \xA74.3; Core \xA73.1.3.7 step 2, \xA716.15 (`iss` MUST exactly match)",
    levels: [E, E, E],
    checks: "`issuer` and the URL it was fetched for differ only by a trailing slash.",
    fix: "Use the same form everywhere: tokens carry `iss` byte for byte, and Mondoo compares it exactly."
  },
  "issuer-not-https": {
    group: "issuer",
    source: "Discovery 1.0 \xA73 (`issuer`: https scheme); Core \xA71.2 (Issuer Identifier)",
    levels: [E, E, E],
    checks: "`issuer` is not an https:// URL (including scheme-less values).",
    fix: "Set `issuer` to the full https:// URL of the provider."
  },
  "issuer-url-parts": {
    group: "issuer",
    source: "Discovery 1.0 \xA73 (no query or fragment); Core \xA71.2 (scheme, host, optional port and path only)",
    levels: [E, E, E],
    checks: "`issuer` has a query, a fragment or user information.",
    fix: "Use a plain https://host[/path] issuer."
  },
  "issuer-url-invalid": {
    group: "issuer",
    levels: [E, E, E],
    source: "Core \xA71.2 (Issuer Identifier); RFC 3986 \xA73.2 (host and port syntax)",
    checks: "`issuer` starts with https:// but its host or port does not parse.",
    fix: "Write the issuer as https:// followed by a valid host name (and a port up to 65535), e.g. https://login.example.com."
  },
  "issuer-template": {
    group: "issuer",
    source: "Core \xA72 (`iss` is one case-sensitive URL)",
    levels: [E, E, E],
    checks: "`issuer` contains a template such as {tenantid}: no token can carry it.",
    fix: "Lint (and register) the tenant-specific issuer, with the template filled in."
  },
  "issuer-not-canonical": {
    group: "issuer",
    source: "Discovery 1.0 \xA75, Core \xA714 (strings compared without normalisation); RFC 3986 \xA76",
    levels: [W, W, W],
    checks: "`issuer` is not in the form URL parsers normalise it to (case, spaces, slashes, default port).",
    fix: "Write the issuer in its normal form, e.g. https://login.example.com/tenant, and use it everywhere."
  },
  "issuer-port": {
    group: "issuer",
    source: "Core \xA71.2 (Issuer Identifier: scheme, host, optionally port and path)",
    levels: [W, W, I],
    checks: "`issuer` names an explicit port (allowed by Core \xA72; some clients and proxies mishandle it).",
    fix: "Serve the issuer on the default HTTPS port (443) unless every client is known to cope."
  },
  "host-not-public": {
    group: "issuer",
    source: "Discovery 1.0 \xA74 (the RP retrieves the document itself); Mondoo's custom OIDC documentation",
    levels: [E, W, I],
    checks: "`issuer` or `jwks_uri` is a loopback, private-range, link-local, cloud metadata or cluster-local host (judged from the URL alone).",
    fix: "Publish the issuer and its keys on a public host: Mondoo's cloud fetches them from the internet.",
    fixes: {
      mender: "Publish the issuer and its keys on a host Mender's servers can reach: they read the discovery document and keys themselves.",
      oidc: "Nothing to do if every client runs inside that network; otherwise publish the issuer and its keys on a public host."
    }
  }
};

// src/lint/catalogue/keys.ts
var KEY_RULES = {
  "jwks-not-set": {
    group: "jwks",
    source: "RFC 7517 \xA75, \xA75.1 (`keys` REQUIRED)",
    levels: [E, E, E],
    checks: "The key set has no `keys` array.",
    fix: 'Serve a JWK Set: {"keys": [ ... ]}.'
  },
  "jwks-no-signing-key": {
    group: "jwks",
    source: "Core \xA710.1",
    levels: [E, E, E],
    checks: "No key in the set can verify a signature (after the key checks below).",
    fix: "Publish the public key that signs the ID tokens."
  },
  "jwks-too-many-keys": {
    group: "jwks",
    source: "this tool's own limit (AWS IAM refuses larger sets)",
    levels: [W, W, W],
    checks: "More than 100 keys: AWS, for one, refuses such a set.",
    fix: "Publish only current and next signing keys."
  },
  "jwk-invalid": {
    group: "jwks",
    source: "RFC 7517 \xA74; RFC 7518 \xA76",
    levels: [E, E, E],
    checks: "A key does not parse as a public JWK (jose `importJWK`).",
    fix: "Fix or remove the key."
  },
  "jwk-private-member": {
    group: "jwks",
    source: "RFC 7518 \xA76.2.2, \xA76.3.2, \xA76.4 (private members); Discovery 1.0 \xA73 (the JWK Set MUST NOT contain private or symmetric keys)",
    levels: [E, E, E],
    checks: "A key carries private members (d, p, q, dp, dq, qi, k): the private key is public.",
    fix: "Remove the key, rotate it at once (it is compromised), and publish public keys only."
  },
  "jwk-rsa-weak": {
    group: "jwks",
    source: "RFC 7518 \xA73.3 (2048 bits or larger MUST be used)",
    levels: [E, E, E],
    checks: "An RSA key is shorter than 2048 bits.",
    fix: "Rotate to an RSA key of 2048 bits or more (or an EC key)."
  },
  "jwk-alg-mismatch": {
    group: "jwks",
    source: "RFC 7517 \xA74.4; RFC 7518 \xA73.1",
    levels: [E, E, E],
    checks: "A key's `alg` does not fit its type or curve (e.g. ES384 on a P-256 key).",
    fix: "Set `alg` to the algorithm the key is made for, or drop `alg`."
  },
  "jwk-not-for-signing": {
    group: "jwks",
    source: "RFC 7517 \xA74.2, \xA74.3; Core \xA710.1 (a signing key MUST support signing)",
    levels: [I, I, I],
    checks: "A key is for encryption or key agreement (`use`, `key_ops`, X25519/X448): it is ignored.",
    fix: "Nothing to do unless it was meant to sign tokens."
  },
  "jwk-kid-missing": {
    group: "jwks",
    source: "Core \xA710.1 (several keys: the token header MUST carry a `kid`); RFC 7517 \xA74.5",
    levels: [W, W, W],
    checks: "One of several signing keys has no `kid`: a verifier cannot choose the key.",
    fix: "Give every key a `kid` and put it in the token header."
  },
  "jwk-kid-missing-single": {
    group: "jwks",
    levels: [I, I, I],
    source: "RFC 7517 \xA74.5 (`kid` OPTIONAL); Core \xA710.1",
    checks: "The only signing key has no `kid`: allowed, and verifiers use the single key.",
    fix: "Give the key a `kid` before adding a second one (then it is required)."
  },
  "jwk-kid-duplicate": {
    group: "jwks",
    source: "RFC 7517 \xA74.5; Core \xA710.1",
    levels: [E, E, E],
    checks: "Two signing keys of the same `kty` share a `kid` (keys of different types or uses may, RFC 7517 \xA74.5).",
    fix: "Give every signing key of a type its own `kid`."
  },
  "jwk-duplicate-key": {
    group: "jwks",
    source: "RFC 7517 \xA74.5",
    levels: [W, W, W],
    checks: "The same key is published under two `kid`s.",
    fix: "Publish each key once."
  },
  "jwk-x5c-expired": {
    group: "jwks",
    source: "RFC 7517 \xA74.7",
    levels: [W, W, W],
    checks: "A certificate in `x5c` has expired.",
    fix: "Publish a current certificate, or drop `x5c` if nothing uses it."
  },
  "jwk-x5c-invalid": {
    group: "jwks",
    source: "RFC 7517 \xA74.7; Discovery 1.0 \xA73 (the bare key MUST match the certificate)",
    levels: [W, W, W],
    checks: "A key's `x5c` does not parse, is not valid yet, or certifies a different key.",
    fix: "Publish the certificate of this very key, or drop `x5c` if nothing uses it."
  },
  "jwk-not-base64url": {
    group: "jwks",
    source: "RFC 7518 \xA72 (Base64urlUInt); RFC 7515 \xA72",
    levels: [W, W, W],
    checks: "A key member uses standard base64 (+, /, =) where JWK requires base64url.",
    fix: "Encode key members as base64url without padding (RFC 7515 \xA72)."
  },
  "jwk-rsa-leading-zero": {
    group: "jwks",
    source: "RFC 7518 \xA72 (Base64urlUInt: minimal octets), \xA76.3.1.1",
    levels: [W, W, W],
    checks: "An RSA `n` or `e` has a leading zero octet: not the minimal Base64urlUInt encoding.",
    fix: "Strip leading zero octets before encoding `n` and `e`."
  },
  "jwk-rsa-exponent-one": {
    group: "jwks",
    levels: [E, E, E],
    source: "RFC 8017 \xA73.1 (3 <= e <= n-1); RFC 7518 \xA76.3.1.2",
    checks: "An RSA key has public exponent e = 1: anyone can forge its signatures.",
    fix: "Remove the key at once and publish a properly generated RSA key (e = 65537)."
  },
  "jwk-rsa-exponent-weak": {
    group: "jwks",
    levels: [W, W, W],
    source: "RFC 8017 \xA73.1 (e odd); RFC 7518 \xA76.3.1.2",
    checks: "An RSA public exponent is even or below 65537: a risk with lax PKCS#1 v1.5 verifiers.",
    fix: "Rotate to a key with e = 65537."
  },
  "jwk-ec-coordinate-length": {
    group: "jwks",
    levels: [E, E, E],
    source: "RFC 7518 \xA76.2.1.2, \xA76.2.1.3 (full coordinate size for the curve)",
    checks: "An EC key's `x` or `y` is not exactly the curve's coordinate size (32 octets for P-256, 48 for P-384, 66 for P-521).",
    fix: "Encode the coordinates with leading zero octets to the full size."
  },
  "jwk-use-key-ops": {
    group: "jwks",
    levels: [W, W, W],
    source: "RFC 7517 \xA74.3 (`use` and `key_ops` MUST be consistent)",
    checks: "A key has `use` and `key_ops` that contradict each other (e.g. `sig` with only encryption operations).",
    fix: "Drop `key_ops` (RFC 7517 says not to use both) or make it agree with `use`."
  },
  "jwk-x5t-mismatch": {
    group: "jwks",
    levels: [W, W, W],
    source: "RFC 7517 \xA74.8, \xA74.9 (thumbprint of the DER certificate)",
    checks: "`x5t` or `x5t#S256` is not the SHA-1 / SHA-256 thumbprint of `x5c[0]`.",
    fix: "Compute the thumbprint from the DER bytes of x5c[0] (base64url), or drop it."
  }
};

// src/lint/catalogue/mender-flow.ts
var MENDER_FLOW_RULES = {
  "mender-no-id-token": {
    group: "mender",
    levels: ["off", E, "off"],
    source: "Mender SSO documentation (Implicit Flow only, ID tokens required); Core \xA73.2.2.1 (`id_token` or `id_token token`)",
    checks: "`response_types_supported` offers no Implicit Flow response type with `id_token` (e.g. a code-only provider).",
    fix: "Enable the Implicit Flow with ID tokens for the Mender application and advertise `id_token`."
  },
  "mender-response-mode": {
    group: "mender",
    levels: ["off", W, "off"],
    source: "OAuth 2.0 Multiple Response Type Encoding Practices \xA73 (`id_token`: default mode `fragment`, never `query`); Discovery 1.0 \xA73",
    checks: "`response_modes_supported` is given without `fragment`, the Implicit Flow's default mode (Mender's docs name no mode).",
    fix: "Support the `fragment` response mode (and list it), or confirm with a test login that Mender gets its tokens."
  },
  "mender-email-claim": {
    group: "mender",
    levels: ["off", W, "off"],
    source: "Mender SSO documentation (ID tokens without `email` are rejected); Discovery 1.0 \xA73 (`claims_supported`)",
    checks: "`claims_supported` is given without `email`: Mender looks users up by the `email` claim and rejects tokens without it.",
    fix: "Make the provider put `email` in ID tokens for the Mender application (and list it in `claims_supported`)."
  },
  "mender-authorization-endpoint": {
    group: "mender",
    levels: ["off", E, "off"],
    source: "Discovery 1.0 \xA73 (`authorization_endpoint` MUST use https); Core \xA73.1.2, \xA73.2.2 (the browser is sent there); Mender SSO documentation",
    checks: "`authorization_endpoint` is empty, not https://, or on a single-label, local or private host: Mender sends browsers there.",
    fix: "Publish the authorization endpoint at an https:// URL on a host your users' browsers can reach."
  },
  "mender-par-required": {
    group: "mender",
    levels: ["off", E, I],
    source: "RFC 9126 \xA75 (`require_pushed_authorization_requests`: request data only via PAR); Mender SSO documentation (a plain redirect)",
    checks: "`require_pushed_authorization_requests` is true: the provider refuses plain authorization requests, the only kind Mender sends.",
    fix: "Turn off the PAR requirement for the Mender application."
  }
};

// src/lint/catalogue/mender-provider.ts
var MENDER_PROVIDER_RULES = {
  "mender-provider-invalid": {
    group: "mender",
    source: "Mender SSO documentation (provider document)",
    levels: [E, E, E],
    checks: "A Mender provider JSON lacks `name`, or both `well_known_url` and `settings`.",
    fix: "Give the provider a `name` and either `well_known_url` or `settings`."
  },
  "mender-client-secret": {
    group: "mender",
    source: "Mender SSO documentation (client_secret optional)",
    levels: [W, W, W],
    checks: "A Mender provider file holds a `client_secret`.",
    fix: "Keep the secret out of the repository: inject it when the provider is created."
  }
};

// src/lint/catalogue.ts
var import_profiles = __toESM(require_profiles(), 1);

// src/lint/catalogue/sample-token.ts
var TOKEN_RULES = {
  "token-malformed": {
    group: "token",
    source: "Core \xA72; RFC 7515 \xA77.1",
    levels: [E, E, E],
    checks: "The sample token is not a signed JWT.",
    fix: "Pass a compact JWS ID token from the provider."
  },
  "token-issuer-mismatch": {
    group: "token",
    source: "Core \xA73.1.3.7 step 2",
    levels: [E, E, E],
    checks: "The sample token's `iss` is not byte-equal to the issuer.",
    fix: "Make the provider put exactly the issuer URL in `iss`."
  },
  "token-kid-unknown": {
    group: "token",
    source: "Core \xA710.1",
    levels: [E, E, E],
    checks: "The sample token's header `kid` is missing or not in the JWKS.",
    fix: "Publish the signing key in the JWKS, with the `kid` the tokens carry."
  },
  "token-alg-rejected": {
    group: "token",
    source: "Core \xA73.1.3.7 step 7",
    levels: [E, E, E],
    checks: "The sample token's `alg` is not advertised, or not accepted by the target.",
    fix: "Sign with an algorithm that is both advertised and accepted."
  },
  "token-signature-invalid": {
    group: "token",
    source: "Core \xA73.1.3.7 step 6",
    levels: [E, E, E],
    checks: "The sample token's signature does not verify with its JWKS key.",
    fix: "Publish the key that really signs the tokens."
  },
  "token-expiring": {
    group: "token",
    source: "Core \xA73.1.3.7 step 9 (`exp`); this tool's 180 s margin (the exchange's `min-validity` floor)",
    levels: [E, E, E],
    checks: "The sample token has less than 180 seconds left (or no `exp`).",
    fix: "Lint a fresh token: lint wants 180 seconds left, the margin the exchange step keeps by default (`min-validity`)."
  }
};

// src/lint/catalogue.ts
var RULES = {
  ...FETCH_RULES,
  ...ISSUER_RULES,
  ...DOCUMENT_RULES,
  ...ALGORITHM_RULES,
  ...MENDER_FLOW_RULES,
  ...KEY_RULES,
  ...MENDER_PROVIDER_RULES,
  ...TOKEN_RULES
};
function ruleSpec(rule) {
  return RULES[rule];
}
function severityOf(rule, profile) {
  return ruleSpec(rule).levels[import_profiles.PROFILES.indexOf(profile)] ?? "off";
}

// src/lint/findings.ts
var SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
function judge(observations, profile) {
  const findings = [];
  for (const observation of observations) {
    const severity = severityOf(observation.rule, profile);
    if (severity === "off") continue;
    const { rule, message: message2, value, location } = observation;
    const spec = ruleSpec(rule);
    const fix = observation.fix ?? spec.fixes?.[profile] ?? spec.fix;
    findings.push({ rule, severity, message: message2, value, fix, location });
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
function countOf(findings) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

// src/lint/jwks-rules.ts
var import_json2 = __toESM(require_json(), 1);
var import_plural3 = __toESM(require_plural(), 1);
var ENCODED_MEMBERS = ["n", "e", "x", "y"];
var MIN_RSA_BITS = 2048;
var MAX_KEYS = 100;
var MAX_INSPECTED_KEYS = 500;
async function inspectJwks(jwks, locate, nowSeconds) {
  const observations = [];
  const listed2 = (0, import_json2.isObject)(jwks) ? jwks.keys : void 0;
  let keys;
  if (Array.isArray(listed2)) {
    keys = listed2;
  } else {
    const singleKey = (0, import_json2.isObject)(jwks) && typeof jwks.kty === "string";
    observations.push({
      rule: "jwks-not-set",
      message: singleKey ? 'The key set is a single JWK, not {"keys": [ ... ]}; it is checked as the only key.' : "The key set has no `keys` array.",
      value: (0, import_json2.isObject)(jwks) && !singleKey ? shownFromKeySet(Object.keys(jwks), privateValues(jwks)) : void 0,
      location: locate("")
    });
    if (!singleKey) return { observations, signingKeys: [], secrets: [], kids: [] };
    keys = [jwks];
  }
  if (keys.length > MAX_KEYS) {
    observations.push({
      rule: "jwks-too-many-keys",
      message: `The key set has ${keys.length} keys${keys.length > MAX_INSPECTED_KEYS ? `; only the first ${MAX_INSPECTED_KEYS} were checked` : ""}.`,
      location: locate("/keys")
    });
    keys = keys.slice(0, MAX_INSPECTED_KEYS);
  }
  const signingKeys = [];
  const secrets = keys.flatMap(privateValues);
  const kids = /* @__PURE__ */ new Map();
  const thumbprints = /* @__PURE__ */ new Map();
  const candidates = [];
  for (const [index, key] of keys.entries()) {
    const context = {
      index,
      label: labelOf(key, index, secrets),
      location: locate(`/keys/${index}`),
      secrets
    };
    const inspected = await inspectKey(key, context, nowSeconds, observations);
    if (!(0, import_json2.isObject)(key)) continue;
    const kid = typeof key.kid === "string" ? key.kid : void 0;
    if (kid !== void 0 && !kids.has(kid)) kids.set(kid, index);
    if (typeof key.kty === "string" && !nonSigningReason(key)) candidates.push({ key, context, kid });
    if (!inspected) continue;
    const earlier = thumbprints.get(inspected.thumbprint);
    if (earlier !== void 0) {
      observations.push(at(context, "jwk-duplicate-key", `${context.label} is the same key as ${earlier}.`));
    } else {
      thumbprints.set(inspected.thumbprint, context.label);
    }
    if (inspected.signing) signingKeys.push({ kid, algs: inspected.algs, jwk: key });
  }
  observations.push(...checkKids(candidates, secrets));
  if (signingKeys.length === 0) {
    observations.push({
      rule: "jwks-no-signing-key",
      message: keys.length === 0 ? "The key set has no keys, so nothing can verify a signature." : keys.length === 1 ? "The one key in the set cannot verify a signature." : `None of the ${keys.length} keys can verify a signature.`,
      location: locate("/keys")
    });
  }
  return { observations, signingKeys, secrets, kids: [...kids.keys()] };
}
function checkKids(candidates, secrets) {
  const observations = [];
  const seen = /* @__PURE__ */ new Map();
  for (const { key, context, kid } of candidates) {
    if (kid === void 0) {
      observations.push(
        candidates.length > 1 ? at(
          context,
          "jwk-kid-missing",
          `${context.label} has no \`kid\`, one of ${candidates.length} signing keys.`
        ) : at(context, "jwk-kid-missing-single", `${context.label}, the only signing key, has no \`kid\`.`)
      );
      continue;
    }
    const sameKind = `${String(key.kty)}\0${kid}`;
    const earlier = seen.get(sameKind);
    if (earlier !== void 0) {
      observations.push(
        at(
          context,
          "jwk-kid-duplicate",
          `keys[${context.index}] repeats the kid of keys[${earlier}], another ${shownFromKeySet(key.kty, secrets)} signing key.`,
          shownFromKeySet(kid, secrets)
        )
      );
    } else {
      seen.set(sameKind, context.index);
    }
  }
  return observations;
}
function at(context, rule, message2, value) {
  return { rule, message: message2, value, location: context.location };
}
function labelOf(key, index, secrets) {
  return (0, import_json2.isObject)(key) && typeof key.kid === "string" ? `keys[${index}] (kid ${shownFromKeySet(key.kid, secrets)})` : `keys[${index}]`;
}
async function inspectKey(key, context, nowSeconds, observations) {
  const note = (rule, message2, value) => observations.push(at(context, rule, message2, value));
  if (!(0, import_json2.isObject)(key)) {
    note("jwk-invalid", `${context.label} is not a JSON object but ${describedValue(key)}.`);
    return void 0;
  }
  const secrets = PRIVATE_MEMBERS.filter((member) => member in key);
  if (secrets.length > 0) {
    note(
      "jwk-private-member",
      `${context.label} carries the private ${(0, import_plural3.agree)(secrets.length, "member", "members")} ${(0, import_plural3.listed)(secrets.map((member) => `\`${member}\``))}.`,
      secrets.join(", ")
    );
    return void 0;
  }
  if (typeof key.kty !== "string") {
    note("jwk-invalid", `${context.label} has no \`kty\`.`);
    return void 0;
  }
  const encoded = ENCODED_MEMBERS.filter(
    (member) => typeof key[member] === "string" && /[+/=]/.test(key[member])
  );
  if (encoded.length > 0) {
    note(
      "jwk-not-base64url",
      `${context.label}: ${encoded.join(", ")} in standard base64.`,
      encoded.join(", ")
    );
  }
  checkUseAndOps(key, context.label, note);
  const notForSigning = nonSigningReason(key);
  if (notForSigning) {
    note("jwk-not-for-signing", `${context.label} is not a signing key (${notForSigning}).`);
    return { signing: false, algs: [], thumbprint: await thumbprintOf(key, context) };
  }
  let algs = algsForKeyType(key.kty, key.crv);
  if (algs.length === 0) {
    note(
      "jwk-invalid",
      `${context.label}: kty ${shownFromKeySet(key.kty, context.secrets)}, crv ${shownFromKeySet(key.crv, context.secrets)} cannot verify signatures.`
    );
    return void 0;
  }
  if (key.alg !== void 0) {
    if (typeof key.alg !== "string" || !algs.includes(key.alg)) {
      note(
        "jwk-alg-mismatch",
        `${context.label}: alg ${shownFromKeySet(key.alg, context.secrets)} does not fit ${describeType(key, context.secrets)}.`,
        shownFromKeySet(key.alg, context.secrets)
      );
      return void 0;
    }
    algs = [key.alg];
  }
  if (key.alg === "EdDSA") {
    note(
      "alg-eddsa-deprecated",
      `${context.label}: alg "EdDSA" is deprecated (RFC 9864); name the curve.`,
      '"EdDSA"'
    );
  }
  const trustworthy = checkKeyNumbers(key, context.label, note);
  const importError = await importProblem(key, algs[0] ?? "");
  if (importError) {
    note("jwk-invalid", `${context.label} does not import: ${importError}`);
    return void 0;
  }
  let signing = trustworthy;
  if (key.kty === "RSA" && typeof key.n === "string") {
    const bits = bitLength(Buffer.from(key.n, "base64url"));
    if (bits < MIN_RSA_BITS) {
      note("jwk-rsa-weak", `${context.label} is a ${bits}-bit RSA key.`, `${bits} bits`);
      signing = false;
    }
  }
  checkCertificate(key, context.label, nowSeconds, note);
  checkThumbprints(key, context.label, note);
  return { signing, algs, thumbprint: await thumbprintOf(key, context) };
}
function describeType(key, secrets) {
  const kty = shownFromKeySet(key.kty, secrets);
  return typeof key.crv === "string" ? `a ${kty} ${shownFromKeySet(key.crv, secrets)} key` : `a ${kty} key`;
}
async function thumbprintOf(key, context) {
  try {
    return await calculateJwkThumbprint(key);
  } catch {
    return `unhashable ${context.index}`;
  }
}

// src/lint/evidence.ts
var import_local_file = __toESM(require_local_file(), 1);

// src/lint/mender-provider.ts
var import_json3 = __toESM(require_json(), 1);
function asMenderProvider(file) {
  const { value, locate } = file;
  const isProvider = "well_known_url" in value || "settings" in value || "client_id" in value && !("issuer" in value);
  if (!isProvider) return void 0;
  const observations = [];
  const wellKnownUrl = typeof value.well_known_url === "string" ? value.well_known_url : void 0;
  const settings = (0, import_json3.isObject)(value.settings) ? {
    where: `${file.where} (settings)`,
    value: value.settings,
    locate: (pointer) => locate(`/settings${pointer}`)
  } : void 0;
  if (typeof value.name !== "string" || !wellKnownUrl && !settings) {
    const lacking = [
      typeof value.name !== "string" ? "`name`" : "",
      !wellKnownUrl && !settings ? "`well_known_url` or `settings`" : ""
    ].filter(Boolean).join(" and ");
    observations.push({
      rule: "mender-provider-invalid",
      message: `The Mender provider lacks ${lacking}.`,
      location: locate("")
    });
  }
  const clientSecret = typeof value.client_secret === "string" && value.client_secret !== "" ? value.client_secret : void 0;
  if (clientSecret) {
    observations.push({
      rule: "mender-client-secret",
      message: `${file.where} holds a client_secret.`,
      value: "client_secret",
      location: locate("/client_secret")
    });
  }
  return { wellKnownUrl, settings, clientSecret, observations };
}

// src/lint/token-rules.ts
var import_node_crypto3 = require("node:crypto");
var import_settings = __toESM(require_settings(), 1);
var import_shown2 = __toESM(require_shown(), 1);
var import_plural4 = __toESM(require_plural(), 1);
async function inspectToken(token, expectedIssuer, jwks, nowSeconds) {
  const observations = [];
  let header;
  let claims;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    observations.push({
      rule: "token-malformed",
      message: "The sample `token` is not a JWT (header.payload.signature)."
    });
    return { observations, alg: void 0, signatureChecked: false };
  }
  const alg = typeof header.alg === "string" && header.alg !== "none" ? header.alg : void 0;
  if (!alg) {
    observations.push({
      rule: "token-malformed",
      message: 'The sample `token` is unsigned (no alg, or alg "none").',
      value: (0, import_shown2.shown)(header.alg)
    });
  }
  if (expectedIssuer !== void 0 && claims.iss !== expectedIssuer) {
    observations.push({
      rule: "token-issuer-mismatch",
      message: `The sample token's \`iss\` is ${(0, import_shown2.shown)(claims.iss)}, the issuer is ${(0, import_shown2.shown)(expectedIssuer)}.`,
      value: (0, import_shown2.shown)(claims.iss)
    });
  }
  const secondsLeft = typeof claims.exp === "number" ? Math.floor(claims.exp - nowSeconds) : void 0;
  if (secondsLeft === void 0 || secondsLeft < import_settings.MIN_VALIDITY_FLOOR_SECONDS) {
    observations.push({
      rule: "token-expiring",
      message: secondsLeft === void 0 ? "The sample token has no `exp`." : `The sample token has ${secondsLeft} s left.`,
      value: secondsLeft === void 0 ? void 0 : `${secondsLeft} s`
    });
  }
  if (jwks && alg) observations.push(...await checkSignature(token, header, alg, jwks));
  return { observations, alg, signatureChecked: jwks !== void 0 && alg !== void 0 };
}
async function checkSignature(token, header, alg, jwks) {
  const key = jwks.signingKeys.find(
    (candidate) => candidate.kid !== void 0 && candidate.kid === header.kid
  );
  if (!key) {
    const rejected = typeof header.kid === "string" && jwks.kids.includes(header.kid);
    const message2 = header.kid === void 0 ? "The sample token has no `kid` in its header." : rejected ? `The JWKS key with kid ${(0, import_shown2.shown)(header.kid)} cannot verify it: see that key's findings.` : `No key in the JWKS has kid ${(0, import_shown2.shown)(header.kid)}.`;
    return [{ rule: "token-kid-unknown", message: message2, value: (0, import_shown2.shown)(header.kid) }];
  }
  try {
    await verifySignature2(token, key.jwk, alg);
    return [];
  } catch (error) {
    return [
      {
        rule: "token-signature-invalid",
        message: `The sample token does not verify with kid ${(0, import_shown2.shown)(header.kid)} (${alg}): ${(0, import_plural4.asClause)(error.message)}.`
      }
    ];
  }
}
function checkTokenAlg(alg, advertised, profile) {
  if (alg === void 0) return [];
  if (!advertised.includes(alg)) {
    return [
      {
        rule: "token-alg-rejected",
        message: `The sample token uses ${alg}, which the provider does not advertise.`,
        value: (0, import_shown2.shown)(alg)
      }
    ];
  }
  if (!acceptedBy(profile, alg)) {
    return [
      {
        rule: "token-alg-rejected",
        message: `The sample token uses ${alg}, which ${profile} does not accept.`,
        value: (0, import_shown2.shown)(alg)
      }
    ];
  }
  return [];
}
async function verifySignature2(token, jwk, alg) {
  let key;
  try {
    key = await importJWK(jwk, alg);
  } catch (error) {
    if (!joseCannotHandle(error)) throw error;
    verifyWithNodeCrypto(token, jwk, alg);
    return;
  }
  await compactVerify(token, key);
}
function verifyWithNodeCrypto(token, jwk, alg) {
  const [header = "", payload = "", signature = ""] = token.split(".");
  const key = (0, import_node_crypto3.createPublicKey)({ key: jwk, format: "jwk" });
  const data = Buffer.from(`${header}.${payload}`);
  const bytes = Buffer.from(signature, "base64url");
  let valid;
  if (alg === "ES256K") valid = (0, import_node_crypto3.verify)("sha256", data, { key, dsaEncoding: "ieee-p1363" }, bytes);
  else if (alg === "EdDSA" || alg === "Ed448") valid = (0, import_node_crypto3.verify)(null, data, key, bytes);
  else throw new Error(`${alg} with this key cannot be checked`);
  if (!valid) throw new Error("signature verification failed");
}

// src/lint/evidence.ts
var import_well_known = __toESM(require_well_known(), 1);
async function gatherEvidence(settings, io) {
  const context = {
    send: io.send,
    deadline: new import_retry.Deadline(settings.timeoutSeconds * 1e3),
    records: [],
    reach: settings.allowPrivateHosts ? "private" : "public"
  };
  const observations = [];
  const expectedIssuer = settings.discoveryUrl ? void 0 : settings.issuer;
  let expectedDiscoveryUrl = settings.discoveryUrl;
  let discovery;
  const secrets = [];
  if (settings.discovery) {
    const file = (0, import_local_file.readLocalJson)("discovery", settings.discovery, io.readFile, observations);
    const provider = file && asMenderProvider(file);
    if (provider) {
      observations.push(...provider.observations);
      if (provider.clientSecret) secrets.push(provider.clientSecret);
      discovery = provider.settings;
      if (!discovery && provider.wellKnownUrl) {
        if (!expectedIssuer) expectedDiscoveryUrl ??= provider.wellKnownUrl;
        discovery = settings.offline ? notFetched(
          observations,
          provider.wellKnownUrl,
          "the discovery document its `well_known_url` names"
        ) : await (0, import_fetch2.fetchJson)(provider.wellKnownUrl, "discovery document", context, observations);
      }
    } else {
      discovery = file;
    }
  } else if (settings.issuer) {
    discovery = settings.offline ? notFetched(observations, (0, import_well_known.discoveryUrlOf)(settings.issuer), "the issuer's discovery document") : await fetchDiscovery(settings.issuer, context, observations);
  }
  let jwksDocument;
  if (settings.jwks) {
    jwksDocument = (0, import_local_file.readLocalJson)("jwks", settings.jwks, io.readFile, observations);
  } else {
    const jwksUri = discovery?.value.jwks_uri;
    if (typeof jwksUri === "string" && jwksUri.startsWith("https://")) {
      jwksDocument = settings.offline ? notFetched(observations, jwksUri, "the JWK Set") : await (0, import_fetch2.fetchJson)(jwksUri, "JWKS", context, observations);
    }
  }
  const now = io.nowSeconds();
  const jwks = jwksDocument ? await inspectJwks(jwksDocument.value, jwksDocument.locate, now) : void 0;
  const documentIssuer = typeof discovery?.value.issuer === "string" ? discovery.value.issuer : void 0;
  const token = settings.token ? await inspectToken(settings.token, expectedIssuer ?? documentIssuer, jwks, now) : void 0;
  secrets.push(...jwks?.secrets ?? []);
  return {
    expectedIssuer,
    expectedDiscoveryUrl,
    discovery,
    jwks,
    token,
    observations,
    fetches: context.records,
    secrets
  };
}
function notFetched(observations, url, what) {
  observations.push({
    rule: "offline-not-fetched",
    message: `Offline: ${what} is at ${(0, import_shown3.shown)(url)}, and nothing is fetched.`,
    value: (0, import_shown3.shown)(url)
  });
  return void 0;
}
async function fetchDiscovery(issuer, context, observations) {
  const url = (0, import_well_known.discoveryUrlOf)(issuer);
  const document = await (0, import_fetch2.fetchJson)(url, "discovery document", context, observations);
  const inserted = (0, import_well_known.insertedDiscoveryUrl)(issuer);
  if (document || !inserted || !inserted.startsWith("https://")) return document;
  const fallbackObservations = [];
  const fallback = await (0, import_fetch2.fetchJson)(inserted, "RFC 8414 discovery document", context, fallbackObservations);
  if (!fallback) return void 0;
  observations.push(...fallbackObservations, {
    rule: "discovery-rfc8414-form",
    message: `Nothing usable at ${url}, but the RFC 8414 form ${inserted} answers; it was linted instead.`,
    value: (0, import_shown3.shown)(inserted)
  });
  return fallback;
}

// src/cli/lint-command.ts
var import_lint_settings = __toESM(require_lint_settings(), 1);

// src/output/markdown.ts
var import_escape = __toESM(require_escape(), 1);

// src/lint/render.ts
var import_plural5 = __toESM(require_plural(), 1);
var import_profiles2 = __toESM(require_profiles(), 1);
function subjectOf(report) {
  return report.target.issuer ?? report.target.discovery ?? "the provider";
}
function verdictLines(report) {
  return import_profiles2.PROFILES.map((profile) => {
    const rule = report.decidedBy[profile];
    return rule ? `${report.verdicts[profile]} (${rule})` : report.verdicts[profile];
  });
}
function textReport(report, annotated = 0) {
  const { counts } = report;
  const lines = [`Lint of ${subjectOf(report)} (profile ${report.profile})`];
  if (report.fetches.length > 0) {
    lines.push("Fetched:", ...report.fetches.map((record) => `  ${describeFetch(record)}`));
  }
  const shown9 = report.findings.slice(annotated);
  const where = annotated === 0 || report.findings.length === 0 ? "" : shown9.length === 0 ? " (each is shown below, as an annotation)" : ` (the first ${annotated} are annotations, shown after this report; the other ${shown9.length} follow here)`;
  lines.push(
    `Findings: ${(0, import_plural5.plural)(counts.error, "error")}, ${(0, import_plural5.plural)(counts.warning, "warning")}, ${counts.info} info${where}`
  );
  for (const finding of shown9) {
    lines.push(`  ${finding.severity.padEnd(7)} ${finding.rule}: ${finding.message}`);
    if (finding.value !== void 0) lines.push(`          value: ${finding.value}`);
    if (finding.location) lines.push(`          at: ${finding.location.file}:${finding.location.line}`);
    lines.push(`          fix: ${finding.fix}`);
  }
  const token = sampleTokenVerdict(report);
  if (token) lines.push(`Sample token: ${token.verdict} (${token.detail}).`);
  lines.push("Verdict:", ...verdictLines(report).map((line) => `  ${line}`));
  return lines.join("\n");
}
function sampleTokenVerdict(report) {
  const result = report.sampleToken;
  if (!result) return void 0;
  const rules = [...new Set(report.findings.filter((f) => f.rule.startsWith("token-")).map((f) => f.rule))];
  if (rules.length > 0) return { verdict: "did not pass", detail: `see ${rules.join(", ")}` };
  if (result.passed) {
    return { verdict: "passed", detail: "issuer, key id, signature, algorithm and time left all check out" };
  }
  const missing = result.notChecked.map(
    (check2) => check2 === "signature" ? "no key set to verify its signature with" : "no advertised algorithms to check its algorithm against"
  );
  return { verdict: "not fully checked", detail: `no findings, but ${missing.join(" and ")}` };
}
function describeFetch(record) {
  if (record.error !== void 0)
    return `GET ${record.url} \u2192 no answer after ${record.ms} ms: ${record.error}`;
  const type = record.contentType ?? "no content type";
  return `GET ${record.url} \u2192 ${record.status ?? "?"}, ${type}, ${record.bytes ?? 0} bytes, ${record.ms} ms`;
}

// src/cli/lint-command.ts
var import_plural6 = __toESM(require_plural(), 1);

// src/lint/report.ts
var import_version = __toESM(require_version(), 1);

// src/lint/algorithm-rules.ts
var import_shown4 = __toESM(require_shown(), 1);
function advertisedAlgs(document) {
  const list = document?.value.id_token_signing_alg_values_supported;
  return Array.isArray(list) ? list.filter((alg) => typeof alg === "string") : [];
}
function checkAlgorithms(document, keys, profile) {
  const list = document.value.id_token_signing_alg_values_supported;
  if (!Array.isArray(list)) return checkMenderClientAuth(document, profile);
  const location = document.locate("/id_token_signing_alg_values_supported");
  const advertised = advertisedAlgs(document);
  const observations = [];
  const note = (rule, message2, value) => observations.push({ rule, message: message2, value, location });
  if (!advertised.includes("RS256"))
    note("alg-rs256-missing", "RS256 is not advertised (Discovery 1.0 \xA73 requires it).", (0, import_shown4.shown)(advertised));
  if (advertised.includes("EdDSA"))
    note(
      "alg-eddsa-deprecated",
      "`EdDSA` is advertised: RFC 9864 deprecates it for Ed25519 and Ed448.",
      '"EdDSA"'
    );
  if (advertised.includes("none")) note("alg-none", "`none` is advertised: unsigned ID tokens.", '"none"');
  const symmetric = advertised.filter(isSymmetric);
  if (symmetric.length > 0) note("alg-symmetric", `${symmetric.join(", ")} advertised.`, (0, import_shown4.shown)(symmetric));
  const accepted = advertised.filter((alg) => acceptedBy(profile, alg));
  const served = keys ? accepted.filter((alg) => keys.some((key) => key.algs.includes(alg))) : accepted;
  if (served.length === 0) {
    const keyAlgs = keys ? [...new Set(keys.flatMap((key) => key.algs))] : [];
    const why = accepted.length === 0 ? `none of ${(0, import_shown4.shown)(advertised)} is accepted by ${profile}` : `the keys serve ${keyAlgs.length > 0 ? keyAlgs.join(", ") : "nothing"}, not ${accepted.join(", ")}`;
    note("alg-unusable", `No usable signing algorithm: ${why}.`, (0, import_shown4.shown)(advertised));
  } else if (keys) {
    const keyless = accepted.filter((alg) => !served.includes(alg));
    if (keyless.length > 0) {
      note(
        "alg-without-key",
        `${keyless.join(", ")} advertised, but no key in the JWKS serves ${keyless.length === 1 ? "it" : "them"}.`,
        (0, import_shown4.shown)(keyless)
      );
    }
  }
  if (served.length > 0 && profile === "mender" && served.every((alg) => alg === "RS256")) {
    note(
      "alg-mender-rs256",
      "Only RS256 is usable: it is outside Mender's documented list, although Mender's own example uses it; it probably works.",
      '"RS256"'
    );
  }
  return [...observations, ...checkMenderClientAuth(document, profile)];
}
function checkMenderClientAuth(document, profile) {
  const list = document.value.token_endpoint_auth_signing_alg_values_supported;
  if (profile !== "mender" || !Array.isArray(list)) return [];
  if (list.some((alg) => typeof alg === "string" && MENDER_ALGS.includes(alg))) return [];
  return [
    {
      rule: "mender-auth-alg",
      message: "No client-authentication signing algorithm Mender supports is listed.",
      value: (0, import_shown4.shown)(list),
      location: document.locate("/token_endpoint_auth_signing_alg_values_supported")
    }
  ];
}

// src/lint/report.ts
var import_profiles4 = __toESM(require_profiles(), 1);

// src/lint/discovery-rules.ts
var import_shown7 = __toESM(require_shown(), 1);

// src/lint/discovery-values.ts
var import_shown5 = __toESM(require_shown(), 1);
var OPTIONAL_ARRAYS = [
  "scopes_supported",
  "response_modes_supported",
  "grant_types_supported",
  "acr_values_supported",
  "claims_supported",
  "claim_types_supported",
  "token_endpoint_auth_methods_supported",
  "token_endpoint_auth_signing_alg_values_supported",
  "userinfo_signing_alg_values_supported",
  "id_token_encryption_alg_values_supported",
  "id_token_encryption_enc_values_supported",
  "request_object_signing_alg_values_supported",
  "display_values_supported",
  "claims_locales_supported",
  "ui_locales_supported",
  "code_challenge_methods_supported"
];
var OPTIONAL_BOOLEANS = [
  "claims_parameter_supported",
  "request_parameter_supported",
  "request_uri_parameter_supported",
  "require_request_uri_registration",
  "require_pushed_authorization_requests",
  "frontchannel_logout_supported",
  "backchannel_logout_supported"
];
var RESPONSE_TYPE_PARTS = /* @__PURE__ */ new Set(["code", "id_token", "token"]);
var SUBJECT_TYPES = /* @__PURE__ */ new Set(["public", "pairwise"]);
function checkOptionalMembers(document) {
  const { value, locate } = document;
  const observations = [];
  const wrong = (member, wanted) => observations.push({
    rule: "optional-member-type",
    message: `\`${member}\` must be ${wanted}.`,
    value: (0, import_shown5.shown)(value[member]),
    location: locate(`/${member}`)
  });
  for (const member of OPTIONAL_ARRAYS) {
    const actual = value[member];
    if (actual === void 0) continue;
    if (!Array.isArray(actual) || !actual.every((item) => typeof item === "string"))
      wrong(member, "a JSON array of strings");
  }
  for (const member of OPTIONAL_BOOLEANS) {
    const actual = value[member];
    if (actual !== void 0 && typeof actual !== "boolean") wrong(member, "a JSON boolean (true or false)");
  }
  return observations;
}
function checkValues(document) {
  const { value, locate } = document;
  const observations = [];
  for (const responseType of stringsOf(value.response_types_supported)) {
    if (!isResponseType(responseType)) {
      observations.push({
        rule: "response-type-invalid",
        message: `Response type ${(0, import_shown5.shown)(responseType)} is not a space-separated combination of code, id_token and token (or none).`,
        value: (0, import_shown5.shown)(responseType),
        location: locate("/response_types_supported")
      });
    }
  }
  for (const subjectType of stringsOf(value.subject_types_supported)) {
    if (!SUBJECT_TYPES.has(subjectType)) {
      observations.push({
        rule: "subject-type-unknown",
        message: `Subject type ${(0, import_shown5.shown)(subjectType)} is neither public nor pairwise.`,
        value: (0, import_shown5.shown)(subjectType),
        location: locate("/subject_types_supported")
      });
    }
  }
  const scopes = value.scopes_supported;
  if (Array.isArray(scopes) && !scopes.includes("openid")) {
    observations.push({
      rule: "scopes-no-openid",
      message: "`scopes_supported` does not list `openid`.",
      value: (0, import_shown5.shown)(scopes),
      location: locate("/scopes_supported")
    });
  }
  return observations;
}
function isResponseType(value) {
  if (value === "none") return true;
  const parts = value.split(" ");
  return parts.length > 0 && parts.every((part) => RESPONSE_TYPE_PARTS.has(part)) && new Set(parts).size === parts.length;
}
function stringsOf(member) {
  return Array.isArray(member) ? member.filter((item) => typeof item === "string") : [];
}

// src/lint/issuer-rules.ts
var import_shown6 = __toESM(require_shown(), 1);

// src/lint/hosts.ts
var import_address_class = __toESM(require_address_class(), 1);
var NON_PUBLIC_SUFFIXES = [
  ".cluster.local",
  ".svc",
  ".localhost",
  ".local",
  ".internal",
  ".lan",
  ".home.arpa"
];
function nonPublicReason(hostname) {
  const host = hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  const address = (0, import_address_class.classifyAddress)(host);
  if (address) return address.kind === "public" ? void 0 : (0, import_address_class.addressLabel)(address.kind);
  if (host === "localhost") return "a loopback name";
  const suffix = NON_PUBLIC_SUFFIXES.find((ending) => host.endsWith(ending));
  if (suffix) return `a ${suffix === ".cluster.local" || suffix === ".svc" ? "cluster-local" : "local"} name`;
  if (!host.includes(".")) return "a single-label name that only resolves inside a network";
  return void 0;
}

// src/lint/issuer-rules.ts
var import_well_known2 = __toESM(require_well_known(), 1);
function checkIssuer(issuer, expected, location) {
  const observations = [];
  const note = (rule, message2, fix) => observations.push({ rule, message: message2, value: (0, import_shown6.shown)(issuer), location, fix });
  if (expected.discoveryUrl !== void 0 && !(0, import_well_known2.isDiscoveryUrlOf)(issuer, expected.discoveryUrl)) {
    note(
      "issuer-mismatch",
      `\`issuer\` is ${(0, import_shown6.shown)(issuer)}, whose discovery URL is ${(0, import_shown6.shown)((0, import_well_known2.discoveryUrlOf)(issuer))}, not ${(0, import_shown6.shown)(expected.discoveryUrl)} where the document was read.`
    );
  }
  checkAgainst(issuer, expected.issuer, note);
  checkShape(issuer, note);
  observations.push(...checkPublicHost("issuer", issuer, location));
  return observations;
}
function checkAgainst(issuer, expected, note) {
  if (expected !== void 0 && issuer !== expected) {
    if (issuer.replace(/\/+$/, "") === expected.replace(/\/+$/, "")) {
      note(
        "issuer-trailing-slash",
        `\`issuer\` is ${(0, import_shown6.shown)(issuer)} but the document was fetched for ${(0, import_shown6.shown)(expected)}: only a trailing slash differs.`,
        `Register and use ${(0, import_shown6.shown)(issuer)} exactly (what tokens carry in \`iss\`), or make the provider drop or add the slash.`
      );
    } else {
      note(
        "issuer-mismatch",
        `\`issuer\` is ${(0, import_shown6.shown)(issuer)} but the document was fetched for ${(0, import_shown6.shown)(expected)}.`
      );
    }
  }
}
function checkShape(issuer, note) {
  const isTemplate = /\{[^}]*\}/.test(issuer);
  if (isTemplate) {
    note("issuer-template", "`issuer` is a template, not a URL a token can carry.");
  }
  let url;
  try {
    url = new URL(issuer);
  } catch {
    if (/^https:\/\//i.test(issuer)) {
      note("issuer-url-invalid", "`issuer` starts with https:// but its host or port is not valid.");
    } else {
      note(
        "issuer-not-https",
        issuer.trim() === "" ? "`issuer` is empty." : "`issuer` is not a URL (no https:// scheme)."
      );
    }
    return;
  }
  if (url.protocol !== "https:") {
    note("issuer-not-https", `\`issuer\` uses ${url.protocol.replace(/:$/, "")}://, not https://.`);
  }
  const hasExtraParts = Boolean(
    url.search || url.hash || url.username || url.password || /[?#]/.test(issuer)
  );
  if (hasExtraParts) {
    note("issuer-url-parts", "`issuer` has a query, a fragment or user information.");
  }
  const canonical = url.pathname === "/" && !issuer.endsWith("/") ? url.href.slice(0, -1) : url.href;
  if (issuer !== canonical && !hasExtraParts && !isTemplate) {
    note(
      "issuer-not-canonical",
      `\`issuer\` is not written as URLs normalise (${(0, import_shown6.shown)(canonical)}): a validator that normalises will not match it byte for byte.`
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:\d*(?=[/?#]|$)/i.test(issuer)) {
    note("issuer-port", `\`issuer\` names port ${url.port || "explicitly"}.`);
  }
}
function checkPublicHost(member, value, location) {
  let hostname;
  try {
    hostname = new URL(value).hostname;
  } catch {
    return [];
  }
  const reason = nonPublicReason(hostname);
  if (!reason) return [];
  return [
    {
      rule: "host-not-public",
      message: `\`${member}\` is on ${(0, import_shown6.shown)(hostname)}, ${reason}.`,
      value: (0, import_shown6.shown)(value),
      location
    }
  ];
}

// src/lint/discovery-rules.ts
var import_nearest = __toESM(require_nearest(), 1);
var REQUIRED_MEMBERS = {
  issuer: "string",
  jwks_uri: "string",
  response_types_supported: "string[]",
  subject_types_supported: "string[]",
  id_token_signing_alg_values_supported: "string[]"
};
var SSO_ENDPOINTS = ["authorization_endpoint"];
var OTHER_ENDPOINTS = [
  "authorization_endpoint",
  "token_endpoint",
  "userinfo_endpoint",
  "end_session_endpoint",
  "registration_endpoint",
  "revocation_endpoint",
  "introspection_endpoint"
];
function checkDiscovery(document, expected) {
  const { value, locate } = document;
  const observations = [];
  if (looksLikeOAuthMetadata(value)) {
    observations.push({
      rule: "document-oauth-metadata",
      message: `${document.where} has OAuth fields but neither subject_types_supported nor id_token_signing_alg_values_supported.`,
      location: locate("")
    });
  }
  for (const [member, type] of Object.entries(REQUIRED_MEMBERS)) {
    observations.push(...checkMember(value, member, type, locate(`/${member}`) ?? locate("")));
  }
  observations.push(...checkOptionalMembers(document), ...checkValues(document));
  for (const member of SSO_ENDPOINTS) {
    if (value[member] === void 0 || value[member] === null) {
      observations.push({
        rule: "endpoint-missing",
        message: `\`${member}\` is missing.`,
        value: member,
        location: locate("")
      });
    }
  }
  if (typeof value.issuer === "string") {
    observations.push(...checkIssuer(value.issuer, expected, locate("/issuer")));
  }
  if (typeof value.jwks_uri === "string")
    observations.push(...checkJwksUri(value.jwks_uri, value.issuer, locate("/jwks_uri")));
  for (const member of OTHER_ENDPOINTS) {
    const url = value[member];
    if (url === void 0 || url === null) continue;
    if (typeof url !== "string") {
      observations.push({
        rule: "member-type",
        message: `\`${member}\` must be a string (a URL).`,
        value: (0, import_shown7.shown)(url),
        location: locate(`/${member}`)
      });
    } else if (!url.startsWith("https://")) {
      observations.push({
        rule: "endpoint-not-https",
        message: url.trim() === "" ? `\`${member}\` is empty.` : `\`${member}\` is not https://.`,
        value: (0, import_shown7.shown)(url),
        location: locate(`/${member}`)
      });
    }
  }
  return observations;
}
function looksLikeOAuthMetadata(value) {
  const oidcMarkers = ["subject_types_supported", "id_token_signing_alg_values_supported"];
  const oauthMarkers = ["authorization_endpoint", "token_endpoint", "grant_types_supported"];
  return oidcMarkers.every((member) => value[member] === void 0) && oauthMarkers.some((member) => value[member] !== void 0);
}
function checkMember(value, member, type, location) {
  const actual = value[member];
  if (actual === void 0) {
    const guess = closestMember(Object.keys(value), member);
    return [
      {
        rule: "member-missing",
        message: guess ? `\`${member}\` is missing; the document has \`${guess}\`: did you mean \`${member}\`?` : `\`${member}\` is missing.`,
        value: member,
        fix: guess ? `Rename \`${guess}\` to \`${member}\`.` : void 0,
        location
      }
    ];
  }
  const fits = type === "string" ? typeof actual === "string" : Array.isArray(actual) && actual.every((item) => typeof item === "string");
  if (fits) {
    if (type === "string[]" && actual.length === 0 && member !== "id_token_signing_alg_values_supported") {
      return [{ rule: "member-type", message: `\`${member}\` is an empty array.`, value: "[]", location }];
    }
    if (type === "string" && actual.trim() === "") {
      return [{ rule: "member-type", message: `\`${member}\` is empty.`, value: (0, import_shown7.shown)(actual), location }];
    }
    return [];
  }
  return [
    {
      rule: "member-type",
      message: `\`${member}\` must be ${type === "string" ? "a string" : "an array of strings"}.`,
      value: (0, import_shown7.shown)(actual),
      location
    }
  ];
}
function checkJwksUri(jwksUri, issuer, location) {
  const observations = [];
  if (!jwksUri.startsWith("https://")) {
    observations.push({
      rule: "jwks-uri-not-https",
      message: jwksUri.trim() === "" ? "`jwks_uri` is empty." : "`jwks_uri` is not https://.",
      value: (0, import_shown7.shown)(jwksUri),
      location
    });
  }
  observations.push(...checkPublicHost("jwks_uri", jwksUri, location));
  const jwksHost = hostOf(jwksUri);
  const issuerHost = typeof issuer === "string" ? hostOf(issuer) : void 0;
  if (jwksHost && issuerHost && jwksHost !== issuerHost) {
    observations.push({
      rule: "jwks-uri-other-host",
      message: `\`jwks_uri\` is on ${jwksHost}, the issuer on ${issuerHost}.`,
      value: (0, import_shown7.shown)(jwksUri),
      location
    });
  }
  return observations;
}
function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return void 0;
  }
}
function closestMember(keys, member) {
  const words = member.split("_");
  for (const key of keys) {
    if (key.length > 100 || REGISTERED_MEMBERS.has(key) || key in REQUIRED_MEMBERS) continue;
    const keyWords = key.split("_");
    const oneWordShort = keyWords.length === words.length - 1 && keyWords.every((word) => words.includes(word));
    if (oneWordShort || (0, import_nearest.editDistance)(key, member) <= 2) return key;
  }
  return void 0;
}
var REGISTERED_MEMBERS = /* @__PURE__ */ new Set([
  "response_modes_supported",
  "grant_types_supported",
  "acr_values_supported",
  "userinfo_signing_alg_values_supported",
  "userinfo_encryption_alg_values_supported",
  "id_token_encryption_alg_values_supported",
  "request_object_signing_alg_values_supported",
  "token_endpoint_auth_signing_alg_values_supported",
  "introspection_endpoint_auth_signing_alg_values_supported",
  "revocation_endpoint_auth_signing_alg_values_supported",
  "dpop_signing_alg_values_supported",
  "authorization_signing_alg_values_supported",
  "code_challenge_methods_supported",
  "claim_types_supported"
]);

// src/lint/flow-rules.ts
var import_shown8 = __toESM(require_shown(), 1);
function checkFlow(document, profile) {
  return [
    ...checkTokenEndpoint(document, profile),
    ...profile === "mender" ? checkMenderFlow(document) : []
  ];
}
function checkTokenEndpoint(document, profile) {
  const { value, locate } = document;
  if (value.token_endpoint !== void 0 && value.token_endpoint !== null) return [];
  const codeTypes = stringsOf(value.response_types_supported).filter(
    (type) => type.split(" ").includes("code")
  );
  if (profile === "mender" || profile === "oidc" && codeTypes.length === 0) return [];
  return [
    {
      rule: "document-token-endpoint-missing",
      message: codeTypes.length > 0 ? `\`token_endpoint\` is missing, but response types ${(0, import_shown8.shown)(codeTypes)} need it.` : "`token_endpoint` is missing.",
      value: "token_endpoint",
      location: locate("")
    }
  ];
}
function checkMenderFlow(document) {
  const { value, locate } = document;
  const observations = [];
  const note = (rule, member, message2) => observations.push({ rule, message: message2, value: (0, import_shown8.shown)(value[member]), location: locate(`/${member}`) });
  const responseTypes = value.response_types_supported;
  const implicit = stringsOf(responseTypes).filter((type) => {
    const parts = type.split(" ");
    return parts.includes("id_token") && !parts.includes("code");
  });
  if (Array.isArray(responseTypes) && implicit.length === 0) {
    note(
      "mender-no-id-token",
      "response_types_supported",
      "No `id_token` response type: Mender implements only the Implicit Flow, which needs one."
    );
  }
  const modes = value.response_modes_supported;
  if (Array.isArray(modes) && !modes.includes("fragment")) {
    note(
      "mender-response-mode",
      "response_modes_supported",
      "`response_modes_supported` lacks `fragment`, the Implicit Flow's default mode; Mender's docs name no other."
    );
  }
  const claims = value.claims_supported;
  if (Array.isArray(claims) && !claims.includes("email")) {
    note(
      "mender-email-claim",
      "claims_supported",
      "`claims_supported` lacks `email`: Mender rejects ID tokens without an `email` claim."
    );
  }
  if (value.require_pushed_authorization_requests === true) {
    note(
      "mender-par-required",
      "require_pushed_authorization_requests",
      "The provider requires pushed authorization requests; Mender sends plain ones."
    );
  }
  const problem = authorizationEndpointProblem(value.authorization_endpoint);
  if (problem) note("mender-authorization-endpoint", "authorization_endpoint", problem);
  return observations;
}
function authorizationEndpointProblem(endpoint) {
  if (typeof endpoint !== "string") return void 0;
  if (endpoint.trim() === "") return "`authorization_endpoint` is empty.";
  if (!endpoint.startsWith("https://")) return "`authorization_endpoint` is not https://.";
  let hostname;
  try {
    hostname = new URL(endpoint).hostname;
  } catch {
    return "`authorization_endpoint` is not a valid URL.";
  }
  const reason = nonPublicReason(hostname);
  return reason ? `\`authorization_endpoint\` is on ${(0, import_shown8.shown)(hostname)}, ${reason}.` : void 0;
}

// src/lint/verdicts.ts
var import_profiles3 = __toESM(require_profiles(), 1);
var TARGETS = {
  mondoo: { yes: "usable with Mondoo", no: "not usable with Mondoo" },
  mender: { yes: "usable with Mender SSO", no: "not usable with Mender SSO" },
  oidc: {
    yes: "conforms to OpenID Connect Discovery 1.0",
    no: "does not conform to OpenID Connect Discovery 1.0"
  }
};
function verdictsOf(findingsByProfile) {
  return import_profiles3.PROFILES.map((profile) => {
    const first = findingsByProfile[profile].find((finding) => finding.severity === "error");
    if (!first) return { profile, usable: true };
    return { profile, usable: false, decidedBy: first.rule, reason: asClause2(first.message) };
  });
}
function verdictSentence(verdict) {
  const target = TARGETS[verdict.profile];
  if (verdict.usable) return target.yes;
  return verdict.reason ? `${target.no}: ${verdict.reason}` : target.no;
}
function asClause2(message2) {
  const trimmed = message2.trim().replace(/\.$/, "");
  const firstWord = trimmed.split(" ", 1)[0] ?? "";
  return /^[A-Z][a-z]*[:,]?$/.test(firstWord) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

// src/lint/report.ts
var REPORT_SCHEMA = "mondoo-keyless-auth/lint-report/v1";
function observeShared(evidence) {
  const { discovery, jwks, token } = evidence;
  const expected = { issuer: evidence.expectedIssuer, discoveryUrl: evidence.expectedDiscoveryUrl };
  return {
    document: evidence.observations.concat(discovery ? checkDiscovery(discovery, expected) : []),
    keysAndToken: (jwks?.observations ?? []).concat(token?.observations ?? []),
    advertised: discovery ? advertisedAlgs(discovery) : void 0
  };
}
function evaluate(evidence, profile, shared = observeShared(evidence)) {
  const { discovery, jwks, token } = evidence;
  const observations = shared.document.concat(
    discovery ? checkFlow(discovery, profile) : [],
    discovery ? checkAlgorithms(discovery, jwks?.signingKeys, profile) : [],
    shared.keysAndToken,
    token && shared.advertised ? checkTokenAlg(token.alg, shared.advertised, profile) : []
  );
  return judge(observations, profile);
}
function buildReport(settings, evidence) {
  const shared = observeShared(evidence);
  const byProfile = Object.fromEntries(
    import_profiles4.PROFILES.map((profile) => [profile, evaluate(evidence, profile, shared)])
  );
  const findings = byProfile[settings.profile];
  const verdicts = verdictsOf(byProfile);
  const usable = Object.fromEntries(verdicts.map((v) => [v.profile, v.usable]));
  const decidedBy = {};
  for (const verdict of verdicts) if (verdict.decidedBy) decidedBy[verdict.profile] = verdict.decidedBy;
  return {
    schema: REPORT_SCHEMA,
    tool: { name: import_version.ACTION_NAME, version: import_version.VERSION },
    profile: settings.profile,
    target: {
      issuer: settings.issuer,
      discovery: settings.discovery ?? evidence.discovery?.where,
      jwks: settings.jwks ?? (typeof evidence.discovery?.value.jwks_uri === "string" ? evidence.discovery.value.jwks_uri : void 0),
      token: settings.token !== void 0
    },
    usable,
    decidedBy,
    verdicts: Object.fromEntries(verdicts.map((v) => [v.profile, verdictSentence(v)])),
    counts: countOf(findings),
    findings,
    fetches: evidence.fetches,
    ...evidence.token ? { sampleToken: sampleTokenResult(evidence, findings, shared.advertised) } : {}
  };
}
function sampleTokenResult(evidence, findings, advertised) {
  const notChecked = [
    ...evidence.token?.signatureChecked ? [] : ["signature"],
    ...advertised ? [] : ["algorithm"]
  ];
  const clean = !findings.some((finding) => finding.rule.startsWith("token-"));
  return { passed: clean && notChecked.length === 0, notChecked };
}
function failsStep(report, failOn) {
  if (failOn === "never") return false;
  return failOn === "warning" ? report.counts.error + report.counts.warning > 0 : report.counts.error > 0;
}

// src/cli/lint-command.ts
var import_mask_forms2 = __toESM(require_mask_forms(), 1);

// src/cli/in-order.ts
async function mapInOrder(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// src/cli/sarif.ts
var import_node_path = require("node:path");
var import_node_url = require("node:url");
var import_input_values = __toESM(require_input_values(), 1);
var import_version2 = __toESM(require_version(), 1);
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var LEVEL = {
  error: "error",
  warning: "warning",
  info: "note"
};
var RULE_IDS = Object.keys(RULES);
var RULE_INDEX = new Map(RULE_IDS.map((id, index) => [id, index]));
function sarifLog(reports, profile) {
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: import_version2.ACTION_NAME,
            semanticVersion: import_version2.VERSION,
            rules: RULE_IDS.map((id) => sarifRule(id, profile))
          }
        },
        results: reports.flatMap((report) => report.findings.map((finding) => sarifResult(finding, report)))
      }
    ]
  };
}
function sarifRule(id, profile) {
  const rule = ruleSpec(id);
  const level = severityOf(id, profile);
  return {
    id,
    shortDescription: { text: rule.checks },
    fullDescription: { text: rule.checks },
    help: { text: `Fix: ${rule.fix}`, markdown: `**Fix:** ${rule.fix}` },
    defaultConfiguration: level === "off" ? { enabled: false, level: "none" } : { level: LEVEL[level] },
    properties: { tags: ["oidc", rule.group] }
  };
}
function sarifResult(finding, report) {
  const where = finding.location ?? { file: documentOf(finding, report), line: 1 };
  const value = finding.value === void 0 ? "" : ` Value: ${finding.value}.`;
  return {
    ruleId: finding.rule,
    ruleIndex: RULE_INDEX.get(finding.rule),
    level: LEVEL[finding.severity],
    message: { text: `${finding.message}${value} Fix: ${finding.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(where.file) },
          region: { startLine: Math.max(1, where.line) }
        }
      }
    ],
    properties: {
      provider: report.target.issuer ?? report.target.discovery ?? "",
      ...(0, import_input_values.hasUrlScheme)(where.file) ? { document: where.file } : {}
    }
  };
}
function documentOf(finding, report) {
  const group = ruleSpec(finding.rule).group;
  const jwks = group === "jwks" ? report.target.jwks : void 0;
  return jwks ?? report.target.discovery ?? report.target.issuer ?? "unknown";
}
function uriOf(place) {
  if ((0, import_input_values.hasUrlScheme)(place) && !URL.canParse(place)) {
    return place.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").split("/").map(encodeURIComponent).join("/");
  }
  if ((0, import_input_values.hasUrlScheme)(place)) {
    const url = new URL(place);
    const segments = [url.host, ...url.pathname.split("/").filter(Boolean).map(decodeSegment)];
    const path = segments.map(encodeURIComponent).join("/");
    return url.search ? `${path}${encodeURIComponent(url.search)}` : path;
  }
  if ((0, import_node_path.isAbsolute)(place)) return (0, import_node_url.pathToFileURL)(place).href;
  return encodeURI(place.split(import_node_path.sep).join("/"));
}
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// src/cli/lint-command.ts
var import_token_options = __toESM(require_token_options(), 1);
var import_token_sources = __toESM(require_token_sources(), 1);
var import_target_kind = __toESM(require_target_kind(), 1);
var import_escape2 = __toESM(require_escape(), 1);
var import_lint_spec = __toESM(require_lint_spec(), 1);
var import_usage = __toESM(require_usage(), 1);
async function lintCommand(parsed, io, log) {
  const { values, positionals: targets } = parsed;
  const read = (name) => (0, import_usage.stringOption)(values, name);
  if (targets.length === 0) {
    throw new import_usage.UsageError(
      "No provider given.",
      "Name at least one issuer URL or discovery file, e.g. `mondoo-keyless lint https://token.actions.githubusercontent.com`.",
      "lint"
    );
  }
  const jwks = read("jwks");
  if (jwks && targets.length > 1) {
    throw new import_usage.UsageError(
      `Option \`--jwks\` applies to one provider, and ${targets.length} were given.`,
      "Lint the provider that key set belongs to on its own, or leave out `--jwks`.",
      "lint"
    );
  }
  for (const target of targets) checkTarget(target);
  const issuer = read("issuer");
  checkExpectedIssuer(issuer, targets);
  const token = await readSampleToken(values, targets, io, log, read("timeout"));
  const format = (0, import_input_values2.readChoice)("format", read("format"), import_lint_spec.FORMATS, "text");
  const concurrency = (0, import_input_values2.readWholeNumber)(
    "concurrency",
    read("concurrency"),
    import_lint_spec.DEFAULT_CONCURRENCY,
    1,
    import_lint_spec.MAX_CONCURRENCY,
    "providers at once"
  );
  const shared = {
    profile: read("profile"),
    "fail-on": read("fail-on"),
    timeout: read("timeout"),
    jwks,
    "allow-private-hosts": values["allow-private-hosts"] === true ? "true" : "",
    offline: values.offline === true ? "true" : "",
    token: token ?? ""
  };
  const first = (0, import_lint_settings.readLintSettings)((name) => settingFor(name, targets[0] ?? "", shared, issuer));
  const outcomes = await mapInOrder(
    targets,
    concurrency,
    (target) => lintOne(target, (name) => settingFor(name, target, shared, issuer), io, log)
  );
  for (const form of (0, import_mask_forms2.maskFormsOfAll)(outcomes.flatMap((outcome) => outcome.secrets))) log.mask(form);
  const reports = outcomes.flatMap((outcome) => outcome.report ? [outcome.report] : []);
  for (const outcome of outcomes) {
    const problem = outcome.error?.message.replace(/^Input `[a-z-]+`: /, "");
    if (problem) log.info(`error: ${outcome.target} was not linted: ${problem}`);
    if (problem && outcome.error?.fix) log.info(`fix: ${outcome.error.fix}`);
  }
  io.writeOut(log.redact(render(format, reports, first.profile)));
  if (outcomes.some((outcome) => outcome.error?.kind === "settings")) return 2;
  const failing = reports.filter((report) => failsStep(report, first.failOn));
  if (failing.length > 0 || outcomes.some((outcome) => outcome.error)) {
    log.info(
      `${failing.length} of ${(0, import_plural6.plural)(targets.length, "provider")} failed at \`--fail-on ${first.failOn}\`.`
    );
    return 1;
  }
  return 0;
}
function checkTarget(target) {
  if ((0, import_input_values2.hasUrlScheme)(target)) return;
  let isFile;
  try {
    isFile = (0, import_node_fs.statSync)(target).isFile();
  } catch (error) {
    const code = error.code ?? "error";
    if (code === "ENOENT" || code === "ENOTDIR" || code === "ENAMETOOLONG")
      throw new import_usage.UsageError(...(0, import_target_kind.missingTarget)(target), "lint");
    throw new import_usage.UsageError(
      `${JSON.stringify((0, import_escape2.visible)(target))} cannot be read (${code}).`,
      "Check that the file exists and that this user may read it.",
      "lint"
    );
  }
  if (!isFile) {
    throw new import_usage.UsageError(
      `${JSON.stringify((0, import_escape2.visible)(target))} is not a regular file.`,
      "Give the path of a discovery document (a JSON file), or an issuer URL starting with https://.",
      "lint"
    );
  }
}
function checkExpectedIssuer(issuer, targets) {
  if (!issuer) return;
  if (targets.length > 1) {
    throw new import_usage.UsageError(
      `Option \`--issuer\` applies to one discovery file, and ${targets.length} providers were given.`,
      "Lint that file on its own with `--issuer`, or leave out `--issuer`.",
      "lint"
    );
  }
  if ((0, import_input_values2.hasUrlScheme)(targets[0] ?? "")) {
    throw new import_usage.UsageError(
      "Option `--issuer` is for a local discovery file, and the argument is a URL: the issuer itself.",
      "Leave out `--issuer`.",
      "lint"
    );
  }
}
async function readSampleToken(values, targets, io, log, timeout) {
  const request = (0, import_token_options.tokenRequestOf)(values, "lint");
  const source = (0, import_token_sources.givenTokenSource)(request, io, "lint");
  if (!source) return void 0;
  if (targets.length > 1) {
    throw new import_usage.UsageError(
      `A sample token belongs to one provider, and ${targets.length} were given.`,
      "Lint the provider that issued the token on its own, or leave out the token.",
      "lint"
    );
  }
  const token = await source.fetch(new import_retry2.Deadline((0, import_input_values2.readTimeout)(timeout) * 1e3));
  for (const form of (0, import_mask_forms2.maskForms)(token)) log.mask(form);
  return token;
}
function settingFor(name, target, shared, issuer) {
  if (name === "issuer") return (0, import_input_values2.hasUrlScheme)(target) ? target : issuer;
  if (name === "discovery") return (0, import_input_values2.hasUrlScheme)(target) ? "" : target;
  return shared[name] ?? "";
}
async function lintOne(target, read, io, log) {
  try {
    const settings = (0, import_lint_settings.readLintSettings)(read);
    for (const warning of settings.warnings) log.warning(`${target}: ${warning}`);
    const evidence = await gatherEvidence(settings, io);
    return { target, report: buildReport(settings, evidence), secrets: evidence.secrets };
  } catch (error) {
    if (error instanceof import_errors10.ActionError) return { target, error, secrets: [] };
    throw error;
  }
}
function render(format, reports, profile) {
  switch (format) {
    case "json":
      return `${JSON.stringify(reports, null, 2)}
`;
    case "sarif":
      return `${JSON.stringify(sarifLog(reports, profile), null, 2)}
`;
    case "text": {
      const tally = reports.length > 1 ? [overallLine(reports, profile)] : [];
      return `${[...reports.map((report) => textReport(report)), ...tally].join("\n\n")}
`;
    }
  }
}
function overallLine(reports, profile) {
  const usable = reports.filter((report) => report.usable[profile]).length;
  return `${(0, import_plural6.plural)(reports.length, "provider")} linted (profile ${profile}): ${usable} usable, ${reports.length - usable} not.`;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  lintCommand
});
