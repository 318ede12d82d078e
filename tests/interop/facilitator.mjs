// The reference x402 facilitator: @x402/core's x402Facilitator with @x402/evm's exact scheme and a
// viem wallet as relayer, served over express the way the x402 repository's example facilitator
// does (POST /verify, POST /settle, GET /supported; 400 for a missing field, 500 on an exception).
//
// Usage: node facilitator.mjs --rpc http://127.0.0.1:8545 [--port 0] [--network eip155:84532]
// Env:   RELAYER_PRIVATE_KEY (0x-hex; the account that pays gas for settlement)
// Prints {"event":"ready","url":"http://127.0.0.1:PORT","relayer":"0x..."} when listening.
import { x402Facilitator } from "@x402/core/facilitator";
import { toFacilitatorEvmSigner } from "@x402/evm";
import { registerExactEvmScheme } from "@x402/evm/exact/facilitator";
import express from "express";
import { createWalletClient, http, publicActions } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { BASE_SEPOLIA_NETWORK, localBaseSepolia } from "./lib/chain.mjs";
import { exitWithParent, fail, jsonSafe, listen, parsePort, readOptions, requireEnv } from "./lib/process.mjs";

const options = readOptions({
  port: { type: "string", default: "0" },
  rpc: { type: "string" },
  network: { type: "string", default: BASE_SEPOLIA_NETWORK },
});
if (!options.rpc) {
  fail("--rpc is required");
}

const account = privateKeyToAccount(requireEnv("RELAYER_PRIVATE_KEY"));
const wallet = createWalletClient({
  account,
  chain: localBaseSepolia(options.rpc),
  transport: http(options.rpc),
}).extend(publicActions);

const signer = toFacilitatorEvmSigner({
  address: account.address,
  getCode: (args) => wallet.getCode(args),
  readContract: (args) => wallet.readContract({ ...args, args: args.args || [] }),
  verifyTypedData: (args) => wallet.verifyTypedData(args),
  writeContract: (args) => wallet.writeContract({ ...args, args: args.args || [] }),
  sendTransaction: (args) => wallet.sendTransaction(args),
  waitForTransactionReceipt: (args) => wallet.waitForTransactionReceipt(args),
});

const facilitator = new x402Facilitator();
registerExactEvmScheme(facilitator, { signer, networks: options.network });

const app = express();
app.use(express.json());

app.post("/verify", async (req, res) => {
  const { paymentPayload, paymentRequirements } = req.body ?? {};
  if (!paymentPayload || !paymentRequirements) {
    return res.status(400).json({ error: "Missing paymentPayload or paymentRequirements" });
  }
  try {
    res.json(jsonSafe(await facilitator.verify(paymentPayload, paymentRequirements)));
  } catch (error) {
    console.error("verify error:", error);
    res.status(500).json({ error: error instanceof Error ? error.message : "Unknown error" });
  }
});

app.post("/settle", async (req, res) => {
  const { paymentPayload, paymentRequirements } = req.body ?? {};
  if (!paymentPayload || !paymentRequirements) {
    return res.status(400).json({ error: "Missing paymentPayload or paymentRequirements" });
  }
  try {
    res.json(jsonSafe(await facilitator.settle(paymentPayload, paymentRequirements)));
  } catch (error) {
    console.error("settle error:", error);
    res.status(500).json({ error: error instanceof Error ? error.message : "Unknown error" });
  }
});

app.get("/supported", (_req, res) => {
  res.json(facilitator.getSupported());
});

const server = await listen(app, parsePort(options.port), () => ({ relayer: account.address }));
exitWithParent(() => server.close());
