// Loads LND's REAL protos as shipped by npm @lightningpolar/lnd-api (installed by `npm ci`, never committed).
import { createRequire } from 'node:module';
import path from 'node:path';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const require = createRequire(import.meta.url);
export const protosDir = path.join(path.dirname(require.resolve('@lightningpolar/lnd-api/package.json')), 'protos');

export function loadLnd() {
  const definition = protoLoader.loadSync(
    ['lightning.proto', 'stateservice.proto', 'invoicesrpc/invoices.proto', 'routerrpc/router.proto'],
    { includeDirs: [protosDir], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
  const loaded = grpc.loadPackageDefinition(definition);
  return {
    Lightning: loaded.lnrpc.Lightning,
    State: loaded.lnrpc.State,
    Invoices: loaded.invoicesrpc.Invoices,
    Router: loaded.routerrpc.Router,
  };
}

// JSON with bytes as lower-case hex, so a test can compare them to what it sent.
export function toJson(value) {
  return JSON.stringify(value, (_, v) =>
    v && v.type === 'Buffer' && Array.isArray(v.data) ? Buffer.from(v.data).toString('hex') : v);
}
