// Preloaded with `node --import` into a run of a built bundle: records which files and Node built-ins the
// process had loaded at the moment it first opened a socket (the first request, before a byte is sent), and
// at exit, as JSON in the file LOADED_RECORD names. Taken from inside the process by a hook the bundle cannot
// see, so it shows what the bundle loaded before its first request, not what it claims to have loaded.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';

const requireCache = createRequire(import.meta.url).cache;

/** Files the CommonJS loader has evaluated, and every built-in module Node has loaded so far. */
function snapshot() {
  return { files: Object.keys(requireCache), builtins: [...process.moduleLoadList] };
}

let atFirstConnect;
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function recordFirst(...args) {
  atFirstConnect ??= snapshot();
  return connect.apply(this, args);
};

process.on('exit', () => {
  writeFileSync(process.env.LOADED_RECORD, JSON.stringify({ atFirstConnect, atExit: snapshot() }));
});
