var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
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

// src/address-class.ts
var address_class_exports = {};
__export(address_class_exports, {
  addressLabel: () => addressLabel,
  admits: () => admits,
  classifyAddress: () => classifyAddress,
  describeAddressClass: () => describeAddressClass
});
var import_node_net = require("node:net");
function entry(cidr, kind, note) {
  const [network = "", prefix] = cidr.split("/");
  const family = network.includes(":") ? 6 : 4;
  const prefixLength = Number(prefix ?? (family === 6 ? 128 : 32));
  return { cidr, family, prefixLength, kind, note };
}
function listOf(range) {
  if (!range.list) {
    const network = range.cidr.split("/")[0] ?? "";
    range.list = new import_node_net.BlockList();
    range.list.addSubnet(network, range.prefixLength, range.family === 6 ? "ipv6" : "ipv4");
  }
  return range.list;
}
var METADATA = [
  entry(
    "169.254.169.254",
    "metadata",
    "instance metadata of AWS, Azure, Google Cloud, Oracle Cloud and others"
  ),
  entry("fd00:ec2::254", "metadata", "AWS instance metadata over IPv6"),
  entry("169.254.170.2", "metadata", "AWS ECS task metadata and credentials"),
  entry("169.254.170.23", "metadata", "AWS EKS Pod Identity Agent"),
  entry("fd00:ec2::23", "metadata", "AWS EKS Pod Identity Agent over IPv6"),
  entry("100.100.100.200", "metadata", "Alibaba Cloud instance metadata"),
  entry("192.0.0.192", "metadata", "Oracle Cloud@Customer instance metadata"),
  entry("168.63.129.16", "metadata", "Azure platform services (WireServer)")
];
var EMBEDDING = [
  { prefix: entry("::ffff:0:0/96", "reserved", "IPv4-mapped"), words: [6, 7] },
  { prefix: entry("64:ff9b::/96", "reserved", "NAT64"), words: [6, 7] },
  { prefix: entry("2002::/16", "reserved", "6to4"), words: [1, 2] }
];
var RANGES = [
  entry("0.0.0.0/8", "unspecified"),
  entry("10.0.0.0/8", "private"),
  entry("100.64.0.0/10", "private", "shared address space (carrier-grade NAT)"),
  entry("127.0.0.0/8", "loopback"),
  entry("169.254.0.0/16", "link-local"),
  entry("172.16.0.0/12", "private"),
  entry("192.0.0.0/24", "reserved", "IETF protocol assignments"),
  entry("192.0.2.0/24", "reserved", "documentation"),
  entry("192.88.99.0/24", "reserved", "former 6to4 relays"),
  entry("192.168.0.0/16", "private"),
  // Reserved for benchmarking, but used inside some networks (and by proxies' fake-IP DNS): a network of
  // one's own, not the internet.
  entry("198.18.0.0/15", "private", "benchmarking"),
  entry("198.51.100.0/24", "reserved", "documentation"),
  entry("203.0.113.0/24", "reserved", "documentation"),
  entry("224.0.0.0/4", "reserved", "multicast"),
  entry("240.0.0.0/4", "reserved", "reserved and broadcast"),
  entry("::/128", "unspecified"),
  entry("::1/128", "loopback"),
  entry("64:ff9b:1::/48", "private", "local-use NAT64"),
  entry("100::/64", "reserved", "discard-only"),
  entry("2001::/23", "reserved", "IETF protocol assignments (Teredo, benchmarking, ORCHID)"),
  entry("2001:db8::/32", "reserved", "documentation"),
  entry("3fff::/20", "reserved", "documentation"),
  entry("5f00::/16", "reserved", "segment routing"),
  entry("fc00::/7", "private", "unique local"),
  entry("fe80::/10", "link-local"),
  entry("fec0::/10", "private", "site-local"),
  entry("ff00::/8", "reserved", "multicast")
];
var GLOBAL_UNICAST = entry("2000::/3", "public");
function contains(range, address, family) {
  return range.family === family && listOf(range).check(address, family === 6 ? "ipv6" : "ipv4");
}
function classifyAddress(text) {
  const address = text.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "").toLowerCase();
  const ipFamily = (0, import_node_net.isIP)(address);
  if (ipFamily === 0) return void 0;
  const family = ipFamily === 6 ? 6 : 4;
  const metadata = METADATA.find((known) => contains(known, address, family));
  if (metadata) return { kind: "metadata", range: metadata.cidr, note: metadata.note };
  if (family === 6) {
    const carrier = EMBEDDING.find(({ prefix }) => contains(prefix, address, 6));
    if (carrier) {
      const ipv4 = ipv4In(address, carrier.words);
      const inner = classifyAddress(ipv4) ?? { kind: "reserved" };
      return { ...inner, embedded: { ipv4, form: carrier.prefix.note ?? "" } };
    }
  }
  const range = RANGES.find((known) => contains(known, address, family));
  if (range) return { kind: range.kind, range: range.cidr, note: range.note };
  if (family === 6 && !contains(GLOBAL_UNICAST, address, 6)) {
    return { kind: "reserved", range: "outside 2000::/3", note: "not global unicast" };
  }
  return { kind: "public" };
}
function admits(reach, kind) {
  return kind === "public" || reach === "private" && (kind === "loopback" || kind === "private");
}
var LABELS = {
  public: "a public address",
  loopback: "a loopback address",
  private: "a private-range address",
  "link-local": "a link-local address",
  metadata: "a cloud metadata address",
  unspecified: "an unspecified address",
  reserved: "a multicast, reserved or documentation address"
};
function addressLabel(kind) {
  return LABELS[kind];
}
function describeAddressClass(found) {
  const inside = found.embedded ? `${found.embedded.form} ${found.embedded.ipv4}` : void 0;
  const range = [found.range, found.note].filter(Boolean).join(", ");
  const detail = [inside, range].filter(Boolean).join("; ");
  return detail ? `${LABELS[found.kind]} (${detail})` : LABELS[found.kind];
}
function ipv4In(address, [high, low]) {
  const words = ipv6Words(address);
  const a = words[high] ?? 0;
  const b = words[low] ?? 0;
  return [a >> 8, a & 255, b >> 8, b & 255].join(".");
}
function ipv6Words(address) {
  const hex = address.replace(
    /(\d+)\.(\d+)\.(\d+)\.(\d+)$/,
    (_match, a, b, c, d) => [Number(a) * 256 + Number(b), Number(c) * 256 + Number(d)].map((word) => word.toString(16)).join(":")
  );
  const [head = "", tail] = hex.split("::");
  const parse = (part) => part === "" ? [] : part.split(":").map((word) => parseInt(word, 16));
  const front = parse(head);
  const back = tail === void 0 ? [] : parse(tail);
  return [...front, ...new Array(8 - front.length - back.length).fill(0), ...back];
}

// src/errors.ts
var errors_exports = {};
__export(errors_exports, {
  ActionError: () => ActionError,
  asActionError: () => asActionError,
  settingsError: () => settingsError
});
var ActionError = class extends Error {
  kind;
  fix;
  grpcStatus;
  constructor(message, options) {
    super(message, { cause: options.cause });
    this.name = "ActionError";
    this.kind = options.kind;
    this.fix = options.fix;
    this.grpcStatus = options.grpcStatus;
  }
  /** The message with its fix, as shown in the log, the annotation and the summary. */
  describe() {
    return this.fix ? `${this.message}
Fix: ${this.fix}` : this.message;
  }
};
function settingsError(input, problem, fix) {
  const joint = /^(is|must) /.test(problem) ? " " : ": ";
  return new ActionError(`Input \`${input}\`${joint}${problem}`, { kind: "settings", fix });
}
function asActionError(caught, whereToReport) {
  if (caught instanceof ActionError) return caught;
  const detail = caught instanceof Error ? caught.message : String(caught);
  return new ActionError(`Unexpected error: ${detail}`, {
    kind: "internal",
    fix: `This is a bug in mondoo-keyless-auth: please report it with ${whereToReport}.`,
    cause: caught
  });
}

// src/json.ts
var json_exports = {};
__export(json_exports, {
  isObject: () => isObject,
  jsonEscaped: () => jsonEscaped,
  jsonTypeName: () => jsonTypeName,
  parseJson: () => parseJson
});
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function jsonTypeName(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
function jsonEscaped(text) {
  return JSON.stringify(text).slice(1, -1);
}

// src/lint/fetch.ts
var fetch_exports = {};
__export(fetch_exports, {
  MAX_DOCUMENT_BYTES: () => MAX_DOCUMENT_BYTES,
  fetchJson: () => fetchJson
});

// src/secrets/redacted-excerpt.ts
var NO_SECRETS_KNOWN = (text) => text;
var HEADER_EXCERPT_LENGTH = 200;
var LONG_OPAQUE_RUN = /[A-Za-z0-9_\-+/=.]{80,}/g;
function redactedExcerpt(text, redact, maxLength) {
  const oneLine = redact(text).replace(/\s+/g, " ").trim().replace(LONG_OPAQUE_RUN, "[long value removed]");
  if (oneLine.length <= maxLength) return oneLine;
  const end = /[\uD800-\uDBFF]/.test(oneLine[maxLength - 1] ?? "") ? maxLength - 1 : maxLength;
  return `${oneLine.slice(0, end)}\u2026`;
}

// src/exchange/answer-text.ts
var EXCERPT_LENGTH = 160;
function excerpt(body, redact) {
  const trimmed = body.trim();
  if (trimmed === "") return "(empty body)";
  if (looksLikeHtml(trimmed)) {
    const page = redact(trimmed);
    const text = htmlTitle(page) ?? stripTags(page);
    return `an HTML page: "${redactedExcerpt(text, redact, EXCERPT_LENGTH)}"`;
  }
  return `"${redactedExcerpt(trimmed, redact, EXCERPT_LENGTH)}"`;
}
function htmlTitle(html) {
  return /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.replace(/\s+/g, " ").trim() || void 0;
}
function looksLikeHtml(body) {
  return /^\s*(<!doctype html|<html|<head|<body|<\?xml|<h1|<center)/i.test(body);
}
function stripTags(html) {
  return html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
}

// src/http.ts
var import_node_https = require("node:https");

// node_modules/@actions/http-client/lib/index.js
var http = __toESM(require("http"), 1);
var https = __toESM(require("https"), 1);

// node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
  const usingSsl = reqUrl.protocol === "https:";
  if (checkBypass(reqUrl)) {
    return void 0;
  }
  const proxyVar = (() => {
    if (usingSsl) {
      return process.env["https_proxy"] || process.env["HTTPS_PROXY"];
    } else {
      return process.env["http_proxy"] || process.env["HTTP_PROXY"];
    }
  })();
  if (proxyVar) {
    try {
      return new DecodedURL(proxyVar);
    } catch (_a) {
      if (!proxyVar.startsWith("http://") && !proxyVar.startsWith("https://"))
        return new DecodedURL(`http://${proxyVar}`);
    }
  } else {
    return void 0;
  }
}
function checkBypass(reqUrl) {
  if (!reqUrl.hostname) {
    return false;
  }
  const reqHost = reqUrl.hostname;
  if (isLoopbackAddress(reqHost)) {
    return true;
  }
  const noProxy = process.env["no_proxy"] || process.env["NO_PROXY"] || "";
  if (!noProxy) {
    return false;
  }
  let reqPort;
  if (reqUrl.port) {
    reqPort = Number(reqUrl.port);
  } else if (reqUrl.protocol === "http:") {
    reqPort = 80;
  } else if (reqUrl.protocol === "https:") {
    reqPort = 443;
  }
  const upperReqHosts = [reqUrl.hostname.toUpperCase()];
  if (typeof reqPort === "number") {
    upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
  }
  for (const upperNoProxyItem of noProxy.split(",").map((x) => x.trim().toUpperCase()).filter((x) => x)) {
    if (upperNoProxyItem === "*" || upperReqHosts.some((x) => x === upperNoProxyItem || x.endsWith(`.${upperNoProxyItem}`) || upperNoProxyItem.startsWith(".") && x.endsWith(`${upperNoProxyItem}`))) {
      return true;
    }
  }
  return false;
}
function isLoopbackAddress(host) {
  const hostLower = host.toLowerCase();
  return hostLower === "localhost" || hostLower.startsWith("127.") || hostLower.startsWith("[::1]") || hostLower.startsWith("[0:0:0:0:0:0:0:1]");
}
var DecodedURL = class extends URL {
  constructor(url, base) {
    super(url, base);
    this._decodedUsername = decodeURIComponent(super.username);
    this._decodedPassword = decodeURIComponent(super.password);
  }
  get username() {
    return this._decodedUsername;
  }
  get password() {
    return this._decodedPassword;
  }
};

// src/lazy/load-beside.ts
var import_node_module = require("node:module");
var import_node_path = require("node:path");
function loadBeside(file) {
  return (0, import_node_module.createRequire)(__filename)((0, import_node_path.join)(__dirname, file));
}

// src/lazy/tunnel-shim.ts
var tunnel;
var real = () => tunnel ??= loadBeside("tunnel.js");
var httpOverHttp = (options) => real().httpOverHttp(options);
var httpsOverHttp = (options) => real().httpsOverHttp(options);
var httpOverHttps = (options) => real().httpOverHttps(options);
var httpsOverHttps = (options) => real().httpsOverHttps(options);

// src/lazy/undici-shim.ts
var undici;
var ProxyAgent = class {
  constructor(...options) {
    undici ??= loadBeside("undici.js");
    return new undici.ProxyAgent(...options);
  }
};

