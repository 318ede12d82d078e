// A client on LND's REAL protos (npm @lightningpolar/lnd-api) that runs an invoice lifecycle against
// DualRail's LND simulator and checks every field it reads.
//   node lnd-client-check.mjs --config nodes.json
// nodes.json is the simulator's description ({nodes: {merchant: {...}, payer: {...}}}).
// Prints one JSON line of what it saw; exits 1 with the failed check otherwise.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import grpc from '@grpc/grpc-js';
import { loadLnd } from './lnd-protos.mjs';

const { values } = parseArgs({ options: { config: { type: 'string' } } });
const config = JSON.parse(fs.readFileSync(values.config, 'utf8'));
const lnd = loadLnd();

function connect(node, macaroonPath) {
  const ssl = grpc.credentials.createSsl(fs.readFileSync(node.tlsCertPath));
  const target = node.endpoint.replace('https://', '');
  if (!macaroonPath) return { target, credentials: ssl };
  const macaroon = fs.readFileSync(macaroonPath).toString('hex');
  const perCall = grpc.credentials.createFromMetadataGenerator((_, callback) => {
    const metadata = new grpc.Metadata();
    metadata.add('macaroon', macaroon);
    callback(null, metadata);
  });
  return { target, credentials: grpc.credentials.combineChannelCredentials(ssl, perCall) };
}

function clients(node, macaroonPath) {
  const { target, credentials } = connect(node, macaroonPath);
  return {
    lightning: new lnd.Lightning(target, credentials),
    invoices: new lnd.Invoices(target, credentials),
    router: new lnd.Router(target, credentials),
    state: new lnd.State(target, credentials),
  };
}

const unary = (client, method, request) => new Promise((resolve, reject) =>
  client[method](request, { deadline: Date.now() + 15000 }, (error, response) => (error ? reject(error) : resolve(response))));

function collect(call, until) {
  return new Promise((resolve, reject) => {
    const seen = [];
    call.on('data', (message) => {
      seen.push(message);
      if (until && until(message)) { call.cancel(); resolve(seen); }
    });
    call.on('error', (error) => (error.code === grpc.status.CANCELLED ? resolve(seen) : reject(error)));
    call.on('end', () => resolve(seen));
  });
}

const merchantNode = config.nodes.merchant;
const payerNode = config.nodes.payer;
const merchant = clients(merchantNode, merchantNode.macaroonPath);
const payer = clients(payerNode, payerNode.macaroonPath);
const result = {};

// GetInfo
const info = await unary(merchant.lightning, 'GetInfo', {});
assert.equal(info.identity_pubkey, merchantNode.identityPubkey);
assert.equal(info.chains.length, 1);
assert.equal(info.chains[0].network, 'regtest');
assert.match(info.alias, /not LND/);
assert.equal(info.synced_to_chain, true);
result.blockHeight = info.block_height;

// State, no macaroon needed
const noMacaroon = clients(merchantNode, null);
assert.equal((await unary(noMacaroon.state, 'GetState', {})).state, 'SERVER_ACTIVE');
await assert.rejects(unary(noMacaroon.lightning, 'GetInfo', {}),
  (error) => error.code === grpc.status.UNKNOWN && error.details === 'expected 1 macaroon, got 0');

// A first invoice, so ours has add_index >= 2 and a subscription from the one before it has a backlog.
await unary(merchant.lightning, 'AddInvoice', { memo: 'warm-up', value: '1' });

// AddInvoice with our own preimage
const preimage = crypto.randomBytes(32);
const rHash = crypto.createHash('sha256').update(preimage).digest();
const added = await unary(merchant.lightning, 'AddInvoice',
  { memo: 'node interop ☕', value_msat: '42000', expiry: '900', r_preimage: preimage });
assert.deepEqual(Buffer.from(added.r_hash), rHash);
assert.match(added.payment_request, /^lnbcrt420n1/);
assert.ok(Number(added.add_index) >= 1);
assert.equal(added.payment_addr.length, 32);
result.rHash = rHash.toString('hex');
result.addIndex = added.add_index;
result.paymentRequest = added.payment_request;

