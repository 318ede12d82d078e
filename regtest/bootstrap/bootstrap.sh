#!/usr/bin/env bash
# One-shot set-up of the regtest stack (runs in the lnd image: bash, curl, jq, lncli).
# Lightning: mine 101 blocks to the payer, connect, open payer -> merchant, mine 6, wait until active.
# EVM: deploy the EIP-3009 test token, copy its runtime code to Base Sepolia's USDC address, mint to
# the payer. Safe to run again: every step checks first.
set -euo pipefail

: "${BITCOIND_RPC:?}" "${ANVIL_RPC:?}" "${TOKEN_ARTIFACT:?}"
CHANNEL_SAT=${CHANNEL_SAT:-5000000}
USDC=${USDC_ADDRESS:-0x036CbD53842c5426634e7929541eC2318f3dCF7e}
DEPLOYER=${DEPLOYER:-0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266}   # Anvil dev account 0
EVM_PAYER=${EVM_PAYER:-0x70997970C51812dc3A010C7d01b50e0d17dc79C8}  # Anvil dev account 1
MINT_ATOMIC=${MINT_ATOMIC:-1000000000}                              # 1000 USDC (6 decimals)

log() { echo "bootstrap: $*"; }

lncli_of() {
  local node=$1; shift
  lncli --network=regtest --rpcserver="lnd-$node:10009" \
    --tlscertpath="/lnd/$node/tls.cert" \
    --macaroonpath="/lnd/$node/data/chain/bitcoin/regtest/admin.macaroon" "$@"
}

btc() {
  local method=$1; shift
  local params; params=$(printf '%s\n' "$@" | jq -cs .)
  curl -sf --data-binary "{\"jsonrpc\":\"1.0\",\"id\":\"b\",\"method\":\"$method\",\"params\":$params}" \
    -H 'content-type: text/plain' "$BITCOIND_RPC" | jq -e '.result'
}

eth() {
  local method=$1 params=$2
  local answer; answer=$(curl -sf -H 'content-type: application/json' \
    --data-binary "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$method\",\"params\":$params}" "$ANVIL_RPC")
  if jq -e '.error' <<<"$answer" >/dev/null; then echo "$method failed: $answer" >&2; return 1; fi
  jq -r '.result' <<<"$answer"
}

