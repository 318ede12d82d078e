using System.Numerics;
using DualRail.Evm.Facilitators;
using DualRail.Interop.Tests.Infrastructure;
using DualRail.Protocol;
using DualRail.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DualRail.Interop.Tests;

/// <summary>
/// Case 5, the EVM rail's half: DualRail's facilitator client verifies and settles through the
/// reference facilitator (@x402/core + @x402/evm) a payment the reference client signed.
/// </summary>
public sealed class FacilitatorClientTests(InteropChainFixture chain) : IClassFixture<InteropChainFixture>
{
    [NodeFact]
    public async Task DualRail_facilitator_client_verifies_and_settles_through_the_reference_facilitator()
    {
        var payTo = DevAccounts.Account3.Address;
        await using var facilitator = await ReferenceFacilitator.StartAsync(chain.RpcUrl, chain.Relayer);
        await using var server = await ReferenceResourceServer.StartAsync(facilitator.Url, payTo);
        var signed = await ReferenceClient.InspectAsync(server.ResourceUrl(), chain.Payer);
        var request = new FacilitatorRequest
        {
            X402Version = 2,
            PaymentPayload = X402Json.Deserialize<PaymentPayload>(signed["payload"]!.ToJsonString())!,
            PaymentRequirements = X402Json.Deserialize<PaymentRequirements>(signed["chosen"]!["requirements"]!.ToJsonString())!,
        };
        await using var services = FacilitatorClientFor(facilitator.Url);
        var client = services.GetRequiredService<IFacilitatorClient>();
        var before = await chain.BalanceOfAsync(payTo);

        var supported = await client.GetSupportedAsync(CancellationToken.None);
        var verified = await client.VerifyAsync(request, CancellationToken.None);
        var settled = await client.SettleAsync(request, CancellationToken.None);
        var reverified = await client.VerifyAsync(request, CancellationToken.None);

        var kinds = Assert.Single(supported).Value!.Kinds;
        Assert.Contains(kinds, k => k is { X402Version: 2, Scheme: "exact", Network: "eip155:84532" });
        Assert.True(client.IsAvailable(new FacilitatorKind(2, "exact", "eip155:84532")));

        Assert.True(verified.Answered, verified.Failure);
        Assert.True(verified.Response!.IsValid, verified.Response.InvalidReason);
        Assert.Equal(chain.Payer.Address, verified.Response.Payer, ignoreCase: true);

        Assert.False(settled.IsUnknown, settled.Failure);
        Assert.True(settled.Response!.Success, settled.Response.ErrorReason);
        Assert.Equal("eip155:84532", settled.Response.Network);
        var receipt = await chain.Anvil.Rpc.WaitForReceiptAsync(settled.Response.Transaction);
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        Assert.Equal(before + ReferenceResourceServer.DefaultAmount, await chain.BalanceOfAsync(payTo));

        Assert.False(reverified.Response!.IsValid);
        Assert.Equal(ReasonCodes.InvalidExactEvmNonceAlreadyUsed, reverified.Response.InvalidReason);
    }

    [NodeFact]
    public async Task DualRail_facilitator_client_reads_the_reference_refusal_of_a_settle()
    {
        await using var facilitator = await ReferenceFacilitator.StartAsync(chain.RpcUrl, chain.Relayer);
        await using var server = await ReferenceResourceServer.StartAsync(facilitator.Url, DevAccounts.Account3.Address);
        var broke = DevAccounts.Account5;
        Assert.Equal(BigInteger.Zero, await chain.BalanceOfAsync(broke.Address));
        var signed = await ReferenceClient.InspectAsync(server.ResourceUrl(), broke);
        var request = new FacilitatorRequest
        {
            X402Version = 2,
            PaymentPayload = X402Json.Deserialize<PaymentPayload>(signed["payload"]!.ToJsonString())!,
            PaymentRequirements = X402Json.Deserialize<PaymentRequirements>(signed["chosen"]!["requirements"]!.ToJsonString())!,
        };
        await using var services = FacilitatorClientFor(facilitator.Url);
        var client = services.GetRequiredService<IFacilitatorClient>();

        var settled = await client.SettleAsync(request, CancellationToken.None);

        // A definite failure (not "unknown"): the reference answers 200 with success false and a reason.
        Assert.False(settled.IsUnknown, settled.Failure);
        Assert.False(settled.Response!.Success);
        Assert.Equal(ReasonCodes.InvalidExactEvmInsufficientBalance, settled.Response.ErrorReason);
        Assert.Equal("", settled.Response.Transaction);
    }

    private static ServiceProvider FacilitatorClientFor(string url)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DualRail:Evm:Facilitators:0:Url"] = url })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFacilitatorClient(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }
}
