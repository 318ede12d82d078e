// The local Anvil chain seen as Base Sepolia: same chain id (84532) and USDC address, so the
// reference packages' Base Sepolia defaults (asset, EIP-712 name "USDC", version "2") apply as is.
import { defineChain } from "viem";
import { baseSepolia } from "viem/chains";

export const BASE_SEPOLIA_NETWORK = "eip155:84532";
export const BASE_SEPOLIA_USDC = "0x036CbD53842c5426634e7929541eC2318f3dCF7e";

/** Base Sepolia's chain definition with its RPC pointed at a local node. */
export function localBaseSepolia(rpcUrl) {
  return defineChain({ ...baseSepolia, rpcUrls: { default: { http: [rpcUrl] } } });
}