// node_modules/@actions/http-client/lib/index.js
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];
var RetryableHttpVerbs = ["OPTIONS", "GET", "DELETE", "HEAD"];
var ExponentialBackoffCeiling = 10;
var ExponentialBackoffTimeSlice = 5;
var HttpClientError = class _HttpClientError extends Error {
  constructor(message, statusCode) {
    super(message);
    this.name = "HttpClientError";
    this.statusCode = statusCode;
    Object.setPrototypeOf(this, _HttpClientError.prototype);
  }
};
var HttpClientResponse = class {
  constructor(message) {
    this.message = message;
  }
  readBody() {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve2) => __awaiter(this, void 0, void 0, function* () {
        let output = Buffer.alloc(0);
        this.message.on("data", (chunk) => {
          output = Buffer.concat([output, chunk]);
        });
        this.message.on("end", () => {
          resolve2(output.toString());
        });
      }));
    });
  }
  readBodyBuffer() {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve2) => __awaiter(this, void 0, void 0, function* () {
        const chunks = [];
        this.message.on("data", (chunk) => {
          chunks.push(chunk);
        });
        this.message.on("end", () => {
          resolve2(Buffer.concat(chunks));
        });
      }));
    });
  }
};
var HttpClient = class {
  constructor(userAgent, handlers, requestOptions2) {
    this._ignoreSslError = false;
    this._allowRedirects = true;
    this._allowRedirectDowngrade = false;
    this._maxRedirects = 50;
    this._allowRetries = false;
    this._maxRetries = 1;
    this._keepAlive = false;
    this._disposed = false;
    this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
    this.handlers = handlers || [];
    this.requestOptions = requestOptions2;
    if (requestOptions2) {
      if (requestOptions2.ignoreSslError != null) {
        this._ignoreSslError = requestOptions2.ignoreSslError;
      }
      this._socketTimeout = requestOptions2.socketTimeout;
      if (requestOptions2.allowRedirects != null) {
        this._allowRedirects = requestOptions2.allowRedirects;
      }
      if (requestOptions2.allowRedirectDowngrade != null) {
        this._allowRedirectDowngrade = requestOptions2.allowRedirectDowngrade;
      }
      if (requestOptions2.maxRedirects != null) {
        this._maxRedirects = Math.max(requestOptions2.maxRedirects, 0);
      }
      if (requestOptions2.keepAlive != null) {
        this._keepAlive = requestOptions2.keepAlive;
      }
      if (requestOptions2.allowRetries != null) {
        this._allowRetries = requestOptions2.allowRetries;
      }
      if (requestOptions2.maxRetries != null) {
        this._maxRetries = requestOptions2.maxRetries;
      }
    }
  }
  options(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("OPTIONS", requestUrl, null, additionalHeaders || {});
    });
  }
  get(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("GET", requestUrl, null, additionalHeaders || {});
    });
  }
  del(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("DELETE", requestUrl, null, additionalHeaders || {});
    });
  }
  post(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("POST", requestUrl, data, additionalHeaders || {});
    });
  }
  patch(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("PATCH", requestUrl, data, additionalHeaders || {});
    });
  }
  put(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("PUT", requestUrl, data, additionalHeaders || {});
    });
  }
  head(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("HEAD", requestUrl, null, additionalHeaders || {});
    });
  }
  sendStream(verb, requestUrl, stream, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request(verb, requestUrl, stream, additionalHeaders);
    });
  }
  /**
   * Gets a typed object from an endpoint
   * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
   */
  getJson(requestUrl_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      const res = yield this.get(requestUrl, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  postJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.post(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  putJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.put(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  patchJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.patch(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  /**
   * Makes a raw http request.
   * All other methods such as get, post, patch, and request ultimately call this.
   * Prefer get, del, post and patch
   */
  request(verb, requestUrl, data, headers) {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._disposed) {
        throw new Error("Client has already been disposed.");
      }
      const parsedUrl = new URL(requestUrl);
      let info2 = this._prepareRequest(verb, parsedUrl, headers);
      const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb) ? this._maxRetries + 1 : 1;
      let numTries = 0;
      let response;
      do {
        response = yield this.requestRaw(info2, data);
        if (response && response.message && response.message.statusCode === HttpCodes.Unauthorized) {
          let authenticationHandler;
          for (const handler of this.handlers) {
            if (handler.canHandleAuthentication(response)) {
              authenticationHandler = handler;
              break;
            }
          }
          if (authenticationHandler) {
            return authenticationHandler.handleAuthentication(this, info2, data);
          } else {
            return response;
          }
        }
        let redirectsRemaining = this._maxRedirects;
        while (response.message.statusCode && HttpRedirectCodes.includes(response.message.statusCode) && this._allowRedirects && redirectsRemaining > 0) {
          const redirectUrl = response.message.headers["location"];
          if (!redirectUrl) {
            break;
          }
          const parsedRedirectUrl = new URL(redirectUrl);
          if (parsedUrl.protocol === "https:" && parsedUrl.protocol !== parsedRedirectUrl.protocol && !this._allowRedirectDowngrade) {
            throw new Error("Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.");
          }
          yield response.readBody();
          if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
            for (const header2 in headers) {
              if (header2.toLowerCase() === "authorization") {
                delete headers[header2];
              }
            }
          }
          info2 = this._prepareRequest(verb, parsedRedirectUrl, headers);
          response = yield this.requestRaw(info2, data);
          redirectsRemaining--;
        }
        if (!response.message.statusCode || !HttpResponseRetryCodes.includes(response.message.statusCode)) {
          return response;
        }
        numTries += 1;
        if (numTries < maxTries) {
          yield response.readBody();
          yield this._performExponentialBackoff(numTries);
        }
      } while (numTries < maxTries);
      return response;
    });
  }
  /**
   * Needs to be called if keepAlive is set to true in request options.
   */
  dispose() {
    if (this._agent) {
      this._agent.destroy();
    }
    this._disposed = true;
  }
  /**
   * Raw request.
   * @param info
   * @param data
   */
  requestRaw(info2, data) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve2, reject) => {
        function callbackForResult(err, res) {
          if (err) {
            reject(err);
          } else if (!res) {
            reject(new Error("Unknown error"));
          } else {
            resolve2(res);
          }
        }
        this.requestRawWithCallback(info2, data, callbackForResult);
      });
    });
  }
  /**
   * Raw request with callback.
   * @param info
   * @param data
   * @param onResult
   */
  requestRawWithCallback(info2, data, onResult) {
    if (typeof data === "string") {
      if (!info2.options.headers) {
        info2.options.headers = {};
      }
      info2.options.headers["Content-Length"] = Buffer.byteLength(data, "utf8");
    }
    let callbackCalled = false;
    function handleResult(err, res) {
      if (!callbackCalled) {
        callbackCalled = true;
        onResult(err, res);
      }
    }
    const req = info2.httpModule.request(info2.options, (msg) => {
      const res = new HttpClientResponse(msg);
      handleResult(void 0, res);
    });
    let socket;
    req.on("socket", (sock) => {
      socket = sock;
    });
    req.setTimeout(this._socketTimeout || 3 * 6e4, () => {
      if (socket) {
        socket.end();
      }
      handleResult(new Error(`Request timeout: ${info2.options.path}`));
    });
    req.on("error", function(err) {
      handleResult(err);
    });
    if (data && typeof data === "string") {
      req.write(data, "utf8");
    }
    if (data && typeof data !== "string") {
      data.on("close", function() {
        req.end();
      });
      data.pipe(req);
    } else {
      req.end();
    }
  }
  /**
   * Gets an http agent. This function is useful when you need an http agent that handles
   * routing through a proxy server - depending upon the url and proxy environment variables.
   * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
   */
  getAgent(serverUrl) {
    const parsedUrl = new URL(serverUrl);
    return this._getAgent(parsedUrl);
  }
  getAgentDispatcher(serverUrl) {
    const parsedUrl = new URL(serverUrl);
    const proxyUrl = getProxyUrl(parsedUrl);
    const useProxy = proxyUrl && proxyUrl.hostname;
    if (!useProxy) {
      return;
    }
    return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
  }
  _prepareRequest(method, requestUrl, headers) {
    const info2 = {};
    info2.parsedUrl = requestUrl;
    const usingSsl = info2.parsedUrl.protocol === "https:";
    info2.httpModule = usingSsl ? https : http;
    const defaultPort = usingSsl ? 443 : 80;
    info2.options = {};
    info2.options.host = info2.parsedUrl.hostname;
    info2.options.port = info2.parsedUrl.port ? parseInt(info2.parsedUrl.port) : defaultPort;
    info2.options.path = (info2.parsedUrl.pathname || "") + (info2.parsedUrl.search || "");
    info2.options.method = method;
    info2.options.headers = this._mergeHeaders(headers);
    if (this.userAgent != null) {
      info2.options.headers["user-agent"] = this.userAgent;
    }
    info2.options.agent = this._getAgent(info2.parsedUrl);
    if (this.handlers) {
      for (const handler of this.handlers) {
        handler.prepareRequest(info2.options);
      }
    }
    return info2;
  }
  _mergeHeaders(headers) {
    if (this.requestOptions && this.requestOptions.headers) {
      return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
    }
    return lowercaseKeys(headers || {});
  }
  /**
   * Gets an existing header value or returns a default.
   * Handles converting number header values to strings since HTTP headers must be strings.
   * Note: This returns string | string[] since some headers can have multiple values.
   * For headers that must always be a single string (like Content-Type), use the
   * specialized _getExistingOrDefaultContentTypeHeader method instead.
   */
  _getExistingOrDefaultHeader(additionalHeaders, header2, _default) {
    let clientHeader;
    if (this.requestOptions && this.requestOptions.headers) {
      const headerValue = lowercaseKeys(this.requestOptions.headers)[header2];
      if (headerValue) {
        clientHeader = typeof headerValue === "number" ? headerValue.toString() : headerValue;
      }
    }
    const additionalValue = additionalHeaders[header2];
    if (additionalValue !== void 0) {
      return typeof additionalValue === "number" ? additionalValue.toString() : additionalValue;
    }
    if (clientHeader !== void 0) {
      return clientHeader;
    }
    return _default;
  }
  /**
   * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
   * Always returns a single string (not an array) since Content-Type should be a single value.
   * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
   * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
   * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
   */
  _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
    let clientHeader;
    if (this.requestOptions && this.requestOptions.headers) {
      const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
      if (headerValue) {
        if (typeof headerValue === "number") {
          clientHeader = String(headerValue);
        } else if (Array.isArray(headerValue)) {
          clientHeader = headerValue.join(", ");
        } else {
          clientHeader = headerValue;
        }
      }
    }
    const additionalValue = additionalHeaders[Headers.ContentType];
    if (additionalValue !== void 0) {
      if (typeof additionalValue === "number") {
        return String(additionalValue);
      } else if (Array.isArray(additionalValue)) {
        return additionalValue.join(", ");
      } else {
        return additionalValue;
      }
    }
    if (clientHeader !== void 0) {
      return clientHeader;
    }
    return _default;
  }
  _getAgent(parsedUrl) {
    let agent;
    const proxyUrl = getProxyUrl(parsedUrl);
    const useProxy = proxyUrl && proxyUrl.hostname;
    if (this._keepAlive && useProxy) {
      agent = this._proxyAgent;
    }
    if (!useProxy) {
      agent = this._agent;
    }
    if (agent) {
      return agent;
    }
    const usingSsl = parsedUrl.protocol === "https:";
    let maxSockets = 100;
    if (this.requestOptions) {
      maxSockets = this.requestOptions.maxSockets || http.globalAgent.maxSockets;
    }
    if (proxyUrl && proxyUrl.hostname) {
      const agentOptions = {
        maxSockets,
        keepAlive: this._keepAlive,
        proxy: Object.assign(Object.assign({}, (proxyUrl.username || proxyUrl.password) && {
          proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
        }), { host: proxyUrl.hostname, port: proxyUrl.port })
      };
      let tunnelAgent;
      const overHttps = proxyUrl.protocol === "https:";
      if (usingSsl) {
        tunnelAgent = overHttps ? httpsOverHttps : httpsOverHttp;
      } else {
        tunnelAgent = overHttps ? httpOverHttps : httpOverHttp;
      }
      agent = tunnelAgent(agentOptions);
      this._proxyAgent = agent;
    }
    if (!agent) {
      const options = { keepAlive: this._keepAlive, maxSockets };
      agent = usingSsl ? new https.Agent(options) : new http.Agent(options);
      this._agent = agent;
    }
    if (usingSsl && this._ignoreSslError) {
      agent.options = Object.assign(agent.options || {}, {
        rejectUnauthorized: false
      });
    }
    return agent;
  }
  _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
    let proxyAgent;
    if (this._keepAlive) {
      proxyAgent = this._proxyAgentDispatcher;
    }
    if (proxyAgent) {
      return proxyAgent;
    }
    const usingSsl = parsedUrl.protocol === "https:";
    proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, (proxyUrl.username || proxyUrl.password) && {
      token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString("base64")}`
    }));
    this._proxyAgentDispatcher = proxyAgent;
    if (usingSsl && this._ignoreSslError) {
      proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
        rejectUnauthorized: false
      });
    }
    return proxyAgent;
  }
  _getUserAgentWithOrchestrationId(userAgent) {
    const baseUserAgent = userAgent || "actions/http-client";
    const orchId = process.env["ACTIONS_ORCHESTRATION_ID"];
    if (orchId) {
      const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, "_");
      return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
    }
    return baseUserAgent;
  }
  _performExponentialBackoff(retryNumber) {
    return __awaiter(this, void 0, void 0, function* () {
      retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
      const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
      return new Promise((resolve2) => setTimeout(() => resolve2(), ms));
    });
  }
  _processResponse(res, options) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve2, reject) => __awaiter(this, void 0, void 0, function* () {
        const statusCode = res.message.statusCode || 0;
        const response = {
          statusCode,
          result: null,
          headers: {}
        };
        if (statusCode === HttpCodes.NotFound) {
          resolve2(response);
        }
        function dateTimeDeserializer(key, value) {
          if (typeof value === "string") {
            const a = new Date(value);
            if (!isNaN(a.valueOf())) {
              return a;
            }
          }
          return value;
        }
        let obj;
        let contents;
        try {
          contents = yield res.readBody();
          if (contents && contents.length > 0) {
            if (options && options.deserializeDates) {
              obj = JSON.parse(contents, dateTimeDeserializer);
            } else {
              obj = JSON.parse(contents);
            }
            response.result = obj;
          }
          response.headers = res.message.headers;
        } catch (err) {
        }
        if (statusCode > 299) {
          let msg;
          if (obj && obj.message) {
            msg = obj.message;
          } else if (contents && contents.length > 0) {
            msg = contents;
          } else {
            msg = `Failed request: (${statusCode})`;
          }
          const err = new HttpClientError(msg, statusCode);
          err.result = response.result;
          reject(err);
        } else {
          resolve2(response);
        }
      }));
    });
  }
};
var lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => (c[k.toLowerCase()] = obj[k], c), {});

// src/network-error.ts
var NetworkError = class extends Error {
  code;
  retryable;
  /** Set when the request was refused before connecting: the address was outside the request's reach. */
  refusal;
  constructor(message, code, retryable, refusal) {
    super(message);
    this.name = "NetworkError";
    this.code = code;
    this.retryable = retryable;
    this.refusal = refusal;
  }
};

// src/reach.ts
var import_node_dns = __toESM(require("node:dns"), 1);
var import_node_net2 = require("node:net");
var systemResolve = (hostname, options) => new Promise((resolve2, reject) => {
  import_node_dns.default.lookup(hostname, options, (error2, addresses) => error2 ? reject(error2) : resolve2(addresses));
});
function refuseLiteralHost(hostname, reach) {
  const address = hostname.replace(/^\[(.*)\]$/, "$1");
  const found = classifyAddress(address);
  if (!found || admits(reach, found.kind)) return void 0;
  return { host: hostname, address, literal: true, found, reach };
}
function guardedLookup(reach, resolve2 = systemResolve) {
  return (hostname, options, callback) => {
    const bare = hostname.replace(/^\[(.*)\]$/, "$1");
    const family = (0, import_node_net2.isIP)(bare);
    const answer = family !== 0 ? Promise.resolve([{ address: bare, family }]) : resolve2(hostname, { ...options, all: true });
    answer.then(
      (addresses) => {
        for (const { address } of addresses) {
          const found = classifyAddress(address) ?? { kind: "reserved" };
          if (!admits(reach, found.kind)) {
            callback(refusedError({ host: hostname, address, literal: family !== 0, found, reach }), "");
            return;
          }
        }
        const first = addresses[0];
        if (!first)
          callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "");
        else if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error2) => callback(error2, "")
    );
  };
}
var REFUSED_CODE = "ADDRESS_REFUSED";
function refusedError(refusal) {
  return new NetworkError(refusalText(refusal), REFUSED_CODE, false, refusal);
}
function refusalText(refusal) {
  const { host, address, literal, found } = refusal;
  return literal ? `${host} is ${describeAddressClass(found)}` : `${host} resolves to ${address}, ${describeAddressClass(found)}`;
}
function refusedForGood(refusal) {
  return !admits("private", refusal.found.kind);
}

// src/version.ts
var version_exports = {};
__export(version_exports, {
  ACTION_NAME: () => ACTION_NAME,
  USER_AGENT: () => USER_AGENT,
  VERSION: () => VERSION
});

// package.json
var package_default = { version: "1.0.0" };

// src/version.ts
var ACTION_NAME = "mondoo-keyless-auth";
var VERSION = package_default.version;
var USER_AGENT = `${ACTION_NAME}/${VERSION}`;

// src/plural.ts
var plural_exports = {};
__export(plural_exports, {
  agree: () => agree,
  asClause: () => asClause,
  listed: () => listed,
  plural: () => plural
});
function plural(count, noun, many = `${noun}s`) {
  return `${count} ${count === 1 ? noun : many}`;
}
function agree(count, one, many) {
  return count === 1 ? one : many;
}
function listed(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
function asClause(sentence) {
  const trimmed = sentence.trimEnd();
  return trimmed.endsWith("...") ? trimmed : trimmed.replace(/\.+$/, "");
}

// src/http.ts
var DEFAULT_MAX_BYTES = 1024 * 1024;
var LOOKUPS = {
  public: guardedLookup("public"),
  private: guardedLookup("private")
};
var keepAliveAgents = /* @__PURE__ */ new Map();
function connectingFor(request) {
  let keepAliveAgent;
  if (request.reuseConnection) {
    const key = request.reach ?? "any";
    keepAliveAgent = keepAliveAgents.get(key) ?? new import_node_https.Agent({ keepAlive: true });
    keepAliveAgents.set(key, keepAliveAgent);
  }
  return { keepAliveAgent, lookup: request.reach && LOOKUPS[request.reach] };
}
var send = async (request) => {
  if (!request.reuseConnection) return sendOnce(request);
  const started = Date.now();
  try {
    return await sendOnce(request);
  } catch (error2) {
    const reset = error2 instanceof NetworkError && (error2.code === "ECONNRESET" || error2.code === "EPIPE");
    const left = request.timeoutMs - (Date.now() - started);
    if (!reset || left <= 0) throw error2;
    return sendOnce({ ...request, reuseConnection: false, timeoutMs: left });
  }
};
async function sendOnce(request) {
  const url = new URL(request.url);
  const host = url.host;
  const refusal = request.reach && refuseLiteralHost(url.hostname, request.reach);
  if (refusal) throw refusedError(refusal);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), request.timeoutMs);
  const deadline = new Promise(
    (_, reject) => abort.signal.addEventListener("abort", () => reject(timeoutError(host, request.timeoutMs)), {
      once: true
    })
  );
  const client = new HttpClient(USER_AGENT, [requestOptions(abort.signal, connectingFor(request))], {
    allowRedirects: false,
    allowRetries: false,
    keepAlive: false,
    socketTimeout: request.timeoutMs
  });
  try {
    const pending = client.request(request.method, request.url, request.body ?? "", request.headers ?? {});
    pending.catch(() => void 0);
    const response = await Promise.race([pending, deadline]);
    const reading = readBody(response.message, request.maxBytes ?? DEFAULT_MAX_BYTES, host);
    reading.catch(() => void 0);
    const body = await Promise.race([reading, deadline]);
    return { status: response.message.statusCode ?? 0, headers: response.message.headers, body };
  } catch (error2) {
    if (error2 instanceof NetworkError) throw error2;
    if (abort.signal.aborted) throw timeoutError(host, request.timeoutMs);
    throw describeNetworkError(error2, host);
  } finally {
    clearTimeout(timer);
    abort.abort();
    client.dispose();
  }
}
function timeoutError(host, timeoutMs) {
  const budget = timeoutMs >= 1e3 ? `${Math.round(timeoutMs / 1e3)} s` : `${timeoutMs} ms`;
  return new NetworkError(`${host} did not answer within ${budget}`, "TIMEOUT", true);
}
function requestOptions(signal, connecting = {}) {
  return {
    prepareRequest: (options) => {
      options.signal = signal;
      if (connecting.lookup) options.lookup = connecting.lookup;
      const plain = options.agent && Object.getPrototypeOf(options.agent) === import_node_https.Agent.prototype;
      if (connecting.keepAliveAgent && plain) options.agent = connecting.keepAliveAgent;
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error("not supported"))
  };
}
async function readBody(stream, maxBytes, host) {
  const chunks = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new NetworkError(`${host} sent an answer larger than ${maxBytes} bytes`, "TOO_LARGE", false);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
var TLS_TRUST_CODES = /* @__PURE__ */ new Set([
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID"
]);
function isTlsTrustFailure(code) {
  return TLS_TRUST_CODES.has(code);
}
var EXPLANATIONS = {
  ECONNREFUSED: ["refused the connection", true],
  ECONNRESET: ["closed the connection before answering", true],
  EPIPE: ["closed the connection while the request was sent", true],
  ETIMEDOUT: ["did not accept the connection in time", true],
  EAI_AGAIN: ["could not be resolved right now (temporary DNS failure)", true],
  ENOTFOUND: ["does not resolve (DNS: no such host)", false],
  EHOSTUNREACH: ["is unreachable from this runner", true],
  ENETUNREACH: ["is unreachable: the runner has no route to it", true],
  CERT_NOT_YET_VALID: ["presented a certificate that is not valid yet by this machine's clock", false]
};
function describeNetworkError(error2, host) {
  const code = String(error2?.code ?? "") || "UNKNOWN";
  if (TLS_TRUST_CODES.has(code)) {
    return new NetworkError(
      `${host} presented a TLS certificate this runner does not trust (${code}); a TLS-inspecting proxy in between is the usual cause`,
      code,
      false
    );
  }
  const known = EXPLANATIONS[code];
  if (known) return new NetworkError(`${host} ${known[0]} (${code})`, code, known[1]);
  if (/socket hang up/i.test(String(error2?.message))) {
    return new NetworkError(
      `${host} closed the connection before answering (socket hang up)`,
      "ECONNRESET",
      true
    );
  }
  const detail = error2 instanceof Error ? error2.message : String(error2);
  return new NetworkError(`request to ${host} failed: ${asClause(detail)}`, code, false);
}
function networkFix(error2, setting) {
  if (error2.code === "ENOTFOUND") return `Check ${setting}: its host name does not resolve.`;
  if (error2.code === "CERT_NOT_YET_VALID") return "Check this machine's clock (NTP): it looks behind.";
  if (error2.code === "TOO_LARGE")
    return `Check ${setting}: the answer was not one Mondoo or GitHub would send.`;
  if (TLS_TRUST_CODES.has(error2.code))
    return "Give Node the CA that signed the certificate: NODE_EXTRA_CA_CERTS=/path/to/ca.pem.";
  return "Check that the runner can reach the host (firewall, proxy settings https_proxy / no_proxy), or re-run the job.";
}
function header(response, name) {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

// src/output/escape.ts
var UNPRINTABLE = /[\p{Cc}\u2028\u2029\p{Default_Ignorable_Code_Point}]/gu;
var HASH_COMMAND = /#(#(?:vso)?\[)/giu;
var LEADING_COMMAND = /^([\s\u0085]*):(?=:)/u;
var SHORT_ESCAPES = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function escapeCodePoint(char) {
  const short = SHORT_ESCAPES[char];
  if (short !== void 0) return short;
  let escaped = "";
  for (let index = 0; index < char.length; index++) {
    escaped += `\\u${char.charCodeAt(index).toString(16).padStart(4, "0")}`;
  }
  return escaped;
}
function visible(value) {
  return value.replace(UNPRINTABLE, escapeCodePoint).replace(HASH_COMMAND, "\\u0023$1").replace(LEADING_COMMAND, "$1\\u003a");
}
function safeLines(text) {
  return text.split(/\r?\n/).map((line) => visible(line)).join("\n");
}

// src/lint/shown.ts
var shown_exports = {};
__export(shown_exports, {
  shown: () => shown
});

// src/output/display.ts
var display_exports = {};
__export(display_exports, {
  DEFAULT_LIMITS: () => DEFAULT_LIMITS,
  displayJson: () => displayJson,
  displayValue: () => displayValue,
  pruned: () => pruned
});
var DEFAULT_LIMITS = { maxDepth: 6, maxChars: 200 };
function displayJson(value, limits = DEFAULT_LIMITS) {
  const out = new Bounded(limits.maxChars);
  write(value, 0, limits.maxDepth, out);
  return visible(out.text());
}
function displayValue(value, limits = DEFAULT_LIMITS) {
  if (typeof value === "string") {
    const cut = value.length > limits.maxChars ? `${value.slice(0, limits.maxChars)}\u2026` : value;
    return visible(cut);
  }
  return displayJson(value, limits);
}
var Bounded = class {
  parts = [];
  length = 0;
  full = false;
  max;
  constructor(max) {
    this.max = max;
  }
  push(text) {
    if (this.full) return;
    if (this.length + text.length > this.max) {
      this.parts.push(text.slice(0, this.max - this.length), "\u2026");
      this.full = true;
      return;
    }
    this.parts.push(text);
    this.length += text.length;
  }
  room() {
    return this.max - this.length;
  }
  text() {
    return this.parts.join("");
  }
};
function write(value, depth, maxDepth, out) {
  if (out.full) return;
  if (Array.isArray(value)) {
    if (depth >= maxDepth) return out.push(value.length === 0 ? "[]" : "[\u2026]");
    out.push("[");
    for (let index = 0; index < value.length && !out.full; index++) {
      if (index > 0) out.push(",");
      write(value[index], depth + 1, maxDepth, out);
    }
    return out.push("]");
  }
  if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value);
    if (depth >= maxDepth) return out.push(keys.length === 0 ? "{}" : "{\u2026}");
    out.push("{");
    for (let index = 0; index < keys.length && !out.full; index++) {
      const key = keys[index];
      if (index > 0) out.push(",");
      out.push(`${JSON.stringify(key)}:`);
      write(value[key], depth + 1, maxDepth, out);
    }
    return out.push("}");
  }
  const text = typeof value === "string" && value.length > out.room() ? value.slice(0, out.room()) : value;
  out.push(JSON.stringify(text) ?? String(text));
}
function pruned(value, maxDepth = 32) {
  if (typeof value !== "object" || value === null) return value;
  const isArray = Array.isArray(value);
  if (maxDepth <= 0) return isArray ? "[\u2026]" : "{\u2026}";
  if (isArray) return value.map((item) => pruned(item, maxDepth - 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, pruned(item, maxDepth - 1)]));
}

// src/lint/shown.ts
var MAX_VALUE_CHARS = 120;
function shown(value) {
  return displayJson(value, { maxDepth: 4, maxChars: MAX_VALUE_CHARS - 1 });
}

// src/lint/fetch.ts
var MAX_DOCUMENT_BYTES = 1024 * 1024;
var MAX_REDIRECTS = 3;
var PER_FETCH_CAP_MS = 15e3;
var nowhere = () => void 0;
async function fetchJson(url, what, context, observations) {
  const chain = [url];
  let current = url;
  for (; ; ) {
    if (!URL.canParse(current)) {
      observations.push({
        rule: "fetch-url-invalid",
        message: `The ${what} URL does not parse as a URL, so it was not fetched.`,
        value: shown(current)
      });
      return void 0;
    }
    if (!current.startsWith("https://")) {
      if (chain.length > 1) observations.push(redirected(what, chain, "to a URL that is not https://"));
      observations.push({
        rule: "fetch-not-https",
        message: `The ${what} URL is not https://, so it was not fetched.`,
        value: shown(current)
      });
      return void 0;
    }
    if (context.deadline.remainingMs() <= 0) {
      observations.push({
        rule: "fetch-failed",
        message: `The ${what} was not fetched: the \`timeout\` ran out before it.`,
        value: shown(current),
        fix: "Raise `timeout`, or make the earlier requests answer faster."
      });
      return void 0;
    }
    const answer = await get(current, what, context, observations);
    if (!answer) {
      if (chain.length > 1) observations.push(redirected(what, chain, "the last URL was not fetched"));
      return void 0;
    }
    const location = header(answer, "location");
    if (answer.status >= 300 && answer.status < 400 && location !== void 0) {
      const next = resolveLocation(location, current);
      if (next === void 0) {
        observations.push(redirected(what, [...chain, location], "to a Location that is not a URL"));
        return void 0;
      }
      current = next;
      chain.push(current);
      if (chain.length - 1 > MAX_REDIRECTS) {
        observations.push(
          redirected(what, chain, `more than ${MAX_REDIRECTS} redirects; not followed further`)
        );
        return void 0;
      }
      continue;
    }
    if (chain.length > 1) observations.push(redirected(what, chain, `answered ${answer.status} at the end`));
    return readAnswer(answer, current, what, observations);
  }
}
function resolveLocation(location, base) {
  try {
    return new URL(location, base).toString();
  } catch {
    return void 0;
  }
}
function redirected(what, chain, outcome) {
  return {
    rule: "fetch-redirect",
    message: `The ${what} URL redirects (${plural(chain.length - 1, "hop")}, ${outcome}).`,
    value: chain.join(" \u2192 ")
  };
}
async function get(url, what, context, observations) {
  const started = performance.now();
  try {
    const answer = await context.send({
      method: "GET",
      url,
      headers: { accept: "application/json" },
      timeoutMs: context.deadline.requestBudgetMs(PER_FETCH_CAP_MS),
      maxBytes: MAX_DOCUMENT_BYTES,
      reuseConnection: true,
      reach: context.reach
    });
    context.records.push({
      url,
      status: answer.status,
      contentType: header(answer, "content-type"),
      bytes: Buffer.byteLength(answer.body),
      ms: Math.round(performance.now() - started)
    });
    return answer;
  } catch (error2) {
    const failure = error2 instanceof NetworkError ? error2 : new NetworkError(String(error2), "UNKNOWN", false);
    context.records.push({ url, ms: Math.round(performance.now() - started), error: failure.message });
    if (failure.refusal) {
      observations.push(refused(url, what, failure.refusal));
      return void 0;
    }
    const tooLarge = failure.code === "TOO_LARGE";
    observations.push({
      rule: tooLarge ? "fetch-too-large" : "fetch-failed",
      message: `The ${what} could not be fetched: ${asClause(failure.message)}.`,
      value: shown(url),
      fix: tooLarge ? void 0 : fetchFix(failure.code)
    });
    return void 0;
  }
}
function refused(url, what, refusal) {
  const { host, address, literal } = refusal;
  const where = literal ? `${shown(host)} is` : `${shown(host)} resolves to ${address},`;
  const kind = describeAddressClass(refusal.found);
  if (refusedForGood(refusal)) {
    return {
      rule: "fetch-address-refused",
      message: `The ${what} was not fetched: ${where} ${kind}, which lint never connects to.`,
      value: shown(url),
      fix: "Serve the provider from a public address. Link-local, cloud metadata and reserved addresses stay refused with `allow-private-hosts`: a document that points there may be after the runner's own cloud credentials."
    };
  }
  return {
    rule: "fetch-address-refused",
    message: `The ${what} was not fetched: ${where} ${kind}, and lint connects only to public addresses.`,
    value: shown(url),
    fix: "If the provider is on your own network, set `allow-private-hosts: true` (CLI: `--allow-private-hosts`) to lint it from there; whatever validates its tokens (Mondoo's cloud, Mender) must still reach it."
  };
}
function fetchFix(code) {
  if (code === "ENOTFOUND") return "Check the host name: it does not resolve.";
  if (code === "TIMEOUT")
    return "Make the server answer within seconds; validators give up sooner than this lint.";
  if (code === "CERT_HAS_EXPIRED") return "Renew the server certificate.";
  if (code === "CERT_NOT_YET_VALID")
    return "Check the server certificate's start date, and this machine's clock.";
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") return "Use a certificate issued for this host name.";
  if (isTlsTrustFailure(code)) {
    return "Use a certificate from a public CA: Mondoo's cloud will not trust a private one (NODE_EXTRA_CA_CERTS lets this lint trust it).";
  }
  return void 0;
}
function readAnswer(answer, url, what, observations) {
  if (answer.status !== 200) {
    observations.push({
      rule: "fetch-status",
      message: `The ${what} URL answered HTTP ${answer.status}.`,
      value: shown(url)
    });
    return void 0;
  }
  const contentType = header(answer, "content-type") ?? "";
  if (!/^application\/([\w.-]+\+)?json\b/i.test(contentType)) {
    observations.push({
      rule: "fetch-content-type",
      message: `The ${what} is served as ${contentType ? shown(contentType) : "no Content-Type"}.`,
      value: shown(contentType)
    });
  }
  const value = parseJson(answer.body);
  if (value === void 0) {
    observations.push({
      rule: "fetch-not-json",
      message: `The ${what} is not JSON: ${describeBody(answer.body)}.`,
      value: shown(url)
    });
    return void 0;
  }
  if (!isObject(value)) {
    observations.push({
      rule: "fetch-not-object",
      // Only the type: the content of a mis-shaped key set may be key material.
      message: `The ${what} is JSON but not an object: it is ${Array.isArray(value) ? "an array" : typeof value === "string" ? "a string" : String(typeof value)}.`,
      value: shown(url)
    });
    return void 0;
  }
  return { where: url, value, locate: nowhere };
}
function describeBody(body) {
  if (looksLikeHtml(body)) {
    const title = htmlTitle(body);
    return title ? `an HTML page titled "${visible(redactedExcerpt(title, NO_SECRETS_KNOWN, 60))}"` : "an HTML page";
  }
  const first = body.trimStart()[0];
  return body.trim() === "" ? "an empty body" : `${plural(Buffer.byteLength(body), "byte")} starting with ${JSON.stringify(first)}`;
}

