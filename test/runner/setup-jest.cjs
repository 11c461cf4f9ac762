require('./loopback-only.cjs');
