using System.Numerics;
using System.Security.Cryptography;
using DualRail.TestSupport;

namespace DualRail.Contracts.Tests;

public sealed class Erc20Tests(AnvilFixture fixture) : TokenTestBase(fixture), IClassFixture<AnvilFixture>
{
    private static readonly DevAccount Owner = DevAccounts.Account1;
    private static readonly DevAccount Spender = DevAccounts.Account2;

    [Fact]
    public async Task Transfer_moves_balance_and_refuses_more_than_the_balance()
    {
        var recipient = RandomAddress();
        await Anvil.MintAsync(Token, Owner.Address, 1_000);
        var ownerBefore = await Anvil.BalanceOfAsync(Token, Owner.Address);

        await SendAsync(Owner, TestAbi.Call(TokenAbi.Selector("transfer(address,uint256)"), TestAbi.Address(recipient), TestAbi.Uint(400)));

        Assert.Equal(400, (int)await Anvil.BalanceOfAsync(Token, recipient));
        Assert.Equal(ownerBefore - 400, await Anvil.BalanceOfAsync(Token, Owner.Address));
        Assert.Equal(
            "ERC20: transfer amount exceeds balance",
            await RevertReasonAsync(Owner, TestAbi.Call(TokenAbi.Selector("transfer(address,uint256)"), TestAbi.Address(recipient), TestAbi.Uint(ownerBefore))));
        Assert.Equal(
            "ERC20: transfer to the zero address",
            await RevertReasonAsync(Owner, TestAbi.Call(TokenAbi.Selector("transfer(address,uint256)"), TestAbi.Address("0x0000000000000000000000000000000000000000"), TestAbi.Uint(1))));
    }

    [Fact]
    public async Task Approve_and_transferFrom_spend_the_allowance()
    {
        var recipient = RandomAddress();
        await Anvil.MintAsync(Token, Owner.Address, 1_000);

        await SendAsync(Owner, TestAbi.Call(TokenAbi.Selector("approve(address,uint256)"), TestAbi.Address(Spender.Address), TestAbi.Uint(300)));
        Assert.Equal(new BigInteger(300), await Allowance());

        var transferFrom = TokenAbi.Selector("transferFrom(address,address,uint256)");
        await SendAsync(Spender, TestAbi.Call(transferFrom, TestAbi.Address(Owner.Address), TestAbi.Address(recipient), TestAbi.Uint(200)));

        Assert.Equal(200, (int)await Anvil.BalanceOfAsync(Token, recipient));
        Assert.Equal(new BigInteger(100), await Allowance());
        Assert.Equal(
            "ERC20: transfer amount exceeds allowance",
            await RevertReasonAsync(Spender, TestAbi.Call(transferFrom, TestAbi.Address(Owner.Address), TestAbi.Address(recipient), TestAbi.Uint(101))));
    }

    private Task<BigInteger> Allowance() =>
        CallUintAsync(Token, "allowance(address,address)", TestAbi.Address(Owner.Address), TestAbi.Address(Spender.Address));

    private static string RandomAddress() => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