// src/lint/local-file.ts
var local_file_exports = {};
__export(local_file_exports, {
  readLocalJson: () => readLocalJson,
  readRegularFile: () => readRegularFile
});
var import_node_fs = require("node:fs");

// src/lint/json-lines.ts
var MAX_DEPTH = 8;
function jsonLines(text) {
  const lines = /* @__PURE__ */ new Map();
  const stack = [];
  let line = 1;
  let pendingKey;
  let keyLine = 1;
  const valueStarts = () => {
    const parent = stack[stack.length - 1];
    if (!parent || stack.length > MAX_DEPTH) return void 0;
    if (parent.isArray) {
      const path2 = `${parent.path}/${parent.index}`;
      lines.set(path2, line);
      return path2;
    }
    const path = `${parent.path}/${escapePointer(pendingKey ?? "")}`;
    lines.set(path, keyLine);
    return path;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\n" || char === "\r" && text[i + 1] !== "\n") {
      line++;
    } else if (char === '"') {
      const end = stringEnd(text, i);
      const parent = stack[stack.length - 1];
      if (parent && !parent.isArray && pendingKey === void 0) {
        pendingKey = JSON.parse(text.slice(i, end + 1));
        keyLine = line;
      } else {
        valueStarts();
        pendingKey = void 0;
      }
      i = end;
    } else if (char === "{" || char === "[") {
      const path = stack.length === 0 ? "" : valueStarts() ?? "\0";
      pendingKey = void 0;
      stack.push({ path, index: 0, isArray: char === "[" });
    } else if (char === "}" || char === "]") {
      stack.pop();
    } else if (char === ",") {
      const parent = stack[stack.length - 1];
      if (parent?.isArray) parent.index++;
      pendingKey = void 0;
    } else if (char === ":" || char === " " || char === "	" || char === "\r") {
      continue;
    } else if (isScalarStart(char)) {
      valueStarts();
      pendingKey = void 0;
      while (i + 1 < text.length && /[\w.+-]/.test(text[i + 1] ?? "")) i++;
    }
  }
  return lines;
}
function stringEnd(text, start) {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}
function isScalarStart(char) {
  return char !== void 0 && /[-\dtfn]/.test(char);
}
function escapePointer(key) {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

// src/lint/local-file.ts
function readLocalJson(input, path, readFile, observations) {
  let text;
  try {
    text = readFile(path);
  } catch (error2) {
    const code = error2.code ?? "error";
    const problem = code === "ENOTFILE" ? `${shown(path)} is not a regular file.` : code === "ENOENT" ? `${shown(path)} does not exist (no such file).` : code === "EFBIG" ? `${shown(path)} is larger than ${MAX_DOCUMENT_BYTES} bytes; discovery documents and key sets are a few kilobytes.` : `cannot read ${shown(path)} (${code}).`;
    throw settingsError(
      input,
      problem,
      "Give the path of the JSON file, relative to the workspace (check out the repository first)."
    );
  }
  if (text.startsWith("\uFEFF")) {
    text = text.slice(1);
    observations.push({
      rule: "file-bom",
      message: `${shown(path)} starts with a UTF-8 byte order mark; it was ignored.`,
      location: { file: path, line: 1 }
    });
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error2) {
    observations.push({
      rule: "fetch-not-json",
      message: `${path} is not valid JSON.`,
      location: { file: path, line: firstBadLine(text, String(error2.message)) }
    });
    return void 0;
  }
  if (!isObject(value)) {
    observations.push({
      rule: "fetch-not-object",
      message: `${path} is JSON but not an object.`,
      location: { file: path, line: 1 }
    });
    return void 0;
  }
  const lines = jsonLines(text);
  return {
    where: path,
    value,
    locate: (pointer) => ({ file: path, line: lines.get(pointer) ?? 1 })
  };
}
function readRegularFile(path) {
  const stats = (0, import_node_fs.statSync)(path);
  if (!stats.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: "ENOTFILE" });
  if (stats.size > MAX_DOCUMENT_BYTES)
    throw Object.assign(new Error(`${path} is too large`), { code: "EFBIG" });
  return (0, import_node_fs.readFileSync)(path, "utf8");
}
function firstBadLine(text, parseError) {
  const position = /position (\d+)/.exec(parseError)?.[1];
  const offset = position !== void 0 ? Number(position) : firstStrayCharacter(text);
  return offset === void 0 ? 1 : text.slice(0, offset).split(/\r\n|\r|\n/).length;
}
function firstStrayCharacter(text) {
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? "";
    if (char === '"') {
      i = stringEnd(text, i);
    } else if (/[a-z]/i.test(char)) {
      const word = /^[a-z]+/i.exec(text.slice(i, i + 16))?.[0] ?? "";
      if (!["true", "false", "null"].includes(word) && !/^[eE]$/.test(word)) return i;
      i += word.length - 1;
    } else if (!/[\s{}[\]:,\d.+-]/.test(char)) {
      return i;
    }
  }
  return void 0;
}

