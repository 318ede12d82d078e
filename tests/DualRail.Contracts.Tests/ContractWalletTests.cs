using DualRail.TestSupport;

namespace DualRail.Contracts.Tests;

/// <summary>ERC-1271: a contract wallet as the payer, through the bytes overload (as USDC V2_2 does).</summary>
public sealed class ContractWalletTests(AnvilFixture fixture) : TokenTestBase(fixture), IClassFixture<AnvilFixture>
{
    private static readonly DevAccount WalletOwner = DevAccounts.Account1;
    private static readonly DevAccount Stranger = DevAccounts.Account4;
    private static readonly DevAccount Payee = DevAccounts.Account2;
    private static readonly DevAccount Relayer = DevAccounts.Account3;

    [Fact]
    public async Task The_owners_signature_moves_the_wallets_tokens_and_a_strangers_does_not()
    {
        var wallet = await Anvil.DeployTestWalletAsync(WalletOwner.Address);
        await Anvil.MintAsync(Token, wallet, 1_000);
        var payeeBefore = await Anvil.BalanceOfAsync(Token, Payee.Address);
        var now = await Anvil.Rpc.LatestBlockTimestampAsync();
        var authorization = new TestAuthorization(wallet, Payee.Address, 250, 0, now + 3600, TestAuthorization.NewNonce());

        // eth_signTypedData_v4 signs the EIP-712 digest of the typed data; the message's "from" is the
        // wallet, the key is its owner's: exactly what the wallet's isValidSignature checks.
        var byStranger = await SignAsync(Stranger, authorization);
        var byOwner = await SignAsync(WalletOwner, authorization);

        Assert.Equal("FiatTokenV2: invalid signature", await RevertReasonAsync(Relayer, TransferBytes(authorization, byStranger.Hex)));
        await SendAsync(Relayer, TransferBytes(authorization, byOwner.Hex));

        Assert.Equal(payeeBefore + 250, await Anvil.BalanceOfAsync(Token, Payee.Address));
        Assert.Equal(750, (int)await Anvil.BalanceOfAsync(Token, wallet));
        Assert.True(await Anvil.AuthorizationStateAsync(Token, wallet, authorization.Nonce));
    }
}
