using System.Text.Json.Nodes;
using DualRail.Interop.Tests.Infrastructure;
using DualRail.Rails;

namespace DualRail.Interop.Tests;

/// <summary>
/// Case 2: the reference client, given DualRail's dual-rail 402 (a Lightning entry, then an EVM
/// entry), parses both without error and picks the EVM one, since it only has an EVM signer; and
/// it can pay with it.
/// </summary>
public sealed class DualRail402Tests(TwoRailServerFixture chain) : IClassFixture<TwoRailServerFixture>
{
    [NodeFact]
    public async Task Reference_client_parses_the_dual_rail_402_and_picks_the_EVM_entry()
    {
        var result = await ReferenceClient.InspectAsync(chain.Server.Resource(SettlementMode.Sync), chain.Payer);

        Assert.True(result["error"] is null, result.ToJsonString());
        Assert.Equal(402, result["status"]!.GetValue<int>());
        var accepts = result["paymentRequired"]!["accepts"]!.AsArray();
        Assert.Equal(2, accepts.Count);
        var lightning = accepts[0]!;
        Assert.StartsWith("bip122:", lightning["network"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("lightning", lightning["extra"]!["paymentMethod"]!.GetValue<string>());
        Assert.StartsWith("lnbcrt", lightning["extra"]!["invoice"]!.GetValue<string>(), StringComparison.Ordinal);
        var evm = accepts[1]!;
        Assert.Equal("eip155:84532", evm["network"]!.GetValue<string>());

        Assert.Equal(1, result["chosen"]!["index"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(evm, result["payload"]!["accepted"]));
        Assert.Equal(chain.Payer.Address, result["payload"]!["payload"]!["authorization"]!["from"]!.GetValue<string>(), ignoreCase: true);
    }

    [NodeFact]
    public async Task Reference_client_pays_the_dual_rail_server_on_the_EVM_rail()
    {
        var payToBefore = await chain.BalanceOfAsync(chain.PayTo);

        var result = await ReferenceClient.PayAsync(chain.Server.Resource(SettlementMode.Sync), chain.Payer);

        Assert.True(result["error"] is null, result.ToJsonString());
        Assert.Equal(200, result["status"]!.GetValue<int>());
        Assert.Equal(1, result["chosen"]!["index"]!.GetValue<int>());
        Assert.True(result["paymentResponse"]!["success"]!.GetValue<bool>());
        Assert.Equal(payToBefore + DualRailServerHost.Amount, await chain.BalanceOfAsync(chain.PayTo));
    }
}