// src/lint/profiles.ts
var profiles_exports = {};
__export(profiles_exports, {
  PROFILES: () => PROFILES
});
var PROFILES = ["mondoo", "mender", "oidc"];

// src/lint/well-known.ts
var well_known_exports = {};
__export(well_known_exports, {
  discoveryUrlOf: () => discoveryUrlOf,
  insertedDiscoveryUrl: () => insertedDiscoveryUrl,
  isDiscoveryUrlOf: () => isDiscoveryUrlOf,
  issuerOfWellKnownUrl: () => issuerOfWellKnownUrl
});
var WELL_KNOWN_SUFFIX = "/.well-known/openid-configuration";
function issuerOfWellKnownUrl(url) {
  return url.endsWith(WELL_KNOWN_SUFFIX) ? url.slice(0, -WELL_KNOWN_SUFFIX.length) : void 0;
}
function discoveryUrlOf(issuer) {
  return `${issuer.replace(/\/+$/, "")}${WELL_KNOWN_SUFFIX}`;
}
function insertedDiscoveryUrl(issuer) {
  let url;
  try {
    url = new URL(issuer);
  } catch {
    return void 0;
  }
  const path = url.pathname.replace(/\/+$/, "");
  return path ? `${url.origin}${WELL_KNOWN_SUFFIX}${path}` : void 0;
}
function isDiscoveryUrlOf(issuer, url) {
  const target = comparable(url);
  return target !== void 0 && [discoveryUrlOf(issuer), insertedDiscoveryUrl(issuer)].some(
    (candidate) => candidate !== void 0 && comparable(candidate) === target
  );
}
function comparable(url) {
  try {
    const parsed = new URL(url);
    parsed.search = "";
    parsed.hash = "";
    return parsed.href;
  } catch {
    return void 0;
  }
}

// src/output/markdown.ts
var markdown_exports = {};
__export(markdown_exports, {
  cellCode: () => cellCode,
  cellMessage: () => cellMessage,
  inertText: () => inertText,
  inlineCode: () => inlineCode,
  markdownTable: () => markdownTable,
  messageLines: () => messageLines,
  messageText: () => messageText
});
var MARKDOWN_PUNCTUATION = /[!-/:-@[-`{-~]/g;
function inlineCode(value) {
  return codeSpan(visible(value));
}
function cellCode(value) {
  return codeSpan(visible(value).replace(/\|/g, "\\|"));
}
function codeSpan(text) {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run2) => run2.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || text === "" ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
function inertText(text) {
  return visible(text).replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`);
}
function messageText(text) {
  return piecesOf(text, inertText, inlineCode);
}
function cellMessage(text) {
  return piecesOf(text, inertText, cellCode);
}
function piecesOf(text, prose, code) {
  const shown2 = visible(text);
  const pieces = [];
  let inQuote = false;
  let last = 0;
  for (let at = 0; at < shown2.length; at++) {
    const char = shown2[at];
    if (char === '"' && shown2[at - 1] !== "\\") inQuote = !inQuote;
    if (char !== "`" || inQuote) continue;
    const end = shown2.indexOf("`", at + 1);
    if (end <= at + 1) continue;
    pieces.push(prose(shown2.slice(last, at)), code(shown2.slice(at + 1, end)));
    last = end + 1;
    at = end;
  }
  pieces.push(prose(shown2.slice(last)));
  return pieces.join("");
}
function messageLines(text) {
  return text.split(/\r?\n/).map((line) => `${messageText(line)}  `);
}
function markdownTable(head, rows) {
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`)
  ].join("\n");
}

// src/retry.ts
var retry_exports = {};
__export(retry_exports, {
  DEFAULT_RETRY_POLICY: () => DEFAULT_RETRY_POLICY,
  Deadline: () => Deadline,
  backoffDelayMs: () => backoffDelayMs,
  parseRetryAfterMs: () => parseRetryAfterMs,
  retry: () => retry,
  retryNotice: () => retryNotice
});
var DEFAULT_RETRY_POLICY = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 8e3 };
var Deadline = class {
  totalMs;
  endsAt;
  now;
  constructor(totalMs, now = Date.now) {
    this.totalMs = totalMs;
    this.now = now;
    this.endsAt = now() + totalMs;
  }
  remainingMs() {
    return Math.max(0, this.endsAt - this.now());
  }
  /** Time for one request: what is left of the step, but never more than `capMs` (and never 0, which means "no limit"). */
  requestBudgetMs(capMs) {
    return Math.min(capMs, Math.max(1, this.remainingMs()));
  }
};
function backoffDelayMs(policy, retryNumber, random = Math.random) {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
function parseRetryAfterMs(value, nowMs = Date.now()) {
  if (!value) return void 0;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1e3;
  if (!/[A-Za-z]{3}/.test(trimmed)) return void 0;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - nowMs);
}
var NOTICE_REASON_LENGTH = 200;
function retryNotice(label, info2, redact) {
  const reason = asClause(redactedExcerpt(info2.error.message, redact, NOTICE_REASON_LENGTH));
  return `${label} attempt ${info2.attempt} failed (${reason}); retrying in ${(info2.delayMs / 1e3).toFixed(1)} s.`;
}
async function retry(attempt, options) {
  const sleep = options.sleep ?? ((ms) => new Promise((resolve2) => setTimeout(resolve2, ms)));
  const failuresByGroup = /* @__PURE__ */ new Map();
  for (let n = 1; ; n++) {
    const result = await attempt(n);
    if (result.ok) return result.value;
    if (!result.retryable) throw result.error;
    if (result.limit) {
      const failures = (failuresByGroup.get(result.limit.group) ?? 0) + 1;
      failuresByGroup.set(result.limit.group, failures);
      if (failures >= result.limit.attempts) throw withReason(result.error, result.limit.reason);
    }
    if (n >= options.policy.maxAttempts) {
      throw withReason(result.error, `${options.what} failed ${plural(n, "time")} in a row.`);
    }
    const delayMs = result.retryAfterMs ?? backoffDelayMs(options.policy, n, options.random);
    const remainingMs = options.deadline.remainingMs();
    if (delayMs >= remainingMs) {
      const asked = result.retryAfterMs !== void 0 ? ` (the server asked to wait ${Math.ceil(delayMs / 1e3)} s)` : "";
      throw withReason(
        result.error,
        `Gave up on ${options.what} after ${plural(n, "attempt")}: the next try${asked} would pass the \`timeout\` of ${Math.round(options.deadline.totalMs / 1e3)} s.`,
        "timeout"
      );
    }
    options.beforeWait?.({ delayMs, error: result.error });
    options.onRetry?.({ attempt: n, delayMs, error: result.error });
    await sleep(delayMs);
    await options.beforeRetry?.();
  }
}
function withReason(error2, reason, kind = error2.kind) {
  return new ActionError(`${error2.message}
${reason}`, {
    kind,
    fix: error2.fix ?? "Raise `timeout` if the service is slow to recover.",
    grpcStatus: error2.grpcStatus,
    cause: error2
  });
}

// src/secrets/mask-forms.ts
var mask_forms_exports = {};
__export(mask_forms_exports, {
  MIN_MASK_LENGTH: () => MIN_MASK_LENGTH,
  isMaskable: () => isMaskable,
  maskForms: () => maskForms,
  maskFormsOfAll: () => maskFormsOfAll,
  secretLines: () => secretLines
});
var MIN_MASK_LENGTH = 8;
var PEM_ARMOUR = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/;
var LINE_BREAK = /\r\n|\r|\n/;
var longEnough = (text) => text.length >= MIN_MASK_LENGTH;
function secretLines(secret) {
  return secret.split(LINE_BREAK).map((line) => line.trim()).filter((line) => line !== "" && !PEM_ARMOUR.test(line));
}
function isMaskable(secret) {
  const lines = secretLines(secret);
  if (lines.length === 0) return false;
  if (lines.length === 1) return longEnough(lines[0] ?? "");
  return lines.slice(0, -1).every(longEnough);
}
function maskForms(secret) {
  const whole = secret.trim();
  const forms = /* @__PURE__ */ new Set();
  for (const line of secretLines(whole).filter(longEnough)) {
    forms.add(line);
    forms.add(jsonEscaped(line));
  }
  if (LINE_BREAK.test(whole)) {
    forms.add(jsonEscaped(whole));
    forms.add(Buffer.from(secret, "utf8").toString("base64"));
  }
  return [...forms].filter(longEnough);
}
function maskFormsOfAll(secrets) {
  const forms = /* @__PURE__ */ new Set();
  for (const secret of secrets) for (const form of maskForms(secret)) forms.add(form);
  return [...forms];
}

// src/settings.ts
var settings_exports = {};
__export(settings_exports, {
  GITHUB_TOKEN_LIFETIME_SECONDS: () => GITHUB_TOKEN_LIFETIME_SECONDS,
  ISSUER_FROM_INPUT: () => ISSUER_FROM_INPUT,
  ISSUER_FROM_WIF_CONFIG: () => ISSUER_FROM_WIF_CONFIG,
  MIN_VALIDITY_FLOOR_SECONDS: () => MIN_VALIDITY_FLOOR_SECONDS,
  readExchangeSettings: () => readExchangeSettings,
  readSettings: () => readSettings
});

// src/input-values.ts
var MAX_TIMEOUT_SECONDS = 900;
var DEFAULT_TIMEOUT_SECONDS = 60;
function readTimeout(raw) {
  return readWholeNumber("timeout", raw, DEFAULT_TIMEOUT_SECONDS, 1, MAX_TIMEOUT_SECONDS);
}
function hasUrlScheme(value) {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}
function readWholeNumber(input, raw, fallback, min, max, unit = "seconds") {
  const value = raw.trim();
  if (value === "") return fallback;
  if (!/^\d+$/.test(value)) {
    throw settingsError(
      input,
      `"${value}" is not a whole number of ${unit}.`,
      `Use digits only, e.g. ${fallback}.`
    );
  }
  const number = Number(value);
  if (number < min || number > max) {
    throw settingsError(
      input,
      `${number} is outside ${min}..${max} ${unit}.`,
      `Use a value in that range, e.g. ${fallback}.`
    );
  }
  return number;
}
function readBoolean(input, raw, fallback) {
  const value = raw.trim().toLowerCase();
  if (value === "") return fallback;
  if (value === "true") return true;
  if (value === "false") return false;
  throw settingsError(
    input,
    `"${raw.trim()}" is not true or false.`,
    `Use \`true\` or \`false\` (default ${fallback}).`
  );
}
function readChoice(input, raw, choices, fallback) {
  const value = raw.trim().toLowerCase();
  if (value === "") return fallback;
  const choice = choices.find((candidate) => candidate === value);
  if (choice) return choice;
  throw settingsError(
    input,
    `"${raw.trim()}" is not one of ${choices.join(", ")}.`,
    `Use one of ${choices.join(", ")} (default ${fallback}).`
  );
}
function otherModeInputsWarning(getInput2, names, mode, otherMode) {
  const ignored = names.filter((name) => getInput2(name).trim() !== "");
  if (ignored.length === 0) return [];
  const named = listed(ignored.map((name) => `\`${name}\``));
  const belong = agree(ignored.length, "it is", "they are");
  return [`${mode} mode ignores ${named}: ${belong} for mode \`${otherMode}\`.`];
}

// src/lint/lint-settings.ts
var import_node_fs2 = require("node:fs");

// src/lint/target-kind.ts
function looksLikeHost(value) {
  if (/^(\.{1,2}[\\/]|[\\/~])/.test(value)) return false;
  const host = value.split("/")[0] ?? "";
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i.test(host)) return false;
  return !/\.(json|jwks|jwk|txt|ya?ml|pem)$/i.test(host);
}

// src/lint/lint-settings.ts
var FAIL_ON = ["error", "warning", "never"];
var EXCHANGE_ONLY_INPUTS = ["audience", "universe-domain", "wif-config", "token-audience"];
function readLintSettings(getInput2, pathExists = import_node_fs2.existsSync) {
  const warnings = otherModeInputsWarning(getInput2, EXCHANGE_ONLY_INPUTS, "Lint", "exchange");
  let issuer = getInput2("issuer").trim() || void 0;
  let discoveryUrl;
  const withoutSlash = issuer?.replace(/\/$/, "");
  const pastedIssuer = withoutSlash && issuerOfWellKnownUrl(withoutSlash);
  if (withoutSlash && pastedIssuer !== void 0) {
    discoveryUrl = withoutSlash;
    issuer = pastedIssuer;
    warnings.push(
      `Input \`issuer\` is a discovery URL; linting the issuer it belongs to (${issuer}, with or without a trailing slash).`
    );
  }
  if (issuer && !hasUrlScheme(issuer)) {
    if (looksLikeHost(issuer)) {
      throw settingsError(
        "issuer",
        `"${issuer}" is not a URL.`,
        `Give the full issuer URL, e.g. https://${issuer}.`
      );
    }
    throw settingsError(
      "issuer",
      `"${issuer}" is a file path, not a URL${pathExists(issuer) ? "" : ", and there is no such file"}.`,
      "To lint a local discovery document, give its path in `discovery` (relative to the workspace: check out the repository first), and in `issuer` the URL the document must name, or nothing."
    );
  }
  const discovery = getInput2("discovery").trim() || void 0;
  if (!issuer && !discovery) {
    throw settingsError(
      "issuer",
      "is required in lint mode (or `discovery`).",
      "Set `issuer` to the provider URL to lint, e.g. https://token.actions.githubusercontent.com, or `discovery` to a local discovery document."
    );
  }
  const jwks = getInput2("jwks").trim() || void 0;
  return {
    mode: "lint",
    issuer,
    discoveryUrl,
    discovery,
    jwks,
    profile: readChoice("profile", getInput2("profile"), PROFILES, "mondoo"),
    failOn: readChoice("fail-on", getInput2("fail-on"), FAIL_ON, "error"),
    report: getInput2("report").trim() || void 0,
    token: getInput2("token").trim() || void 0,
    timeoutSeconds: readTimeout(getInput2("timeout")),
    allowPrivateHosts: readBoolean("allow-private-hosts", getInput2("allow-private-hosts"), false),
    // The action has no `offline` input: there, giving both files is what makes a run offline.
    offline: readBoolean("offline", getInput2("offline"), false) || Boolean(discovery && jwks),
    warnings
  };
}

