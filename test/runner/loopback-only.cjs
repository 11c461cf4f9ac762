// Preloaded into every process the tests start (and into jest itself): any connection to an
// address other than loopback throws, so no test can reach the network by accident.
'use strict';
const net = require('node:net');
const ok = (host) => host === undefined || host === null || host === '' || host === 'localhost' || host === '::1' || /^127\./.test(String(host));
const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patchedConnect(...args) {
  const first = args[0];
  let host;
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    if (first.path) return origConnect.apply(this, args);
    host = first.host;
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    host = typeof args[1] === 'string' ? args[1] : undefined;
  } else if (typeof first === 'string') {
    return origConnect.apply(this, args); // a unix socket path
  }
  if (!ok(host)) {
    const err = new Error(`test network guard: connection to ${host} refused (tests may only reach 127.0.0.1)`);
    err.code = 'ECONNREFUSED';
    process.nextTick(() => this.destroy(err));
    return this;
  }
  return origConnect.apply(this, args);
};
