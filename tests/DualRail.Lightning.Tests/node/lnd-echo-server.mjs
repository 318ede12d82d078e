// A gRPC server on LND's REAL protos that echoes what it received, for wire-compatibility tests of
// our trimmed protos and client.
//   node lnd-echo-server.mjs --cert tls.cert --key tls.key
// Prints {"port":N} once listening on 127.0.0.1.
// Per call, the client may send metadata:
//   x-reply-bin   JSON of the response (LND's field names; bytes as base64; a JSON array of messages for streams)
//   x-status-bin  JSON {"code":N,"details":"..."} to fail the call with that status instead
//   x-delay-ms    wait this long before answering (deadline tests)
// Every response carries header x-echo-bin: JSON {method, request (bytes as hex), macaroon: [values]}.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import grpc from '@grpc/grpc-js';
import { loadLnd, toJson } from './lnd-protos.mjs';

const { values } = parseArgs({ options: { cert: { type: 'string' }, key: { type: 'string' } } });
const services = loadLnd();

function readJson(metadata, key) {
  const value = metadata.get(key)[0];
  return value === undefined ? undefined : JSON.parse(Buffer.from(value).toString('utf8'));
}

function echo(method, call) {
  const md = new grpc.Metadata();
  const body = { method, request: JSON.parse(toJson(call.request)), macaroon: call.metadata.get('macaroon') };
  md.set('x-echo-bin', Buffer.from(JSON.stringify(body), 'utf8'));
  call.sendMetadata(md);
}

function delayed(answer) {
  return (call, callback) => {
    const delay = Number(call.metadata.get('x-delay-ms')[0] ?? 0);
    if (delay > 0) setTimeout(() => answer(call, callback), delay);
    else answer(call, callback);
  };
}

function handler(method, definition) {
  if (definition.responseStream) {
    return delayed((call) => {
      echo(method, call);
      const status = readJson(call.metadata, 'x-status-bin');
      for (const message of readJson(call.metadata, 'x-reply-bin') ?? []) call.write(message);
      if (status) call.emit('error', status);
      else call.end();
    });
  }
  return delayed((call, callback) => {
    echo(method, call);
    const status = readJson(call.metadata, 'x-status-bin');
    if (status) callback(status);
    else callback(null, readJson(call.metadata, 'x-reply-bin') ?? {});
  });
}

const server = new grpc.Server();
for (const [name, client] of Object.entries(services)) {
  const implementation = {};
  for (const [method, definition] of Object.entries(client.service))
    implementation[method] = handler(definition.path, definition);
  server.addService(client.service, implementation);
}

const credentials = grpc.ServerCredentials.createSsl(null,
  [{ cert_chain: fs.readFileSync(values.cert), private_key: fs.readFileSync(values.key) }], false);
server.bindAsync('127.0.0.1:0', credentials, (error, port) => {
  if (error) { console.error(error.message); process.exit(1); }
  console.log(JSON.stringify({ port }));
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.forceShutdown());