// src/universe-domain.ts
var DEFAULT_UNIVERSE_DOMAIN = "https://us.api.mondoo.com";
var EXCHANGE_PATH = "/SecureTokenService/ExchangeExternalToken";
function normalizeUniverseDomain(raw, input = "universe-domain") {
  const value = raw.trim();
  if (value === "") return DEFAULT_UNIVERSE_DOMAIN;
  const shown2 = value.replace(/\/\/[^/?#]*@/, "//***@");
  const withScheme = hasUrlScheme(value) ? value : `https://${value}`;
  let url;
  try {
    url = new URL(withScheme);
  } catch {
    throw settingsError(
      input,
      `"${shown2}" is not a URL.`,
      `Use the API base Mondoo shows as universeDomain, e.g. ${DEFAULT_UNIVERSE_DOMAIN}.`
    );
  }
  if (url.protocol === "http:") {
    throw settingsError(
      input,
      `"${shown2}" uses http://, which would send the OIDC token unencrypted.`,
      `Use https://${url.host}${apiPath(url.pathname)}.`
    );
  }
  if (url.protocol !== "https:") {
    throw settingsError(input, `"${shown2}" is not an https:// URL.`, `Use e.g. ${DEFAULT_UNIVERSE_DOMAIN}.`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw settingsError(
      input,
      "must not carry credentials, a query or a fragment.",
      `Use only the scheme and host, e.g. ${DEFAULT_UNIVERSE_DOMAIN}.`
    );
  }
  return `${url.origin}${apiPath(url.pathname)}`;
}
function apiPath(pathname) {
  const path = pathname.replace(/\/+$/, "");
  if (!path.toLowerCase().endsWith(EXCHANGE_PATH.toLowerCase())) return path;
  return path.slice(0, -EXCHANGE_PATH.length).replace(/\/+$/, "");
}
function exchangeUrl(universeDomain) {
  return `${universeDomain}${EXCHANGE_PATH}`;
}

// src/wif-config.ts
var import_node_fs3 = require("node:fs");
var INPUT = "wif-config";
function loadWifConfig(value, readFile = readUtf8, mask = () => {
}) {
  const trimmed = value.trim();
  if (trimmed.startsWith("{")) return parseWifConfig(trimmed, "the JSON text given", mask);
  let text;
  try {
    text = readFile(trimmed);
  } catch (error2) {
    const code = error2.code ?? "unreadable";
    const shown2 = looksLikePath(trimmed) ? `"${trimmed}"` : `the value (${plural(trimmed.length, "character")})`;
    throw settingsError(
      INPUT,
      `${shown2} is neither JSON text nor a readable file (${code}).`,
      "Pass the JSON Mondoo generated for the provider, or the path of the file you saved it to (relative to the job's working directory)."
    );
  }
  return parseWifConfig(text, `the file ${trimmed}`, mask);
}
function parseWifConfig(text, where, mask = () => {
}) {
  for (const match of text.matchAll(/"jwtToken"\s*:\s*"([^"\\]+)"/g)) mask(match[1] ?? "");
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error2) {
    throw settingsError(
      INPUT,
      `${where} is not valid JSON (${jsonErrorPosition(error2)}).`,
      "Paste the WIF config exactly as Mondoo generated it."
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw settingsError(
      INPUT,
      `${where} is not a JSON object.`,
      "Paste the WIF config exactly as Mondoo generated it."
    );
  }
  const config = parsed;
  const hadJwtToken = Object.hasOwn(config, "jwtToken");
  if (typeof config.jwtToken === "string" && config.jwtToken.trim() !== "") mask(config.jwtToken.trim());
  if (config.type !== "external_account") {
    throw settingsError(
      INPUT,
      `${where} has "type": ${JSON.stringify(config.type ?? null)}, not "external_account".`,
      "Use the workload identity federation config Mondoo generates for an external account, not a service-account credential."
    );
  }
  return {
    universeDomain: optionalString(config, "universeDomain", where),
    audience: optionalString(config, "audience", where),
    issuerUri: optionalString(config, "issuerUri", where),
    ...hadJwtToken ? { hadJwtToken } : {}
  };
}
function optionalString(config, key, where) {
  const value = config[key];
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "string") {
    throw settingsError(
      INPUT,
      `\`${key}\` in ${where} is not a string.`,
      "Paste the WIF config exactly as Mondoo generated it."
    );
  }
  return value.trim() || void 0;
}
var JWT_TOKEN_IN_WIF_CONFIG = "`wif-config` holds a `jwtToken`: an OIDC token, which is a secret. Its value is masked and never sent: the token exchanged is the one requested from the CI system (or handed in). Remove it from the config: anyone who can read the config can use the token while it lives, and a config passed as text that did not come from a secret may already be in the log (the GitHub runner prints a step's inputs before it starts; a shell may echo a command line).";
function looksLikePath(value) {
  return value.length <= 260 && /^[^\s{}"]+\.json$/i.test(value);
}
function jsonErrorPosition(error2) {
  const match = /position (\d+)/.exec(String(error2?.message));
  return match ? `syntax error at character ${match[1]}` : "syntax error";
}
function readUtf8(path) {
  return (0, import_node_fs3.readFileSync)(path, "utf8");
}

// src/exchange/credential.ts
var import_node_crypto2 = require("node:crypto");

// src/exchange/private-key.ts
var import_node_crypto = require("node:crypto");
var PKCS8_LABEL = "PRIVATE KEY";
var USABLE_CURVE = "secp384r1";
var CURVE_NAMES = {
  prime256v1: "P-256",
  secp384r1: "P-384",
  secp521r1: "P-521",
  secp224r1: "P-224"
};
var FORMAT_OF_LABEL = {
  "RSA PRIVATE KEY": "PKCS#1 PEM (`RSA PRIVATE KEY`), an RSA key",
  "EC PRIVATE KEY": "SEC1 PEM (`EC PRIVATE KEY`)",
  "ENCRYPTED PRIVATE KEY": "encrypted PKCS#8 PEM (`ENCRYPTED PRIVATE KEY`)",
  "OPENSSH PRIVATE KEY": "OpenSSH format (`OPENSSH PRIVATE KEY`)"
};
var NEEDED = "Mondoo's clients (cnspec, mondoo-go) need an ECDSA P-384 key in PKCS#8 PEM (`PRIVATE KEY`)";
function privateKeyProblem(pem) {
  const label = /-----BEGIN ([^\r\n]*?)-----/.exec(pem)?.[1];
  if (label === void 0) return "is not a readable PEM private key";
  if (label !== PKCS8_LABEL) {
    const format = FORMAT_OF_LABEL[label];
    if (format === void 0) {
      const shown2 = /^[A-Z0-9 ]{1,40}$/.test(label) ? visible(label) : "an unknown label";
      return `is a PEM block labelled \`${shown2}\`, not a private key in PKCS#8 PEM; ${NEEDED}`;
    }
    const curve = label === "EC PRIVATE KEY" ? curveOf(readable(pem)) : void 0;
    return `is in ${format}${curve ? ` on curve ${curve}` : ""}; ${NEEDED}`;
  }
  const key = readable(pem);
  if (key === void 0) return "is not a readable PEM private key";
  if (key.asymmetricKeyType !== "ec") return `is ${keyTypeName(key)}; ${NEEDED}`;
  if (key.asymmetricKeyDetails?.namedCurve !== USABLE_CURVE) {
    return `is an ECDSA key on curve ${curveOf(key) ?? "of unknown name"}, not P-384: Mondoo's clients sign with ES384, which takes only P-384 keys`;
  }
  return void 0;
}
function readable(pem) {
  try {
    return (0, import_node_crypto.createPrivateKey)(pem);
  } catch {
    return void 0;
  }
}
function curveOf(key) {
  const name = key?.asymmetricKeyDetails?.namedCurve;
  if (name === void 0) return void 0;
  return CURVE_NAMES[name] ?? visible(name);
}
function keyTypeName(key) {
  switch (key.asymmetricKeyType) {
    case "rsa":
      return "an RSA key";
    case "rsa-pss":
      return "an RSA-PSS key";
    case "ed25519":
      return "an Ed25519 key";
    case "ed448":
      return "an Ed448 key";
    case "dsa":
      return "a DSA key";
    default:
      return `a key of type ${visible(key.asymmetricKeyType ?? "unknown")}`;
  }
}

// src/exchange/credential.ts
var CREDENTIAL_TYPES = ["certificate", "token"];
var STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
var REQUIRED_MEMBERS = ["mrn", "api_endpoint"];
var SPACE_MEMBERS = ["scope_mrn", "space_mrn", "parent_mrn"];
var OPTIONAL_MEMBERS = [...SPACE_MEMBERS, "private_key", "certificate", "token"];
var SECRET_MEMBERS = ["private_key", "token"];
function invalid(problem) {
  return new ActionError(`Mondoo's token exchange returned an unusable credential: ${problem}.`, {
    kind: "credential-invalid",
    fix: "Nothing was exported. Re-run the job; if it persists, report it to Mondoo with the time of the failure."
  });
}
function decodeCredential(base64) {
  if (!STANDARD_BASE64.test(base64)) {
    throw invalid(
      `\`base64_credential\` is not standard padded base64 (${plural(base64.length, "character")})`
    );
  }
  const json = Buffer.from(base64, "base64").toString("utf8");
  const parsed = parseJson(json);
  if (parsed === void 0) throw invalid("`base64_credential` does not decode to JSON");
  if (!isObject(parsed)) throw invalid("`base64_credential` does not decode to a JSON object");
  const account = readMembers(parsed);
  if (spaceOf(account) === "") {
    throw invalid("it names no space (`scope_mrn`, `space_mrn` or `parent_mrn`)");
  }
  checkApiEndpoint(account.api_endpoint);
  if (account.private_key === void 0 && account.token === void 0) {
    throw invalid(
      account.certificate === void 0 ? "it has neither a `private_key` nor a `token`" : "it has a `certificate` but neither a `private_key` nor a `token`"
    );
  }
  if (account.private_key !== void 0) checkPrivateKey(account.private_key);
  if (account.certificate !== void 0) checkCertificate(account.certificate);
  if (account.token !== void 0) checkTokenMaskable(account.token);
  return { base64, json, account };
}
function spaceOf(account) {
  for (const name of SPACE_MEMBERS) {
    const value = account[name];
    if (value !== void 0) return value;
  }
  return "";
}
function credentialWarnings(account, requested) {
  const warnings = [];
  const hasKey = account.private_key !== void 0;
  if (requested === "token" && account.token === void 0) {
    warnings.push(
      "`credential-type` is `token`, but Mondoo answered with a key pair: this Mondoo service ignored the request for a token credential (`response_type: TOKEN`). The key pair was exported instead; every Mondoo client reads it."
    );
  }
  if (requested === "certificate" && !hasKey) {
    warnings.push(
      "Mondoo answered with a token credential, not a key pair: cnspec built on a recent mql reads it, but mondoo-go and the Terraform provider need a key pair."
    );
  }
  if (hasKey && account.certificate === void 0) {
    warnings.push(
      "The credential has a `private_key` but no `certificate`. Mondoo's clients sign with the key alone, so it works; the certificate only describes the key."
    );
  }
  return warnings;
}
function readMembers(parsed) {
  const account = { ...parsed };
  for (const name of REQUIRED_MEMBERS) {
    const value = parsed[name];
    if (value === void 0 || value === "") throw invalid(`it has no \`${name}\``);
    if (typeof value !== "string") throw invalid(`\`${name}\` is ${jsonTypeName(value)}, not a string`);
  }
  for (const name of OPTIONAL_MEMBERS) {
    const value = parsed[name];
    const empty = typeof value === "string" && (name === "token" ? value.trim() === "" : value === "");
    if (value === null || empty && (name === "token" || isSpaceMember(name))) {
      delete account[name];
    } else if (value !== void 0 && typeof value !== "string") {
      throw invalid(`\`${name}\` is ${jsonTypeName(value)}, not a string`);
    }
  }
  return account;
}
function isSpaceMember(name) {
  return SPACE_MEMBERS.includes(name);
}
function checkApiEndpoint(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw invalid("`api_endpoint` is not a URL");
  }
  if (url.protocol !== "https:") throw invalid("`api_endpoint` is not an https:// URL");
}
function checkPrivateKey(pem) {
  const problem = privateKeyProblem(pem);
  if (problem !== void 0) throw invalid(`\`private_key\` ${problem}`);
  if (!isMaskable(pem)) {
    throw invalid(
      `\`private_key\` has lines shorter than ${MIN_MASK_LENGTH} characters, too short to be masked in the log`
    );
  }
}
function checkCertificate(pem) {
  try {
    new import_node_crypto2.X509Certificate(pem);
  } catch {
    throw invalid("`certificate` is not a readable PEM certificate");
  }
}
function checkTokenMaskable(token) {
  if (!isMaskable(token)) {
    throw invalid(
      `\`token\` is ${plural(token.trim().length, "character")} long: below ${MIN_MASK_LENGTH}, too short to be a credential or to be masked in the log`
    );
  }
}
function credentialMaskForms(base64) {
  const json = Buffer.from(base64, "base64").toString("utf8");
  const parsed = parseJson(json);
  const members = isObject(parsed) ? SECRET_MEMBERS.flatMap((name) => textsOf(parsed[name])) : [];
  return maskFormsOfAll([base64, json, ...members]);
}
function textsOf(value) {
  if (typeof value === "string") return [value];
  if (typeof value === "number" || typeof value === "boolean") return [String(value)];
  if (Array.isArray(value)) return value.flatMap((item) => typeof item === "object" ? [] : textsOf(item));
  return isObject(value) ? Object.values(value).flatMap((item) => typeof item === "object" ? [] : textsOf(item)) : [];
}

// src/settings.ts
var MIN_VALIDITY_FLOOR_SECONDS = 180;
var MAX_MIN_VALIDITY_SECONDS = 3600;
var GITHUB_TOKEN_LIFETIME_SECONDS = 300;
var ISSUER_FROM_INPUT = "Input `issuer`";
var ISSUER_FROM_WIF_CONFIG = "`issuerUri` in `wif-config`";
var LINT_ONLY_INPUTS = ["discovery", "jwks", "report", "allow-private-hosts"];
function readSettings(getInput2, readFile, mask) {
  return readMode(getInput2("mode")) === "lint" ? readLintSettings(getInput2) : readExchangeSettings(getInput2, readFile, mask);
}
function readExchangeSettings(getInput2, readFile, mask) {
  const wifText = getInput2("wif-config").trim();
  const wif = wifText ? loadWifConfig(wifText, readFile, mask) : {};
  const setForLint = (name) => name === "allow-private-hosts" && getInput2(name).trim().toLowerCase() === "false" ? "" : getInput2(name);
  const warnings = otherModeInputsWarning(setForLint, LINT_ONLY_INPUTS, "Exchange", "lint");
  if (wif.hadJwtToken) warnings.push(JWT_TOKEN_IN_WIF_CONFIG);
  const explicitUniverse = getInput2("universe-domain").trim();
  const universeDomain = explicitUniverse ? normalizeUniverseDomain(explicitUniverse) : normalizeUniverseDomain(wif.universeDomain ?? "", "wif-config");
  const audience = getInput2("audience").trim() || wif.audience || "";
  if (!audience) {
    throw settingsError(
      "audience",
      "is required for the exchange.",
      "Set `audience` to the audience Mondoo shows for your workload identity provider, e.g. //captain.api.mondoo.app/spaces/<space-id>, or pass `wif-config`."
    );
  }
  if (!audience.startsWith("//")) {
    const from = getInput2("audience").trim() ? "Input `audience`" : "`audience` in `wif-config`";
    warnings.push(
      `${from} is "${audience}"; Mondoo audiences look like //captain.api.mondoo.app/spaces/<space-id>. If the exchange fails, copy the audience from Mondoo's provider page.`
    );
  }
  const explicitIssuer = getInput2("issuer").trim();
  const issuer = explicitIssuer || wif.issuerUri || void 0;
  const issuerSource = explicitIssuer || !wif.issuerUri ? ISSUER_FROM_INPUT : ISSUER_FROM_WIF_CONFIG;
  const token = getInput2("token").trim() || void 0;
  const explicitTokenAudience = getInput2("token-audience").trim() || void 0;
  const tokenAudience = explicitTokenAudience ?? audience;
  const minValiditySeconds = readMinValidity(getInput2("min-validity"));
  return {
    mode: "exchange",
    universeDomain,
    audience,
    issuer,
    issuerSource,
    token,
    tokenAudience,
    explicitTokenAudience,
    minValiditySeconds,
    credentialType: readChoice(
      "credential-type",
      getInput2("credential-type"),
      CREDENTIAL_TYPES,
      "certificate"
    ),
    exportEnv: readBoolean("export-env", getInput2("export-env"), true),
    timeoutSeconds: readTimeout(getInput2("timeout")),
    warnings
  };
}
function readMode(raw) {
  const value = raw.trim().toLowerCase() || "exchange";
  if (value === "exchange" || value === "lint") return value;
  throw settingsError("mode", `"${raw.trim()}" is not a mode.`, "Use `exchange` (the default) or `lint`.");
}
function readMinValidity(raw) {
  const seconds = readWholeNumber(
    "min-validity",
    raw,
    MIN_VALIDITY_FLOOR_SECONDS,
    0,
    Number.MAX_SAFE_INTEGER
  );
  if (seconds < MIN_VALIDITY_FLOOR_SECONDS) {
    throw settingsError(
      "min-validity",
      `${seconds} seconds is below the floor of ${MIN_VALIDITY_FLOOR_SECONDS}: a token needs at least 3 minutes left to reach Mondoo and be exchanged safely.`,
      `Set it to ${MIN_VALIDITY_FLOOR_SECONDS} or more, or leave it unset.`
    );
  }
  if (seconds > MAX_MIN_VALIDITY_SECONDS) {
    throw settingsError(
      "min-validity",
      `${seconds} is outside ${MIN_VALIDITY_FLOOR_SECONDS}..${MAX_MIN_VALIDITY_SECONDS} seconds.`,
      `Use ${MIN_VALIDITY_FLOOR_SECONDS} (the default) unless your tokens live longer.`
    );
  }
  return seconds;
}

// program-table:table
globalThis[/* @__PURE__ */ Symbol.for("mondoo-keyless-auth.host-modules")] = { "src/address-class.ts": address_class_exports, "src/errors.ts": errors_exports, "src/json.ts": json_exports, "src/lint/fetch.ts": fetch_exports, "src/lint/local-file.ts": local_file_exports, "src/lint/profiles.ts": profiles_exports, "src/lint/shown.ts": shown_exports, "src/lint/well-known.ts": well_known_exports, "src/output/display.ts": display_exports, "src/output/markdown.ts": markdown_exports, "src/plural.ts": plural_exports, "src/retry.ts": retry_exports, "src/secrets/mask-forms.ts": mask_forms_exports, "src/settings.ts": settings_exports, "src/version.ts": version_exports };

// src/exchange/collisions.ts
function isSet(env, name) {
  return (env[name] ?? "").trim() !== "";
}
function collisionSecrets(env) {
  return ["MONDOO_CONFIG_BASE64", "JWT_TOKEN"].filter((name) => isSet(env, name)).map((name) => (env[name] ?? "").trim());
}
function collisionWarnings(env, handover, exchangesJwtToken = false) {
  const warnings = [];
  if (isSet(env, "MONDOO_CONFIG_BASE64")) warnings.push(existingCredential(handover));
  if (isSet(env, "MONDOO_CONFIG_PATH")) warnings.push(configPath(handover));
  if (isSet(env, "JWT_TOKEN") && !exchangesJwtToken) warnings.push(jwtTokenSet(handover));
  return warnings;
}
function existingCredential(handover) {
  switch (handover) {
    case "action-export":
      return "MONDOO_CONFIG_BASE64 is already set in this step's environment (by the workflow's or job's `env:`, this step's `env:`, or an earlier step). This step's export replaces it for the later steps of this job, with two exceptions that keep the old value: a step that sets MONDOO_CONFIG_BASE64 in its own step-level `env:`, and every other job. Remove the old value (e.g. a stored secret) from those places so no stale credential wins there.";
    case "action-outputs-only":
      return "MONDOO_CONFIG_BASE64 is already set in this step's environment, and this step does not export its credential (`export-env: false`): later steps keep reading the old value unless you pass them the `credential` output as MONDOO_CONFIG_BASE64.";
    case "cli":
      return "MONDOO_CONFIG_BASE64 is already set in this environment: cnspec reads it before anything else, so assign the credential this command prints to MONDOO_CONFIG_BASE64 (as the recipes do) before cnspec runs, or cnspec keeps using the old value.";
  }
}
function configPath(handover) {
  const cnspecReads = "cnspec reads MONDOO_CONFIG_BASE64 before MONDOO_CONFIG_PATH";
  switch (handover) {
    case "action-export":
      return `MONDOO_CONFIG_PATH is set in this step's environment. ${cnspecReads}, so in the later steps of this job cnspec uses the credential this step exports and ignores the config at MONDOO_CONFIG_PATH (with a WIF config there, cnspec does no exchange of its own). Steps that set MONDOO_CONFIG_BASE64 in their own \`env:\`, and other jobs, still read it: remove MONDOO_CONFIG_PATH if this step is meant to authenticate the job.`;
    case "action-outputs-only":
      return `MONDOO_CONFIG_PATH is set in this step's environment, and this step does not export its credential (\`export-env: false\`): later steps keep using the config at MONDOO_CONFIG_PATH (with a WIF config there, cnspec exchanges a token itself and scans unauthenticated if that fails) unless you pass them the \`credential\` output as MONDOO_CONFIG_BASE64.`;
    case "cli":
      return `MONDOO_CONFIG_PATH is set in this environment. ${cnspecReads}, so once you export the credential this command prints, cnspec uses it and ignores the config at MONDOO_CONFIG_PATH; without it, cnspec falls back to that config (with a WIF config there, it exchanges a token itself and scans unauthenticated if that fails).`;
  }
}
function jwtTokenSet(handover) {
  const notRead = handover === "cli" ? "This command does not read JWT_TOKEN: pass the token with `--token-env JWT_TOKEN` if it is the one to exchange." : "This step does not read JWT_TOKEN: pass it in `token` if it is the token to exchange.";
  return `JWT_TOKEN is set (its value is masked). cnspec's own WIF exchange uses it when its config carries no token, but with the credential from MONDOO_CONFIG_BASE64 cnspec does no exchange of its own, so JWT_TOKEN goes unused there. ${notRead}`;
}

// src/exchange/audience-check.ts
function audienceWarning(claims, settings) {
  const aud = claims.aud;
  const listed2 = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
  const wanted = [settings.audience, settings.explicitTokenAudience].filter(
    (value) => value !== void 0
  );
  if (listed2.some((value) => wanted.includes(value))) return void 0;
  const shownAud = aud === void 0 ? "missing" : typeof aud === "string" ? visible(aud) : displayJson(aud);
  const named = settings.explicitTokenAudience === void 0 ? `\`audience\` (${visible(settings.audience)})` : `\`audience\` (${visible(settings.audience)}) nor \`token-audience\` (${visible(settings.explicitTokenAudience)})`;
  const subject = settings.explicitTokenAudience === void 0 ? "is not" : "is neither";
  return `The token's \`aud\` is ${shownAud}, which ${subject} ${named}. Mondoo accepts it only if the provider lists that value under its allowed audiences: add it there in Mondoo, or mint the token with the audience ${visible(settings.audience)} where the CI system allows it (GitHub's runner, GitLab's id_tokens, Buildkite's --audience, CircleCI's \`circleci run oidc get\`; Azure DevOps' tokens always carry api://AzureADTokenExchange).`;
}

// src/exchange/diagnosis.ts
var GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
var CLAIMS_SHOWN = [
  "iss",
  "sub",
  "aud",
  "exp",
  "repository",
  "ref",
  "environment",
  "workflow_ref",
  "job_workflow_ref",
  "event_name",
  "runner_environment"
];
function claimRows(claims, nowSeconds) {
  const rows = [];
  for (const name of CLAIMS_SHOWN) {
    const value = claims[name];
    if (value === void 0 || value === null || value === "") continue;
    if (name === "exp" && typeof value === "number") {
      rows.push([name, `${value} (${Math.floor(value - nowSeconds)} s left)`]);
    } else {
      rows.push([name, display(value)]);
    }
  }
  return rows;
}
function display(value) {
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return displayValue(value.join(", "));
  }
  return displayValue(value);
}
var IDENTITY_FAILURES = /* @__PURE__ */ new Set(["sts-refused", "issuer-mismatch"]);
var GITHUB_ID_FORM = /^repo:[^/:@]+@\d+\/[^:@]+@\d+:/;
var GITHUB_NAME_FORM = /^repo:[^/:@]+\/[^:@]+:/;
function hintsFor(error2, claims) {
  if (!claims || !IDENTITY_FAILURES.has(error2.kind)) return [];
  const hints = [];
  const rawSub = typeof claims.sub === "string" ? claims.sub : void 0;
  const sub = rawSub === void 0 ? void 0 : visible(rawSub);
  if (rawSub !== void 0 && sub) {
    hints.push(
      `The subject of the provider in Mondoo must match this token's \`sub\`: ${JSON.stringify(sub)}. Matching is case-sensitive: "Octo-Org" and "octo-org" are different subjects.`
    );
    const fromGitHub = typeof claims.iss === "string" && isGitHubIssuer(claims.iss);
    if (fromGitHub && (GITHUB_ID_FORM.test(rawSub) || GITHUB_NAME_FORM.test(rawSub))) {
      hints.push(subjectFormHint(rawSub, claims.repository));
    }
    if (rawSub.endsWith(":pull_request")) {
      hints.push(
        "Pull request runs carry a subject ending in `:pull_request`, not the branch form: match that subject too if pull request jobs should authenticate."
      );
    }
    if (rawSub.includes(":environment:")) {
      hints.push(
        "Jobs that use an `environment:` carry a subject with `:environment:NAME` where the branch form has `:ref:...`: match the environment subject."
      );
    }
  }
  const workflowRef = typeof claims.workflow_ref === "string" ? visible(claims.workflow_ref) : void 0;
  const jobWorkflowRef = typeof claims.job_workflow_ref === "string" ? visible(claims.job_workflow_ref) : void 0;
  if (jobWorkflowRef !== void 0 && workflowRef !== void 0 && jobWorkflowRef !== workflowRef) {
    hints.push(
      `This job runs in the reusable workflow ${JSON.stringify(jobWorkflowRef)}, called from ${JSON.stringify(workflowRef)}. The subject names the caller's repository; a condition on the reusable workflow must use \`job_workflow_ref\`.`
    );
  }
  const iss = typeof claims.iss === "string" ? visible(claims.iss) : "";
  if (iss.startsWith(`${GITHUB_ISSUER}/`)) {
    hints.push(
      `This token comes from your enterprise's own issuer ${JSON.stringify(iss)}: register that exact issuer in Mondoo, not ${GITHUB_ISSUER}.`
    );
  } else if (iss.endsWith("/_services/token")) {
    hints.push(
      `This token comes from GitHub Enterprise Server (${JSON.stringify(iss)}): register that exact issuer in Mondoo, and make sure Mondoo's cloud can reach its /.well-known/openid-configuration.`
    );
  }
  return hints;
}
function isGitHubIssuer(iss) {
  return iss === GITHUB_ISSUER || iss.startsWith(`${GITHUB_ISSUER}/`);
}
function subjectFormHint(sub, repository) {
  const repo = typeof repository === "string" && /^[^/\s]+\/[^/\s]+$/.test(repository) ? visible(repository) : "OWNER/REPO";
  const read = `\`gh api repos/${repo}/actions/oidc/customization/sub\` shows the repository's setting: its \`sub_claim_prefix\` is the prefix its tokens carry (\`use_immutable_subject\` only says whether it opted in itself).`;
  return GITHUB_ID_FORM.test(sub) ? `This token carries GitHub's immutable subject form, with owner and repository ids (\`repo:OWNER@OWNER-ID/REPO@REPO-ID:...\`): a subject written with names only (\`repo:OWNER/REPO:...\`) does not match it. ${read}` : `This token carries GitHub's subject form with names (\`repo:OWNER/REPO:...\`); repositories that GitHub moved to the immutable form (created, renamed or transferred after its cut-over, or opted in) carry \`repo:OWNER@OWNER-ID/REPO@REPO-ID:...\` instead. Match the form the token carries. ${read}`;
}

// node_modules/jose/dist/webapi/lib/buffer_utils.js
var encoder = new TextEncoder();
var decoder = new TextDecoder();
var strictDecoder = new TextDecoder("utf-8", { fatal: true });
var UINT32_RANGE = 2 ** 32;
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

// node_modules/jose/dist/webapi/util/errors.js
var JOSEError = class extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message, options) {
    super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
};
var JWTInvalid = class extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
};