// LookupInvoice
const open = await unary(merchant.lightning, 'LookupInvoice', { r_hash: rHash });
assert.equal(open.memo, 'node interop ☕');
assert.equal(open.value, '42');
assert.equal(open.value_msat, '42000');
assert.equal(open.expiry, '900');
assert.equal(open.cltv_expiry, '80');
assert.equal(open.state, 'OPEN');
assert.equal(open.settled, false);
assert.equal(open.add_index, added.add_index);
assert.equal(open.settle_index, '0');
assert.equal(open.payment_request, added.payment_request);
assert.deepEqual(Buffer.from(open.r_preimage), preimage);
assert.deepEqual(Buffer.from(open.payment_addr), Buffer.from(added.payment_addr));

// DecodePayReq on the payer
const decoded = await unary(payer.lightning, 'DecodePayReq', { pay_req: added.payment_request });
assert.equal(decoded.destination, merchantNode.identityPubkey);
assert.equal(decoded.payment_hash, rHash.toString('hex'));
assert.equal(decoded.num_msat, '42000');
assert.equal(decoded.num_satoshis, '42');
assert.equal(decoded.description, 'node interop ☕');
assert.equal(decoded.expiry, '900');

// SubscribeInvoices from the invoice before ours: the backlog brings ours, then its settlement.
const subscription = merchant.lightning.SubscribeInvoices({ add_index: String(Number(added.add_index) - 1), settle_index: '0' });
const events = collect(subscription, (invoice) => invoice.state === 'SETTLED' && Buffer.from(invoice.r_hash).equals(rHash));
await new Promise((resolve) => subscription.once('data', resolve)); // the backlog arrived: the subscription is live

// SendPaymentV2 from the payer
const updates = await collect(payer.router.SendPaymentV2({ payment_request: added.payment_request, timeout_seconds: 60, fee_limit_sat: '10' }));
assert.deepEqual(updates.map((u) => u.status), ['IN_FLIGHT', 'SUCCEEDED']);
const done = updates.at(-1);
assert.equal(done.payment_preimage, preimage.toString('hex'));
assert.equal(done.payment_hash, rHash.toString('hex'));
assert.equal(done.value_msat, '42000');
assert.equal(done.value_sat, '42');
assert.equal(done.failure_reason, 'FAILURE_REASON_NONE');
result.paymentIndex = done.payment_index;

const seen = await events;
const settledEvent = seen.at(-1);
assert.equal(seen[0].state, 'OPEN');
assert.equal(settledEvent.amt_paid_msat, '42000');
assert.ok(Number(settledEvent.settle_index) >= 1);
result.settleIndex = settledEvent.settle_index;

// Paying again: AlreadyExists
await assert.rejects(collect(payer.router.SendPaymentV2({ payment_request: added.payment_request, timeout_seconds: 60, fee_limit_sat: '10' })),
  (error) => error.code === grpc.status.ALREADY_EXISTS && error.details === 'invoice is already paid');

// TrackPaymentV2 of the finished payment
const tracked = await collect(payer.router.TrackPaymentV2({ payment_hash: rHash, no_inflight_updates: true }));
assert.equal(tracked.at(-1).status, 'SUCCEEDED');

// Hold invoice: OPEN on SubscribeSingleInvoice (r_hash at field 2)
const holdHash = crypto.randomBytes(32);
const hold = await unary(merchant.invoices, 'AddHoldInvoice', { hash: holdHash, value_msat: '5000', memo: 'hold' });
assert.match(hold.payment_request, /^lnbcrt50n1/);
const single = await collect(merchant.invoices.SubscribeSingleInvoice({ r_hash: holdHash }), () => true);
assert.equal(single[0].state, 'OPEN');
assert.equal(single[0].add_index, hold.add_index);
const byV2 = await unary(merchant.invoices, 'LookupInvoiceV2', { payment_hash: holdHash });
assert.equal(byV2.memo, 'hold');

// ListInvoices paging
const listed = await unary(merchant.lightning, 'ListInvoices', { index_offset: String(Number(added.add_index) - 1), num_max_invoices: '1' });
assert.equal(listed.invoices.length, 1);
assert.equal(listed.first_index_offset, added.add_index);
assert.equal(listed.last_index_offset, added.add_index);
assert.equal(listed.invoices[0].state, 'SETTLED');

const balance = await unary(merchant.lightning, 'ChannelBalance', {});
result.merchantLocalMsat = balance.local_balance.msat;

console.log(JSON.stringify({ ok: true, ...result }));
process.exit(0);
