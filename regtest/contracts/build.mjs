// Compiles the sandbox contracts with the pinned npm solc (standard JSON, fixed settings) and writes
// one artifact per contract to out/: { contractName, compiler, settings, abi, bytecode,
// deployedBytecode, methodIdentifiers }.
//
//   node regtest/contracts/build.mjs              writes regtest/contracts/out/*.json
//   node regtest/contracts/build.mjs --out DIR    writes to DIR instead (the up-to-date test uses this)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const solc = require("solc");

const sources = ["DualRailToken.sol", "DualRailTestWallet.sol"];
const settings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: "cancun",
  outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object", "evm.methodIdentifiers"] } },
};

const outFlag = process.argv.indexOf("--out");
const outDir = outFlag >= 0 ? resolve(process.argv[outFlag + 1]) : join(here, "out");

const input = {
  language: "Solidity",
  sources: Object.fromEntries(sources.map((file) => [file, { content: readFileSync(join(here, file), "utf8") }])),
  settings,
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));

const errors = (output.errors ?? []).filter((e) => e.severity === "error");
for (const diagnostic of output.errors ?? []) console.error(diagnostic.formattedMessage);
if (errors.length > 0) process.exit(1);

mkdirSync(outDir, { recursive: true });
for (const file of sources) {
  for (const [contractName, contract] of Object.entries(output.contracts[file])) {
    const artifact = {
      contractName,
      sourceName: file,
      compiler: { name: "solc", version: solc.version() },
      settings: { optimizer: settings.optimizer, evmVersion: settings.evmVersion },
      abi: contract.abi,
      bytecode: "0x" + contract.evm.bytecode.object,
      deployedBytecode: "0x" + contract.evm.deployedBytecode.object,
      methodIdentifiers: contract.evm.methodIdentifiers,
    };
    const path = join(outDir, `${contractName}.json`);
    writeFileSync(path, JSON.stringify(artifact, null, 2) + "\n");
    console.log(`wrote ${path}`);
  }
}