// node_modules/jose/dist/webapi/util/base64url.js
var invalid2 = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), true);
  } catch (cause) {
    throw new TypeError(invalid2, { cause });
  }
}

// node_modules/jose/dist/webapi/lib/validate.js
function isObject2(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return false;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(strictDecoder.decode(decode(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message, { cause });
  }
  if (!isObject2(parsed))
    throw new ErrorClass(message);
  return parsed;
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
  const invalid3 = "Invalid Token or Protected Header formatting";
  if (typeof encodedProtectedHeader != "string" || !encodedProtectedHeader)
    throw new TypeError(invalid3);
  return parseJoseHeader(encodedProtectedHeader, TypeError, invalid3);
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
  if (!isObject2(claimsSet))
    throw new JWTInvalid("Invalid JWT Claims Set");
  return claimsSet;
}

// src/exchange/oidc-token.ts
var CLOCK_TOLERANCE_SECONDS = 60;
function parseOidcToken(jwt, from) {
  let claims;
  try {
    decodeProtectedHeader(jwt);
    claims = decodeJwt(jwt);
  } catch {
    throw new ActionError(`${from} is not a JWT (${describeShape(jwt)}).`, {
      kind: "token-invalid",
      fix: "Pass the OIDC ID token itself: three base64url parts joined by dots, as the CI system issued it."
    });
  }
  if (typeof claims.exp !== "number") {
    throw new ActionError(`${from} has no numeric \`exp\` claim, so its lifetime cannot be checked.`, {
      kind: "token-invalid",
      fix: "Use an OIDC ID token from your CI system; Mondoo requires `exp`."
    });
  }
  if (claims.iss !== void 0 && typeof claims.iss !== "string") {
    throw new ActionError(`${from} has an \`iss\` claim that is ${jsonTypeName(claims.iss)}, not a string.`, {
      kind: "token-invalid",
      fix: "Use an OIDC ID token from your CI system: its `iss` is the issuer URL, a string."
    });
  }
  if (typeof claims.iss !== "string" || claims.iss === "") {
    throw new ActionError(`${from} has no \`iss\` claim.`, {
      kind: "token-invalid",
      fix: "Use an OIDC ID token from your CI system; Mondoo matches providers by `iss`."
    });
  }
  return { jwt, claims, expiresAt: claims.exp, issuer: claims.iss };
}
function describeShape(value) {
  const parts = value.split(".").length;
  if (parts !== 3) return `it has ${plural(parts, "dot-separated part")}, a JWT has 3`;
  return "its parts do not decode to a JWT header and claims";
}
function secondsLeft(token, nowSeconds) {
  return Math.floor(token.expiresAt - nowSeconds);
}
function findValidityProblem(token, nowSeconds, minValiditySeconds) {
  const iat = token.claims.iat;
  if (typeof iat === "number" && iat - nowSeconds > CLOCK_TOLERANCE_SECONDS) {
    return { kind: "issued-in-future", seconds: Math.round(iat - nowSeconds) };
  }
  const left = secondsLeft(token, nowSeconds);
  if (left < -CLOCK_TOLERANCE_SECONDS) return { kind: "expired-long-ago", seconds: -left };
  if (left < minValiditySeconds) return { kind: "too-short", secondsLeft: left };
  return void 0;
}
function validityError(problem, from, minValiditySeconds, renewable) {
  switch (problem.kind) {
    case "issued-in-future":
      return new ActionError(
        `${from} was issued ${problem.seconds} s in the future by this machine's clock: this machine's clock looks wrong.`,
        {
          kind: "clock-skew",
          fix: "Sync this machine's clock (NTP), as on a self-hosted runner; the token is otherwise fine."
        }
      );
    case "expired-long-ago":
      return new ActionError(
        `${from} expired ${problem.seconds} s ago by this machine's clock. If it was just issued, this machine's clock looks wrong.`,
        {
          kind: "clock-skew",
          fix: "Mint the token right before use; if it was, check this machine's clock (NTP), as on a self-hosted runner."
        }
      );
    case "too-short":
      return new ActionError(
        `${from} has ${Math.max(0, problem.secondsLeft)} s left; at least ${minValiditySeconds} s (\`min-validity\`) are needed.`,
        {
          kind: "token-validity",
          // A runner token is fresh when it arrives: short twice means a clock running ahead or min-validity too high.
          fix: renewable ? "The runner issued a token this short twice: check the runner's clock (NTP), and keep `min-validity` below the token's lifetime (about 300 s on GitHub; the default 180 is what Mondoo needs)." : tooShortFix(minValiditySeconds)
        }
      );
  }
}
function tooShortFix(minValiditySeconds) {
  const fresh = "Mint the token right before use, or have a fresh one requested for you (the runner's token: leave `token` unset)";
  return minValiditySeconds > MIN_VALIDITY_FLOOR_SECONDS ? `${fresh}, or lower \`min-validity\` (now ${minValiditySeconds} s; never below ${MIN_VALIDITY_FLOOR_SECONDS}).` : `${fresh}. Mondoo needs at least ${MIN_VALIDITY_FLOOR_SECONDS} s left, the floor \`min-validity\` already has.`;
}
function resolveIssuer(configured, token, source = ISSUER_FROM_INPUT) {
  if (configured === void 0 || configured === token.issuer) return token.issuer;
  const onlySlash = configured.replace(/\/+$/, "") === token.issuer.replace(/\/+$/, "");
  const fix = source === ISSUER_FROM_WIF_CONFIG ? `This WIF config belongs to a provider for "${configured}", but the job's tokens come from "${token.issuer}": register "${token.issuer}" as the provider's issuer in Mondoo and use that provider's WIF config.` : `Set \`issuer\` to "${token.issuer}" (and register exactly that in Mondoo), or leave \`issuer\` unset to use the token's own.`;
  throw new ActionError(
    `${source} is "${configured}" but the token's \`iss\` is "${token.issuer}".${onlySlash ? " They differ only by a trailing slash, which still counts: issuers are compared byte for byte." : ""}`,
    { kind: "issuer-mismatch", fix }
  );
}

// src/runner.ts
var import_node_fs4 = require("node:fs");
function redactSecrets(text, secrets) {
  const ordered = [...secrets].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  return ordered.reduce((result, secret) => result.split(secret).join("***"), text);
}
function readEventPayload(env) {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !(0, import_node_fs4.existsSync)(path)) return void 0;
  let text;
  try {
    text = (0, import_node_fs4.readFileSync)(path, "utf8");
  } catch {
    return void 0;
  }
  const parsed = parseJson(text);
  return isObject(parsed) ? parsed : void 0;
}

