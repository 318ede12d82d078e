using System.Numerics;
using DualRail.Crypto;

namespace DualRail.Evm.Rpc;

/// <summary>Anvil/Hardhat test-chain methods, for tests and the sandbox. Real nodes refuse them.</summary>
public static class DevChainRpcExtensions
{
    /// <summary>anvil_setCode: installs runtime code at an address (no constructor runs).</summary>
    public static Task SetCodeAsync(this JsonRpcClient client, EvmAddress address, ReadOnlyMemory<byte> runtimeCode, CancellationToken cancellationToken = default) =>
        client.SendAsync("anvil_setCode", [address.ToLowerHex(), Hex.Encode(runtimeCode.Span, withPrefix: true)], cancellationToken);

    /// <summary>anvil_setBalance in wei.</summary>
    public static Task SetBalanceAsync(this JsonRpcClient client, EvmAddress address, BigInteger wei, CancellationToken cancellationToken = default) =>
        client.SendAsync("anvil_setBalance", [address.ToLowerHex(), HexQuantity.Format(wei)], cancellationToken);

    /// <summary>evm_mine: mines one block now.</summary>
    public static Task MineAsync(this JsonRpcClient client, CancellationToken cancellationToken = default) =>
        client.SendAsync("evm_mine", [], cancellationToken);

    /// <summary>evm_setNextBlockTimestamp (unix seconds).</summary>
    public static Task SetNextBlockTimestampAsync(this JsonRpcClient client, long timestamp, CancellationToken cancellationToken = default) =>
        client.SendAsync("evm_setNextBlockTimestamp", [timestamp], cancellationToken);

    /// <summary>evm_increaseTime by whole seconds.</summary>
    public static Task IncreaseTimeAsync(this JsonRpcClient client, long seconds, CancellationToken cancellationToken = default) =>
        client.SendAsync("evm_increaseTime", [seconds], cancellationToken);
}
