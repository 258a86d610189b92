// Loaded with `node --require` into a process under test (the language server): records every outgoing
// socket and every name lookup that process makes, one JSON line each, to the file named by
// SECURE_GPT_NET_RECORD. Plain JS on the real `net` and `dns` modules (a compiled `import * as` would patch a
// copy). Written synchronously at each call, so a process that dies still leaves its record.
'use strict';
const dns = require('node:dns');
const fs = require('node:fs');
const net = require('node:net');

const file = process.env.SECURE_GPT_NET_RECORD;

function record(entry) {
  if (file) {
    fs.appendFileSync(file, `${JSON.stringify({ pid: process.pid, ...entry })}\n`);
  }
}

// The first line says the recorder is in this process: a record with no connections proves something only
// if the recorder was there to see them.
record({ kind: 'loaded', argv: process.argv.slice(1) });

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // net.connect() hands the socket its already-normalized arguments as one array.
  const flat = Array.isArray(args[0]) ? args[0] : args;
  const [first, second] = flat;
  if (typeof first === 'object' && first !== null) {
    record(
      first.path !== undefined
        ? { kind: 'ipc', path: first.path }
        : { kind: 'tcp', host: first.host ?? 'localhost', port: first.port },
    );
  } else if (typeof first === 'string') {
    record({ kind: 'ipc', path: first });
  } else {
    record({ kind: 'tcp', host: typeof second === 'string' ? second : 'localhost', port: first });
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  record({ kind: 'lookup', hostname });
  return lookup.call(this, hostname, ...rest);
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = function (hostname, ...rest) {
  record({ kind: 'lookup', hostname });
  return promisesLookup.call(this, hostname, ...rest);
};