// src/exchange/grpc-status.ts
var NAMES = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED"
];
function grpcStatusName(code) {
  return NAMES[code] ?? `code ${code}`;
}
function retryForCode(code) {
  switch (code) {
    case 4:
    // DEADLINE_EXCEEDED
    case 8:
    // RESOURCE_EXHAUSTED
    case 14:
      return "retry";
    case 2:
    // UNKNOWN
    case 13:
      return "once";
    default:
      return "never";
  }
}
function rangerErrorFrom(parsed) {
  if (!isObject(parsed)) return void 0;
  const { code, message } = parsed;
  if (typeof code !== "number" || !Number.isInteger(code) || code < 0 || code >= NAMES.length)
    return void 0;
  if (message !== void 0 && typeof message !== "string") return void 0;
  return { code, status: grpcStatusName(code), message: message ?? "" };
}

// src/exchange/sts-client.ts
var PER_REQUEST_TIMEOUT_MS = 3e4;
var MESSAGE_LENGTH = 300;
var ONCE_RETRIED_ATTEMPTS = 2;
function exchangeRequestBody(request) {
  return JSON.stringify({
    audience: request.audience,
    issuer_uri: request.issuer,
    jwt_token: request.jwt,
    ...request.credentialType === "token" ? { response_type: "TOKEN" } : {}
  });
}
async function postExchange(send2, request, deadline, redact) {
  const url = exchangeUrl(request.universeDomain);
  let response;
  try {
    response = await send2({
      method: "POST",
      url,
      headers: { "content-type": "application/json", accept: "application/json" },
      body: exchangeRequestBody(request),
      timeoutMs: deadline.requestBudgetMs(PER_REQUEST_TIMEOUT_MS)
    });
  } catch (error2) {
    if (!(error2 instanceof NetworkError)) throw error2;
    return {
      ok: false,
      retryable: error2.retryable,
      error: new ActionError(`Mondoo's token exchange at ${url} failed: ${asClause(error2.message)}.`, {
        kind: "network",
        fix: networkFix(
          error2,
          "`universe-domain` (e.g. https://us.api.mondoo.com or https://eu.api.mondoo.com)"
        ),
        cause: error2
      })
    };
  }
  return classifyExchangeAnswer(response, url, (text) => redact(redactSecrets(text, [request.jwt])));
}
function classifyExchangeAnswer(response, url, redact) {
  const { status, body } = response;
  if (status >= 300 && status < 400) {
    const location = quotedHeader(response, "location", redact);
    return {
      ok: false,
      retryable: false,
      error: new ActionError(
        `Mondoo's token exchange answered HTTP ${status}, a redirect${location ? ` to ${location}` : ""}. The token was not sent there: a redirect must never carry it.`,
        { kind: "sts-redirect", fix: redirectFix(location) }
      )
    };
  }
  const json = parseJson(body);
  if (status === 200) return readCredentialAnswer(body, json, response, redact);
  const retryAfterMs = parseRetryAfterMs(header(response, "retry-after"));
  const ranger = rangerErrorFrom(json);
  if (ranger) return classifyRangerError(ranger, status, retryAfterMs, redact);
  const retryable = status === 429 || status >= 500 && status !== 501;
  const kindOfBody = looksLikeHtml(body) ? "with" : json !== void 0 ? "with JSON that is not a Mondoo error," : "with a non-JSON body,";
  return {
    ok: false,
    retryable,
    retryAfterMs,
    error: new ActionError(
      `${url} answered HTTP ${status} ${kindOfBody} ${excerpt(body, redact)}. That is not Mondoo's API speaking but something in front of it (a proxy, load balancer or firewall).`,
      {
        kind: retryable ? "sts-unavailable" : "sts-bad-answer",
        fix: retryable ? "Usually passing: re-run the job. If it persists, check the proxy between the runner and Mondoo." : "Check `universe-domain` and any proxy between the runner and Mondoo."
      }
    )
  };
}
function classifyRangerError(ranger, status, retryAfterMs, redact) {
  const said = `(${ranger.status}, HTTP ${status}): ${quotedMessage(ranger.message, redact)}`;
  const policy = retryForCode(ranger.code);
  if (policy === "retry") {
    return {
      ok: false,
      retryable: true,
      retryAfterMs,
      error: new ActionError(`Mondoo could not exchange the token right now ${said}`, {
        kind: "sts-unavailable",
        grpcStatus: ranger.status,
        fix: rangerFix(ranger.status)
      })
    };
  }
  if (policy === "once") {
    return {
      ok: false,
      retryable: true,
      retryAfterMs,
      limit: {
        group: "UNKNOWN or INTERNAL",
        attempts: ONCE_RETRIED_ATTEMPTS,
        reason: `Mondoo answered UNKNOWN or INTERNAL ${ONCE_RETRIED_ATTEMPTS} times, so it was not tried again: Mondoo sends these codes for any failure of its backend, refusals that fail the same way every time included.`
      },
      error: new ActionError(`Mondoo's token exchange failed ${said}`, {
        kind: "sts-refused",
        grpcStatus: ranger.status,
        fix: "Read Mondoo's message: if it names the audience, issuer or subject, correct that (compare the claims with the provider in Mondoo). Otherwise re-run later; if it persists, contact Mondoo support with the time of the failure."
      })
    };
  }
  return {
    ok: false,
    retryable: false,
    error: new ActionError(`Mondoo refused the token ${said}`, {
      kind: "sts-refused",
      grpcStatus: ranger.status,
      fix: rangerFix(ranger.status)
    })
  };
}
function readCredentialAnswer(body, json, response, redact) {
  const notJson = (what) => ({
    ok: false,
    retryable: false,
    error: new ActionError(`Mondoo's token exchange answered 200 but ${what}.`, {
      kind: "sts-bad-answer",
      fix: "Check that `universe-domain` is the API host (e.g. https://us.api.mondoo.com), not the console."
    })
  });
  if (looksLikeHtml(body)) return notJson(`with ${excerpt(body, redact)} instead of JSON`);
  if (json === void 0) {
    const type = quotedHeader(response, "content-type", redact) ?? "no content type";
    return notJson(`its body is not JSON (${type})`);
  }
  const credential = isObject(json) ? json.base64_credential : void 0;
  if (typeof credential !== "string" || credential.trim() === "") {
    return notJson("without a `base64_credential` string in its JSON");
  }
  return { ok: true, value: credential.trim() };
}
function quotedMessage(message, redact) {
  const quoted = redactedExcerpt(message, redact, MESSAGE_LENGTH);
  return quoted === "" ? "(no message)" : quoted;
}
function quotedHeader(response, name, redact) {
  const value = header(response, name);
  return value === void 0 ? void 0 : redactedExcerpt(value, redact, HEADER_EXCERPT_LENGTH);
}
function redirectFix(location) {
  if (location) {
    try {
      const target = new URL(location);
      return `If ${target.origin} is the right Mondoo API, set \`universe-domain\` to ${target.origin}.`;
    } catch {
    }
  }
  return "Set `universe-domain` to the API base Mondoo shows (e.g. https://us.api.mondoo.com).";
}
function rangerFix(status) {
  switch (status) {
    case "UNAUTHENTICATED":
    case "PERMISSION_DENIED":
      return "Compare the token's `iss`, `aud` and `sub` claims (listed with this error) with the workload identity provider in Mondoo; they must match exactly, case included.";
    case "INVALID_ARGUMENT":
      return "Check `audience` and `issuer`: Mondoo could not read the request.";
    case "NOT_FOUND":
      return "Check `audience`: the space it names may not exist in this region (`universe-domain`).";
    case "RESOURCE_EXHAUSTED":
      return "Mondoo is rate limiting; spread jobs out or re-run later.";
    default:
      return "Re-run the job; if it persists, contact Mondoo support with the time of the failure.";
  }
}

// src/exchange/exchange.ts
async function runExchange(settings, source, io, observed) {
  const deadline = new Deadline(settings.timeoutSeconds * 1e3);
  const token = await obtainUsableToken(source, settings, io, deadline, observed);
  const issuer = resolveIssuer(settings.issuer, token, settings.issuerSource);
  const mismatch = audienceWarning(token.claims, settings);
  if (mismatch) io.log.warning(mismatch);
  const { credential, token: accepted } = await exchangeForCredential(
    source,
    token,
    issuer,
    settings,
    io,
    deadline,
    observed
  );
  const { account } = credential;
  io.log.info(`Mondoo issued service account ${visible(account.mrn)} in space ${visible(spaceOf(account))}.`);
  for (const warning2 of credentialWarnings(account, settings.credentialType)) io.log.warning(warning2);
  return { credential, token: accepted, issuer };
}
async function obtainUsableToken(source, settings, io, deadline, observed) {
  let token = await fetchToken(source, io.log, deadline);
  let problem = findValidityProblem(token, io.nowSeconds(), settings.minValiditySeconds);
  if (problem?.kind === "too-short" && source.canRemint) {
    io.log.info(`${source.label} has only ${problem.secondsLeft} s left; requesting a new one.`);
    token = await fetchToken(source, io.log, deadline);
    problem = findValidityProblem(token, io.nowSeconds(), settings.minValiditySeconds);
  }
  observed.token = token;
  logClaims(io.log, token, io.nowSeconds());
  if (problem) throw validityError(problem, source.label, settings.minValiditySeconds, source.canRemint);
  return token;
}
async function fetchToken(source, log, deadline) {
  const jwt = (await source.fetch(deadline)).trim();
  for (const form of maskForms(jwt)) log.mask(form);
  return parseOidcToken(jwt, source.label);
}
function logClaims(log, token, nowSeconds) {
  log.group("OIDC token claims (not secret)", () => {
    for (const [name, value] of claimRows(token.claims, nowSeconds)) log.info(`${name}: ${value}`);
  });
}
async function exchangeForCredential(source, firstToken, issuer, settings, io, deadline, observed) {
  let token = firstToken;
  io.log.info(`Exchanging the token at ${exchangeUrl(settings.universeDomain)} (issuer ${issuer}).`);
  const base64 = await retry(
    () => postExchange(
      io.send,
      {
        universeDomain: settings.universeDomain,
        audience: settings.audience,
        issuer,
        jwt: token.jwt,
        credentialType: settings.credentialType
      },
      deadline,
      (text) => io.log.redact(text)
    ),
    {
      what: "Mondoo's token exchange",
      policy: DEFAULT_RETRY_POLICY,
      deadline,
      onRetry: (info2) => io.log.info(retryNotice("Exchange", info2, (text) => io.log.redact(text))),
      beforeWait: ({ delayMs, error: error2 }) => refuseRetryThatOutlivesToken(source, token, io.nowSeconds() + delayMs / 1e3, settings, error2),
      beforeRetry: async () => {
        const left = secondsLeft(token, io.nowSeconds());
        if (left >= settings.minValiditySeconds) return;
        io.log.info(`The token has ${left} s left; requesting a new one before retrying.`);
        token = await obtainUsableToken(source, settings, io, deadline, observed);
        resolveIssuer(issuer, token);
      }
    }
  );
  for (const form of credentialMaskForms(base64)) io.log.mask(form);
  const credential = decodeCredential(base64);
  return { credential, token };
}
function refuseRetryThatOutlivesToken(source, token, retryAtSeconds, settings, lastError) {
  if (source.canRemint) return;
  const leftAtRetry = secondsLeft(token, retryAtSeconds);
  if (leftAtRetry >= settings.minValiditySeconds) return;
  throw new ActionError(
    `${lastError.message}
Not retried: ${source.label} would have ${Math.max(0, leftAtRetry)} s left when the retry is due, below \`min-validity\` (${settings.minValiditySeconds} s), and a token handed in cannot be renewed.`,
    {
      kind: lastError.kind,
      grpcStatus: lastError.grpcStatus,
      fix: "Mint the token immediately before use so it can survive a retry, or have a fresh one requested for you (the runner's token: leave `token` unset).",
      cause: lastError
    }
  );
}
function subjectOf(token) {
  return typeof token.claims.sub === "string" ? token.claims.sub : "";
}

// src/exchange/publish.ts
function publishToRunner(settings, runner, result) {
  const { credential, token, issuer } = result;
  const { account } = credential;
  try {
    runner.publish({
      outputs: [
        ["credential", credential.base64],
        ["service-account-mrn", account.mrn],
        ["space-mrn", spaceOf(account)],
        ["api-endpoint", account.api_endpoint],
        ["subject", subjectOf(token)],
        ["issuer", issuer]
      ],
      env: settings.exportEnv ? [["MONDOO_CONFIG_BASE64", credential.base64]] : []
    });
  } catch (error2) {
    throw new ActionError(
      `The runner would not take the credential (${error2.code ?? error2.name}); nothing was exported or set as an output.`,
      {
        kind: "runner",
        fix: "Check the runner's GITHUB_ENV and GITHUB_OUTPUT files (free disk space, permissions); re-run the job.",
        cause: error2
      }
    );
  }
  runner.info(
    settings.exportEnv ? "Exported MONDOO_CONFIG_BASE64 for the following steps of this job." : "`export-env` is false: MONDOO_CONFIG_BASE64 was not exported; use the `credential` output."
  );
}

// src/exchange/summary.ts
function successSummary(facts) {
  return [
    "### Mondoo keyless auth: authenticated",
    "",
    table(
      ["Identity", "Value"],
      [
        ["Service account", facts.account.mrn],
        ["Space", spaceOf(facts.account)],
        ["API endpoint", facts.account.api_endpoint],
        ["Subject", facts.subject],
        ["Issuer", facts.issuer]
      ]
    ),
    "",
    facts.exported ? "`MONDOO_CONFIG_BASE64` is exported for the later steps of this job." : "`MONDOO_CONFIG_BASE64` is not exported (`export-env: false`): later steps get the credential only from the `credential` output.",
    ""
  ].join("\n");
}
function failureSummary(error2, claims, nowSeconds) {
  const lines = ["### Mondoo keyless auth: failed", "", ...quote(error2.message)];
  if (error2.fix) lines.push("", `**Fix:** ${messageText(error2.fix)}`);
  if (claims) {
    lines.push(
      "",
      "#### The OIDC token this job presented",
      "",
      table(["Claim", "Value"], claimRows(claims, nowSeconds))
    );
  }
  const hints = hintsFor(error2, claims);
  if (hints.length > 0) {
    lines.push("", "#### What to check", "", ...hints.map((hint) => `- ${messageText(hint)}`));
  }
  lines.push("");
  return lines.join("\n");
}
function quote(text) {
  return messageLines(text).map((line) => `> ${line}`);
}
function table(head, rows) {
  return markdownTable(
    head,
    rows.map(([name, value]) => [name, cellCode(value)])
  );
}

