// A reference x402 resource server: express with @x402/express paymentMiddleware, an
// x402ResourceServer with @x402/evm's exact server scheme, and an HTTPFacilitatorClient pointed at
// any facilitator (the reference one or DualRail's). One priced route answers JSON.
//
// Usage: node server.mjs --facilitator http://127.0.0.1:PORT --pay-to 0x... [--port 0]
//          [--path /paid] [--price '$0.01'] [--network eip155:84532] [--max-timeout 300]
// Prints {"event":"ready","url":"http://127.0.0.1:PORT","resource":"http://127.0.0.1:PORT/paid"}.
import { HTTPFacilitatorClient } from "@x402/core/server";
import { ExactEvmScheme } from "@x402/evm/exact/server";
import { paymentMiddleware, x402ResourceServer } from "@x402/express";
import express from "express";
import { BASE_SEPOLIA_NETWORK } from "./lib/chain.mjs";
import { exitWithParent, fail, listen, parsePort, readOptions } from "./lib/process.mjs";

const options = readOptions({
  port: { type: "string", default: "0" },
  facilitator: { type: "string" },
  "pay-to": { type: "string" },
  path: { type: "string", default: "/paid" },
  price: { type: "string", default: "$0.01" },
  network: { type: "string", default: BASE_SEPOLIA_NETWORK },
  "max-timeout": { type: "string", default: "300" },
});
if (!options.facilitator || !options["pay-to"]) {
  fail("--facilitator and --pay-to are required");
}

const resourceServer = new x402ResourceServer(
  new HTTPFacilitatorClient({ url: options.facilitator }),
).register(options.network, new ExactEvmScheme());

// The middleware initializes itself too; doing it first makes an unreachable facilitator a clear
// start-up error instead of a 502 on the first request.
try {
  await resourceServer.initialize();
} catch (error) {
  fail(`facilitator ${options.facilitator} not usable: ${error?.cause?.message ?? error.message}`);
}

const routes = {
  [`GET ${options.path}`]: {
    accepts: {
      scheme: "exact",
      network: options.network,
      payTo: options["pay-to"],
      price: options.price,
      maxTimeoutSeconds: Number.parseInt(options["max-timeout"], 10),
    },
    description: "Interop test resource",
    mimeType: "application/json",
  },
};

const app = express();
app.use(paymentMiddleware(routes, resourceServer));
app.get(options.path, (_req, res) => {
  res.json({ resource: "paid content", served: true });
});
app.get("/health", (_req, res) => {
  res.json({ ok: true });
});

const server = await listen(app, parsePort(options.port), (port) => ({
  resource: `http://127.0.0.1:${port}${options.path}`,
}));
exitWithParent(() => server.close());
