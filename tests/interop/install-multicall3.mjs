// Puts Multicall3 at its canonical address on a local Anvil, as on Base Sepolia. The reference
// facilitator reads through it (tryAggregate) to explain a failed EIP-3009 simulation
// (nonce already used, insufficient balance, ...); without it every such failure reads
// "invalid_exact_evm_transaction_simulation_failed". A fresh Anvil has no Multicall3.
//
// Usage: node install-multicall3.mjs --rpc http://127.0.0.1:8545
// Prints {"event":"done","address":"0xcA11..."}.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { createPublicClient, http } from "viem";
import { emit, fail, readOptions } from "./lib/process.mjs";

const MULTICALL3 = "0xcA11bde05977b3631167028862bE2a173976CA11";

const options = readOptions({ rpc: { type: "string" } });
if (!options.rpc) {
  fail("--rpc is required");
}

// viem ships Multicall3's creation code (for its deployless calls) but does not export it.
const viemRoot = dirname(createRequire(import.meta.url).resolve("viem/package.json"));
const { multicall3Bytecode } = await import(pathToFileURL(join(viemRoot, "_esm", "constants", "contracts.js")).href);

const client = createPublicClient({ transport: http(options.rpc) });
// eth_call of creation code without a target runs the constructor and returns the runtime code.
const { data: runtime } = await client.call({ data: multicall3Bytecode });
if (!runtime || runtime === "0x") {
  fail("running Multicall3's creation code returned no runtime code");
}
await client.request({ method: "anvil_setCode", params: [MULTICALL3, runtime] });
const installed = await client.getCode({ address: MULTICALL3 });
if (installed !== runtime) {
  fail("Multicall3 code was not installed");
}
emit({ event: "done", address: MULTICALL3 });