wait_until() { # wait_until <seconds> <description> <command...>
  local seconds=$1 what=$2; shift 2
  for _ in $(seq "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "bootstrap: timed out waiting for $what" >&2; return 1
}

mine() { btc generatetoaddress "$1" "$2" >/dev/null; }

# ---------------------------------------------------------------- Lightning
payer_address=$(lncli_of payer newaddress p2wkh | jq -r .address)
merchant_pubkey=$(lncli_of merchant getinfo | jq -r .identity_pubkey)

if [ "$(lncli_of payer walletbalance | jq -r .confirmed_balance)" = "0" ]; then
  log "mining 101 blocks to the payer"
  mine 101 "$payer_address"
fi
wait_until 120 "payer synced with funds" bash -c \
  "[ \"\$(lncli --network=regtest --rpcserver=lnd-payer:10009 --tlscertpath=/lnd/payer/tls.cert --macaroonpath=/lnd/payer/data/chain/bitcoin/regtest/admin.macaroon walletbalance | jq -r .confirmed_balance)\" != 0 ]"
wait_until 120 "merchant synced" bash -c \
  "lncli --network=regtest --rpcserver=lnd-merchant:10009 --tlscertpath=/lnd/merchant/tls.cert --macaroonpath=/lnd/merchant/data/chain/bitcoin/regtest/admin.macaroon getinfo | jq -e .synced_to_chain"

if [ "$(lncli_of payer listchannels | jq '.channels | length')" = "0" ] \
   && [ "$(lncli_of payer pendingchannels | jq '.pending_open_channels | length')" = "0" ]; then
  log "connecting payer -> merchant ($merchant_pubkey)"
  lncli_of payer connect "$merchant_pubkey@lnd-merchant:9735" >/dev/null 2>&1 || true
  wait_until 60 "peer connection" bash -c \
    "lncli --network=regtest --rpcserver=lnd-payer:10009 --tlscertpath=/lnd/payer/tls.cert --macaroonpath=/lnd/payer/data/chain/bitcoin/regtest/admin.macaroon listpeers | jq -e '.peers | length > 0'"
  log "opening a $CHANNEL_SAT sat channel payer -> merchant"
  lncli_of payer openchannel --node_key="$merchant_pubkey" --local_amt="$CHANNEL_SAT" >/dev/null
fi
mine 6 "$payer_address"
wait_until 120 "the channel to be active on both sides" bash -c "
  lncli --network=regtest --rpcserver=lnd-payer:10009 --tlscertpath=/lnd/payer/tls.cert --macaroonpath=/lnd/payer/data/chain/bitcoin/regtest/admin.macaroon listchannels --active_only | jq -e '.channels | length > 0' &&
  lncli --network=regtest --rpcserver=lnd-merchant:10009 --tlscertpath=/lnd/merchant/tls.cert --macaroonpath=/lnd/merchant/data/chain/bitcoin/regtest/admin.macaroon listchannels --active_only | jq -e '.channels | length > 0'"
log "channel payer -> merchant is active"

# ---------------------------------------------------------------- EVM
abi_word() { printf '%064x' "$1"; }
abi_string_tail() { # length word + UTF-8 bytes right-padded to 32
  local hex; hex=$(printf '%s' "$1" | od -An -tx1 | tr -d ' \n')
  local padded=$(( (${#hex} + 63) / 64 * 64 ))
  abi_word $(( ${#hex} / 2 )); printf '%s' "$hex"; printf '%*s' $(( padded - ${#hex} )) '' | tr ' ' 0
}

if [ "$(eth eth_getCode "[\"$USDC\",\"latest\"]")" = "0x" ]; then
  # constructor(string name, string version, string symbol) = ("USDC", "2", "USDC"): Base Sepolia's EIP-712 domain.
  args="$(abi_word 96)$(abi_word 160)$(abi_word 224)$(abi_string_tail USDC)$(abi_string_tail 2)$(abi_string_tail USDC)"
  creation="$(jq -r .bytecode "$TOKEN_ARTIFACT")$args"
  tx=$(eth eth_sendTransaction "[{\"from\":\"$DEPLOYER\",\"data\":\"$creation\"}]")
  wait_until 30 "token deployment" bash -c "curl -sf -H 'content-type: application/json' --data-binary '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getTransactionReceipt\",\"params\":[\"$tx\"]}' $ANVIL_RPC | jq -e '.result.contractAddress'"
  deployed=$(eth eth_getTransactionReceipt "[\"$tx\"]" | jq -r .contractAddress)
  runtime=$(eth eth_getCode "[\"$deployed\",\"latest\"]")
  eth anvil_setCode "[\"$USDC\",\"$runtime\"]" >/dev/null
  log "token runtime installed at $USDC"
fi

balance=$(eth eth_call "[{\"to\":\"$USDC\",\"data\":\"0x70a08231$(printf '%064s' "${EVM_PAYER#0x}" | tr ' ' 0)\"},\"latest\"]")
if [ "$((16#${balance#0x}))" = "0" ]; then
  # mint(address,uint256) = 0x40c10f19
  data="0x40c10f19$(printf '%064s' "${EVM_PAYER#0x}" | tr ' ' 0)$(abi_word "$MINT_ATOMIC")"
  eth eth_sendTransaction "[{\"from\":\"$DEPLOYER\",\"to\":\"$USDC\",\"data\":\"$data\"}]" >/dev/null
  log "minted $MINT_ATOMIC atomic units to $EVM_PAYER"
fi

log "done"
