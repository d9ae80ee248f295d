// A stand-in for the network inside one process (the test's own, or a child's through
// connect-guard-preload.mjs). It records every address a socket is about to connect to, lets loopback through,
// sends an address the test routes (a stand-in for a public or private host) to loopback instead, and stops
// everything else before a packet is sent. Names resolve only through the test's own table: no DNS query
// leaves the process either. Plain JavaScript, so `node --import` can preload it without a TypeScript loader.
import dns from 'node:dns';
import net from 'node:net';

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

function isLoopback(address) {
  const family = net.isIP(address);
  // BlockList also matches ::ffff:127.x.y.z against the IPv4 range: that reaches loopback too.
  return family !== 0 && LOOPBACK.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

function blockedError(address) {
  return Object.assign(new Error(`connect guard: ${address} is not loopback; nothing leaves this machine`), {
    code: 'EGUARDED',
  });
}

/**
 * Installs the guard; returns the function that removes it.
 * names: { [hostname]: [address, ...] }, the only names that resolve.
 * routes: { [address]: loopbackAddress }, addresses to serve from loopback instead.
 * onAttempt({ host, address, port, outcome }): outcome is 'loopback', 'routed' or 'blocked'.
 * onLookup(hostname, addresses): every name resolution.
 */
export function installConnectGuard({ names = {}, routes = {}, onAttempt = () => {}, onLookup = () => {} }) {
  const original = {
    lookup: dns.lookup,
    promisesLookup: dns.promises.lookup,
    connect: net.Socket.prototype.connect,
  };

  function standInLookup(hostname, options, callback) {
    const done = typeof options === 'function' ? options : callback;
    const settings = typeof options === 'object' && options !== null ? options : {};
    const bare = String(hostname).replace(/^\[(.*)\]$/, '$1');
    const family = net.isIP(bare);
    const addresses = family
      ? [{ address: bare, family }]
      : (names[String(hostname).toLowerCase()] ?? []).map((address) => ({
          address,
          family: net.isIP(address),
        }));
    onLookup(
      hostname,
      addresses.map(({ address }) => address),
    );
    process.nextTick(() => {
      const first = addresses[0];
      if (!first) {
        done(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }));
      } else if (settings.all) done(null, addresses);
      else done(null, first.address, first.family);
    });
  }

  function judge(host, address, port) {
    if (isLoopback(address)) {
      onAttempt({ host, address, port, outcome: 'loopback' });
      return address;
    }
    const routed = routes[address];
    onAttempt({ host, address, port, outcome: routed ? 'routed' : 'blocked' });
    return routed;
  }

  dns.lookup = standInLookup;
  dns.promises.lookup = (hostname, options = {}) =>
    new Promise((resolve, reject) =>
      standInLookup(hostname, options, (error, address, family) => {
        if (error) reject(error);
        else resolve(options.all ? address : { address, family });
      }),
    );

  net.Socket.prototype.connect = function guardedConnect(...args) {
    // net.connect passes its normalised [options, callback] pair as one array.
    const [first, second] = Array.isArray(args[0]) ? args[0] : args;
    if (typeof first !== 'object' || first === null) {
      // connect(port, host) or connect(path): nothing in this project connects that way.
      process.nextTick(() => this.destroy(blockedError(String(first))));
      return this;
    }
    const callback = typeof second === 'function' ? second : undefined;
    if (first.path) return original.connect.call(this, first, callback);
    const host = first.host ?? 'localhost';
    const port = first.port;
    const bare = String(host).replace(/^\[(.*)\]$/, '$1');
    if (net.isIP(bare)) {
      const target = judge(host, bare, port);
      if (!target) {
        process.nextTick(() => this.destroy(blockedError(bare)));
        return this;
      }
      return original.connect.call(this, { ...first, host: target }, callback);
    }
    const inner = first.lookup ?? standInLookup;
    const lookup = (name, options, done) =>
      inner(name, options, (error, address, family) => {
        if (error) return done(error);
        const found = Array.isArray(address) ? address : [{ address, family }];
        const targets = [];
        for (const one of found) {
          const target = judge(name, one.address, port);
          if (!target) return done(blockedError(one.address));
          targets.push({ address: target, family: net.isIP(target) });
        }
        if (options.all) done(null, targets);
        else done(null, targets[0].address, targets[0].family);
      });
    return original.connect.call(this, { ...first, lookup }, callback);
  };

  return () => {
    dns.lookup = original.lookup;
    dns.promises.lookup = original.promisesLookup;
    net.Socket.prototype.connect = original.connect;
  };
}
