// The reference x402 client: @x402/fetch's wrapFetchWithPayment around an x402Client with only
// @x402/evm's exact client scheme (an EVM signer, nothing else).
//
// Usage: node client.mjs --url http://127.0.0.1:PORT/paid [--mode pay|inspect] [--tamper amount|expired|signature]
// Env:   PAYER_PRIVATE_KEY (0x-hex)
//
// --mode pay (default): fetches the URL, paying on a 402, and prints one line
//   {"event":"result","status":200,"body":...,"paymentResponse":{decoded PAYMENT-RESPONSE}|null,
//    "chosen":{"index":0,"requirements":{...}},"offered":{first 402, decoded},"sent":{the PaymentPayload},
//    "paymentRequired":{decoded PAYMENT-REQUIRED of the final answer if it is a 402}|null}
// --mode inspect: fetches once without paying, decodes the 402 with the reference parser and prints
//   which accepts entry the client would pay ({"chosen":{"index":..}}) and the payload it signed for it
//   ({"payload":{PaymentPayload}}), which it does not send.
// --tamper amount: signs one atomic unit less than asked, but claims the offered requirements.
// --tamper expired: signs an authorization whose validBefore is 60 s in the past.
// --tamper signature: sends a 65-byte signature that recovers to some other address.
import { decodePaymentResponseHeader, wrapFetchWithPayment, x402Client, x402HTTPClient } from "@x402/fetch";
import { registerExactEvmScheme } from "@x402/evm/exact/client";
import { privateKeyToAccount } from "viem/accounts";
import { emit, fail, jsonSafe, readOptions, requireEnv } from "./lib/process.mjs";

const options = readOptions({
  url: { type: "string" },
  mode: { type: "string", default: "pay" },
  tamper: { type: "string" },
});
if (!options.url) {
  fail("--url is required");
}
if (!["pay", "inspect"].includes(options.mode)) {
  fail(`unknown --mode ${options.mode}`);
}
if (options.tamper && !["amount", "expired", "signature"].includes(options.tamper)) {
  fail(`unknown --tamper ${options.tamper}`);
}

const account = privateKeyToAccount(requireEnv("PAYER_PRIVATE_KEY"));
const client = new x402Client();
registerExactEvmScheme(client, { signer: account });
const httpClient = new x402HTTPClient(client);

let chosen = null;
let offered = null;
let original = null;
let sent = null;
client.onBeforePaymentCreation(async ({ paymentRequired, selectedRequirements }) => {
  offered = structuredClone(paymentRequired);
  original = structuredClone(selectedRequirements);
  chosen = { index: paymentRequired.accepts.indexOf(selectedRequirements), requirements: original };
  // The selected object is what the scheme signs; change it to sign something the server did not ask.
  if (options.tamper === "amount") {
    selectedRequirements.amount = (BigInt(selectedRequirements.amount) - 1n).toString();
  } else if (options.tamper === "expired") {
    selectedRequirements.maxTimeoutSeconds = -60;
  }
});
client.onAfterPaymentCreation(async ({ paymentPayload }) => {
  if (options.tamper) {
    // Claim the requirements as offered, so the server matches them and asks its facilitator.
    paymentPayload.accepted = structuredClone(original);
  }
  if (options.tamper === "signature") {
    // Change one byte of r: still a well-formed 65-byte signature, but not the payer's.
    const signature = paymentPayload.payload.signature;
    const flipped = (Number.parseInt(signature.slice(10, 12), 16) ^ 0xff).toString(16).padStart(2, "0");
    paymentPayload.payload.signature = signature.slice(0, 10) + flipped + signature.slice(12);
  }
  sent = structuredClone(paymentPayload);
});

async function readBody(response) {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

function decodePaymentRequired(response, body) {
  try {
    return httpClient.getPaymentRequiredResponse((name) => response.headers.get(name), body);
  } catch (error) {
    return { parseError: error.message };
  }
}

async function pay() {
  const fetchWithPayment = wrapFetchWithPayment(fetch, client);
  const response = await fetchWithPayment(options.url, { method: "GET" });
  const body = await readBody(response);
  const header = response.headers.get("PAYMENT-RESPONSE") ?? response.headers.get("X-PAYMENT-RESPONSE");
  return {
    status: response.status,
    body,
    paymentResponse: header ? decodePaymentResponseHeader(header) : null,
    chosen,
    offered,
    sent,
    paymentRequired: response.status === 402 ? decodePaymentRequired(response, body) : null,
  };
}

async function inspect() {
  const response = await fetch(options.url, { method: "GET" });
  const body = await readBody(response);
  if (response.status !== 402) {
    return { status: response.status, body, paymentRequired: null, chosen: null };
  }
  const paymentRequired = httpClient.getPaymentRequiredResponse((name) => response.headers.get(name), body);
  const payload = await client.createPaymentPayload(structuredClone(paymentRequired));
  return {
    status: response.status,
    paymentRequired,
    chosen,
    payload,
  };
}

try {
  const result = options.mode === "pay" ? await pay() : await inspect();
  emit(jsonSafe({ event: "result", mode: options.mode, payer: account.address, ...result }));
} catch (error) {
  emit({ event: "result", mode: options.mode, payer: account.address, chosen, offered, error: error.message });
  process.exitCode = 2;
}
