using System.Numerics;
using DualRail.Crypto;
using DualRail.Evm;
using DualRail.Evm.Rpc;
using DualRail.Evm.Transactions;
using DualRail.Facilitator.Options;

namespace DualRail.Facilitator.Relayer;

/// <summary>
/// The facilitator's transaction-sending key. Loaded from a file or an environment variable; the key
/// never leaves this object, and no message or ToString() ever contains it.
/// </summary>
internal sealed class RelayerAccount
{
    private readonly byte[] _privateKey;

    private RelayerAccount(byte[] privateKey)
    {
        _privateKey = privateKey;
        Address = EvmAddress.FromPrivateKey(privateKey);
    }

    /// <summary>The relayer's address (ToString() is EIP-55): the <c>signers</c> entry of /supported.</summary>
    public EvmAddress Address { get; }

    public static RelayerAccount FromOptions(FacilitatorOptions options)
    {
        string source;
        string? text;
        if (!string.IsNullOrWhiteSpace(options.RelayerKeyFile))
        {
            source = $"file {options.RelayerKeyFile}";
            if (!File.Exists(options.RelayerKeyFile))
                throw new InvalidOperationException($"The relayer key {source} does not exist.");
            text = File.ReadAllText(options.RelayerKeyFile);
        }
        else
        {
            source = $"environment variable {options.RelayerKeyEnvironmentVariable}";
            text = Environment.GetEnvironmentVariable(options.RelayerKeyEnvironmentVariable);
            if (string.IsNullOrWhiteSpace(text))
                throw new InvalidOperationException($"The relayer key is missing: set the {source} or {FacilitatorOptions.SectionName}:RelayerKeyFile.");
        }

        return FromHex(text, source);
    }

    /// <summary>Parses 64 hex digits (0x optional, surrounding whitespace ignored).</summary>
    public static RelayerAccount FromHex(string text, string source = "the given text")
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            trimmed = trimmed[2..];
        // The message says what is wrong, never what was there.
        if (trimmed.Length != 64 || !Hex.TryDecode(trimmed, out var key) || !Secp256k1.IsValidPrivateKey(key))
            throw new InvalidOperationException($"The relayer key in {source} is not a secp256k1 private key (64 hex digits).");
        return new RelayerAccount(key);
    }

    /// <summary>Signs an EIP-1559 (type 2) call transaction with no value and an empty access list.</summary>
    public SignedTransaction SignTransaction(long chainId, BigInteger nonce, Eip1559Fees fees, BigInteger gasLimit, EvmAddress to, byte[] data) =>
        new Eip1559Transaction
        {
            ChainId = chainId,
            Nonce = nonce,
            MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
            MaxFeePerGas = fees.MaxFeePerGas,
            GasLimit = gasLimit,
            To = to,
            Data = data,
        }.Sign(_privateKey);

    public override string ToString() => $"Relayer {Address}";
}