// src/exchange/token-endpoint.ts
var PER_REQUEST_TIMEOUT_MS2 = 15e3;
async function requestToken(send2, endpoint, deadline, log) {
  const redact = (text) => log.redact(redactSecrets(text, [endpoint.bearer]));
  return retry((n) => attemptTokenRequest(send2, endpoint, deadline, n, redact), {
    what: endpoint.request,
    policy: DEFAULT_RETRY_POLICY,
    deadline,
    onRetry: (info2) => log.info(retryNotice(endpoint.shortName, info2, redact))
  });
}
async function attemptTokenRequest(send2, endpoint, deadline, attempt, redact) {
  let response;
  try {
    response = await send2({
      method: endpoint.method,
      url: endpoint.url,
      headers: {
        authorization: `Bearer ${endpoint.bearer}`,
        accept: "application/json",
        ...endpoint.headers
      },
      timeoutMs: deadline.requestBudgetMs(PER_REQUEST_TIMEOUT_MS2),
      maxBytes: 64 * 1024
    });
  } catch (error2) {
    if (!(error2 instanceof NetworkError)) throw error2;
    return {
      ok: false,
      // The CI system chose this host, so "no such host" is a DNS hiccup on the machine, not a typo: try again.
      retryable: error2.retryable || error2.code === "ENOTFOUND",
      error: new ActionError(`${endpoint.service} failed to answer: ${asClause(error2.message)}.`, {
        kind: "network",
        fix: networkFix(error2, endpoint.setting),
        cause: error2
      })
    };
  }
  if (response.status === 200) return { ok: true, value: tokenFromAnswer(response.body, endpoint) };
  if (response.status >= 300 && response.status < 400) {
    const found = header(response, "location");
    const location = found === void 0 ? void 0 : redactedExcerpt(found, redact, HEADER_EXCERPT_LENGTH);
    return {
      ok: false,
      retryable: false,
      error: new ActionError(
        `${endpoint.service} answered HTTP ${response.status}, a redirect${location ? ` to ${location}` : ""}; it was not followed, so the request token stayed here.`,
        { kind: "token-service", fix: endpoint.fixes.redirect }
      )
    };
  }
  const transient = endpoint.transientRefusal?.test(response.body) === true && response.status === 403;
  const retryable = response.status >= 500 || response.status === 429 || transient;
  return {
    ok: false,
    retryable,
    retryAfterMs: parseRetryAfterMs(header(response, "retry-after")),
    error: new ActionError(
      `${endpoint.service} answered HTTP ${response.status} on attempt ${attempt}: ${excerpt(response.body, redact)}`,
      { kind: "token-service", fix: retryable ? endpoint.fixes.outage : endpoint.fixes.refusal }
    )
  };
}
function tokenFromAnswer(body, endpoint) {
  const value = parseJson(body)?.[endpoint.answerField];
  if (typeof value !== "string" || value.trim() === "") {
    throw new ActionError(
      `${endpoint.service} answered 200 without a token in {"${endpoint.answerField}": ...}.`,
      { kind: "token-service", fix: endpoint.fixes.emptyAnswer }
    );
  }
  return value.trim();
}

// src/exchange/runner-token.ts
function tokenRequestUrl(requestUrl, audience) {
  const url = new URL(requestUrl);
  if (audience !== "") url.searchParams.set("audience", audience);
  return url.toString();
}
async function requestRunnerToken(send2, endpoint, audience, deadline, log) {
  return requestToken(
    send2,
    {
      service: "The runner's token service",
      shortName: "Token service",
      request: "the runner's token request",
      method: "GET",
      url: tokenRequestUrl(endpoint.requestUrl, audience),
      bearer: endpoint.requestToken,
      answerField: "value",
      setting: "the runner (ACTIONS_ID_TOKEN_REQUEST_URL)",
      transientRefusal: /pending|delayed/i,
      fixes: {
        outage: "This is usually a passing GitHub outage; re-run the job.",
        refusal: "Check that the job has `permissions: id-token: write` and that `token-audience` is a plain string.",
        redirect: "A proxy or gateway between the runner and GitHub is redirecting: exempt the token service URL (ACTIONS_ID_TOKEN_REQUEST_URL) with no_proxy.",
        emptyAnswer: "Re-run the job; if it persists on a self-hosted runner or GHES, check the runner version."
      }
    },
    deadline,
    log
  );
}

// src/exchange/token-service-hint.ts
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_review", "pull_request_review_comment"]);
function explainMissingTokenService(context) {
  if (!context.runningOnGitHub) {
    return {
      cause: "not-github",
      message: "This is not a GitHub Actions job, so there is no runner token service to ask.",
      fix: "Pass your CI system's OIDC token in the `token` input."
    };
  }
  if (context.actor === "dependabot[bot]" || senderLogin(context.event) === "dependabot[bot]") {
    return {
      cause: "dependabot",
      message: "GitHub issues no OIDC token to runs triggered by Dependabot.",
      fix: "Skip this step for Dependabot (`if: github.actor != 'dependabot[bot]'`) and authenticate on the merge to the default branch instead."
    };
  }
  if (context.eventName && PULL_REQUEST_EVENTS.has(context.eventName) && isFromFork(context.event)) {
    return {
      cause: "fork-pull-request",
      message: "This run is for a pull request from a fork, and GitHub issues no OIDC token to those runs, whatever the permissions say.",
      fix: "Skip this step for forks (`if: github.event.pull_request.head.repo.fork != true`), or scan after merge. Avoid `pull_request_target` with untrusted code."
    };
  }
  return {
    cause: "missing-permission",
    message: "The job has no OIDC token service: it lacks the `id-token: write` permission.",
    fix: "Add `permissions: { id-token: write, contents: read }` to the job (or workflow). Setting `permissions` replaces the defaults, so list `contents: read` too; a reusable workflow needs the permission granted by its caller."
  };
}
function isFromFork(event) {
  const pullRequest = asRecord(event?.pull_request);
  if (pullRequest && asRecord(pullRequest.head)?.repo === null) return true;
  const head = asRecord(asRecord(pullRequest?.head)?.repo);
  const base = asRecord(asRecord(pullRequest?.base)?.repo);
  if (typeof head?.full_name === "string" && typeof base?.full_name === "string") {
    return head.full_name !== base.full_name;
  }
  return head?.fork === true;
}
function senderLogin(event) {
  return asRecord(event?.sender)?.login;
}
function asRecord(value) {
  return isObject(value) ? value : void 0;
}

// src/exchange/token-source.ts
function chooseTokenSource(settings, log, send2, env) {
  if (settings.token !== void 0) return givenToken("The `token` input", settings.token);
  return githubRunnerToken(settings, log, send2, env);
}
function givenToken(label, jwt) {
  return { label, canRemint: false, fetch: async () => jwt };
}
function githubRunnerToken(settings, log, send2, env) {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken2 = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!requestUrl || !requestToken2) {
    const explanation = explainMissingTokenService({
      runningOnGitHub: env.GITHUB_ACTIONS === "true",
      eventName: env.GITHUB_EVENT_NAME,
      actor: env.GITHUB_ACTOR,
      event: readEventPayload(env)
    });
    throw new ActionError(explanation.message, { kind: "token-unavailable", fix: explanation.fix });
  }
  for (const form of maskForms(requestToken2)) log.mask(form);
  if (settings.minValiditySeconds >= GITHUB_TOKEN_LIFETIME_SECONDS) {
    log.warning(
      `Input \`min-validity\` is ${settings.minValiditySeconds} s, but GitHub's runner tokens live about ${GITHUB_TOKEN_LIFETIME_SECONDS} s: unless this runner issues longer-lived tokens, the step will fail. The default (180) is what Mondoo needs.`
    );
  }
  const audience = settings.tokenAudience;
  return {
    label: "The runner's OIDC token",
    canRemint: true,
    fetch: async (deadline) => {
      log.info(
        audience ? `Requesting an OIDC token from the runner for audience ${audience}.` : "Requesting an OIDC token from the runner with GitHub's default audience."
      );
      return requestRunnerToken(send2, { requestUrl, requestToken: requestToken2 }, audience, deadline, log);
    }
  };
}

// src/output/github-runner.ts
var import_node_fs5 = require("node:fs");
var import_node_path2 = require("node:path");

// node_modules/@actions/core/lib/command.js
var os = __toESM(require("os"), 1);

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
var crypto2 = __toESM(require("crypto"), 1);
var fs = __toESM(require("fs"), 1);
var os2 = __toESM(require("os"), 1);
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto2.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
var os4 = __toESM(require("os"), 1);

// node_modules/@actions/core/lib/summary.js
var import_os = require("os");
var import_fs = require("fs");
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = import_fs.promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter2(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, import_fs.constants.R_OK | import_fs.constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter2(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter2(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(import_os.EOL);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header: header2, data, colspan, rowspan } = cell;
        const tag = header2 ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
var import_os2 = __toESM(require("os"), 1);

// node_modules/@actions/io/lib/io-util.js
var fs2 = __toESM(require("fs"), 1);
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = import_os2.default.platform();
var arch = import_os2.default.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function exportVariable(name, val) {
  const convertedVal = toCommandValue(val);
  process.env[name] = convertedVal;
  const filePath = process.env["GITHUB_ENV"] || "";
  if (filePath) {
    return issueFileCommand("ENV", prepareKeyValueMessage(name, val));
  }
  issueCommand("set-env", { name }, convertedVal);
}
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}

// src/output/secret-set.ts
function maskableLines(secret) {
  return secretLines(secret).filter((line) => line.length >= MIN_MASK_LENGTH);
}
var SecretSet = class {
  forms = /* @__PURE__ */ new Set();
  register;
  constructor(register = () => {
  }) {
    this.register = register;
  }
  add(secret) {
    const lines = maskableLines(secret);
    const whole = secret.trim();
    for (const form of whole.length >= MIN_MASK_LENGTH ? [whole, ...lines] : lines) {
      if (this.forms.has(form)) continue;
      this.forms.add(form);
      if (!/[\r\n]/.test(form)) this.register(form);
    }
  }
  redact(text) {
    return redactSecrets(text, this.forms);
  }
};

// src/output/summary-limit.ts
var SUMMARY_BUDGET_BYTES = 256 * 1024;
var CUT_NOTE = "\n\n_The rest of this summary was cut to keep it under the runner's size limit: see the log._\n";
function boundedSummary(markdown, bytesAlreadyWritten) {
  const room = SUMMARY_BUDGET_BYTES - bytesAlreadyWritten;
  if (Buffer.byteLength(markdown) <= room) return markdown;
  const budget = room - Buffer.byteLength(CUT_NOTE);
  if (budget <= 0) return "";
  const kept = [];
  let used = 0;
  for (const line of markdown.split("\n")) {
    const size = Buffer.byteLength(line) + 1;
    if (used + size > budget) break;
    kept.push(line);
    used += size;
  }
  return `${kept.join("\n")}${CUT_NOTE}`;
}

// src/output/github-runner.ts
var actionInput = (name) => getInput(name);
function createGitHubRunner(env = process.env) {
  const secrets = new SecretSet((line) => setSecret(line));
  const clean = (text) => safeLines(secrets.redact(text));
  let summaryBytes = 0;
  return {
    info: (message) => info(clean(message)),
    warning: (message) => warning(clean(message)),
    annotate(level, message, where = {}) {
      const file = where.file === void 0 ? void 0 : workspaceRelative(where.file, env.GITHUB_WORKSPACE);
      const properties = {
        title: where.title === void 0 ? void 0 : visible(secrets.redact(where.title)),
        file: file === void 0 ? void 0 : visible(file),
        startLine: where.line
      };
      if (level === "error") error(clean(message), properties);
      else if (level === "warning") warning(clean(message), properties);
      else notice(clean(message), properties);
    },
    group(title, body) {
      startGroup(visible(secrets.redact(title)));
      try {
        return body();
      } finally {
        endGroup();
      }
    },
    checkCanPublish(exportEnv) {
      checkFileCommand("GITHUB_OUTPUT", env.GITHUB_OUTPUT);
      if (exportEnv) checkFileCommand("GITHUB_ENV", env.GITHUB_ENV);
      if (env.GITHUB_STEP_SUMMARY) checkFileCommand("GITHUB_STEP_SUMMARY", env.GITHUB_STEP_SUMMARY);
    },
    mask: (secret) => secrets.add(secret),
    redact: (text) => secrets.redact(text),
    publish: (publication) => publishAllOrNothing(publication, env),
    setOutput: (name, value) => setOutput(name, value),
    async appendSummary(markdown) {
      if (!env.GITHUB_STEP_SUMMARY) return;
      const bounded = boundedSummary(secrets.redact(markdown), summaryBytes);
      try {
        await summary.addRaw(bounded, true).write();
        summaryBytes += Buffer.byteLength(bounded);
      } catch (error2) {
        warning(clean(`Could not write the job summary: ${error2.message}`));
      }
    },
    fail: (message) => setFailed(clean(message))
  };
}
function publishAllOrNothing(publication, env) {
  const files = [env.GITHUB_OUTPUT, env.GITHUB_ENV].filter((path) => Boolean(path));
  const sizes = new Map(files.map((path) => [path, sizeOf(path)]));
  try {
    for (const [name, value] of publication.outputs) setOutput(name, value);
    for (const [name, value] of publication.env) exportVariable(name, value);
  } catch (error2) {
    for (const [path, size] of sizes) rollBack(path, size);
    for (const [name] of publication.env) delete process.env[name];
    throw error2;
  }
}
function sizeOf(path) {
  try {
    return (0, import_node_fs5.statSync)(path).size;
  } catch {
    return void 0;
  }
}
function rollBack(path, size) {
  try {
    if (size !== void 0 && (0, import_node_fs5.lstatSync)(path).isFile()) (0, import_node_fs5.truncateSync)(path, size);
  } catch {
  }
}
function checkFileCommand(name, path) {
  if (!path) {
    throw new ActionError(
      `${name} is not set, so the credential cannot be handed to later steps without printing it.`,
      {
        kind: "runner",
        fix: "Run the step on a current GitHub Actions runner (it provides GITHUB_OUTPUT and GITHUB_ENV), or set `export-env: false` if only GITHUB_ENV is missing."
      }
    );
  }
  const problem = fileCommandProblem(path);
  if (problem) {
    throw new ActionError(`${name} points at ${visible(path)}, which ${problem}.`, {
      kind: "runner",
      fix: "Check the runner: its file-command files must be regular files the job can write."
    });
  }
}
function fileCommandProblem(path) {
  try {
    if (!(0, import_node_fs5.statSync)(path).isFile()) return "is not a regular file";
    (0, import_node_fs5.accessSync)(path, import_node_fs5.constants.W_OK);
    return void 0;
  } catch (error2) {
    return `this step cannot write (${error2.code ?? "error"})`;
  }
}
function workspaceRelative(file, workspace) {
  const root = workspace ?? process.cwd();
  const path = (0, import_node_path2.relative)(root, (0, import_node_path2.resolve)(root, file));
  return path.startsWith("..") || (0, import_node_path2.isAbsolute)(path) ? file : path;
}

// src/main.ts
function githubIo() {
  return {
    runner: createGitHubRunner(),
    send,
    env: process.env,
    nowSeconds: () => Date.now() / 1e3,
    readFile: readRegularFile
  };
}
async function run(io = githubIo()) {
  const { runner } = io;
  const observed = {};
  for (const form of maskForms(actionInput("token"))) runner.mask(form);
  for (const form of maskFormsOfAll(collisionSecrets(io.env))) runner.mask(form);
  try {
    const settings = readSettings(actionInput, void 0, (secret) => {
      for (const form of maskForms(secret)) runner.mask(form);
    });
    for (const warning2 of settings.warnings) runner.warning(warning2);
    if (settings.mode === "lint") await (await Promise.resolve().then(() => __toESM(require("./lint.js"), 1))).runLintStep(settings, io);
    else await exchangeStep(settings, io, observed);
  } catch (caught) {
    const error2 = asActionError(caught, "this log");
    if (error2.kind !== "lint-findings") {
      await runner.appendSummary(failureSummary(error2, observed.token?.claims, io.nowSeconds()));
    }
    runner.fail(error2.describe());
  }
}
async function exchangeStep(settings, io, observed) {
  const { runner } = io;
  runner.checkCanPublish(settings.exportEnv);
  const handover = settings.exportEnv ? "action-export" : "action-outputs-only";
  for (const warning2 of collisionWarnings(io.env, handover)) runner.warning(warning2);
  const source = chooseTokenSource(settings, runner, io.send, io.env);
  const result = await runExchange(settings, source, { log: runner, ...io }, observed);
  publishToRunner(settings, runner, result);
  await runner.appendSummary(
    successSummary({
      account: result.credential.account,
      subject: subjectOf(result.token),
      issuer: result.issuer,
      exported: settings.exportEnv
    })
  );
}

// src/cli/wording.ts
var SHARED_NAMES = [
  "audience",
  "universe-domain",
  "issuer",
  "wif-config",
  "token-audience",
  "min-validity",
  "credential-type",
  "timeout",
  "profile",
  "fail-on",
  "jwks",
  "allow-private-hosts",
  "offline"
].join("|");

// src/output/terminal.ts
function exitOnceFlushed(code) {
  const exit = () => code === void 0 ? process.exit() : process.exit(code);
  process.stdout.write("", () => process.stderr.write("", exit));
}

// src/index.ts
void run().then(() => {
  exitOnceFlushed();
});
