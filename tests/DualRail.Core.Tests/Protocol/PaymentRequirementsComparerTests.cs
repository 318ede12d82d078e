using System.Text.Json.Nodes;
using DualRail.Protocol;

namespace DualRail.Core.Tests.Protocol;

public sealed class PaymentRequirementsComparerTests
{
    private static PaymentRequirements Requirements(string amount = "10000", JsonObject? extra = null) => new()
    {
        Scheme = "exact",
        Network = "eip155:84532",
        Amount = amount,
        Asset = "0x036CbD53842c5426634e7929541eC2318f3dCF7e",
        PayTo = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C",
        MaxTimeoutSeconds = 60,
        Extra = extra ?? new JsonObject { ["name"] = "USDC", ["version"] = "2" },
    };

    [Fact]
    public void EqualTreesMatchRegardlessOfMemberOrder()
    {
        var reordered = Requirements(extra: new JsonObject { ["version"] = "2", ["name"] = "USDC" });
        Assert.True(PaymentRequirementsComparer.DeepEquals(Requirements(), reordered));
    }

    [Fact]
    public void AnyDifferenceIncludingExtraOrUnknownMembersIsNoMatch()
    {
        Assert.False(PaymentRequirementsComparer.DeepEquals(Requirements(), Requirements(amount: "10001")));
        Assert.False(PaymentRequirementsComparer.DeepEquals(Requirements(), Requirements(extra: new JsonObject { ["name"] = "USDC", ["version"] = "3" })));
        var withUnknown = JsonNode.Parse(X402Json.Serialize(Requirements()))!.AsObject();
        withUnknown["surprise"] = true;
        var decoded = X402Json.Deserialize<PaymentRequirements>(withUnknown.ToJsonString())!;
        Assert.Equal(Requirements().Amount, decoded.Amount);
        Assert.False(PaymentRequirementsComparer.DeepEquals(Requirements(), decoded));
        Assert.False(PaymentRequirementsComparer.DeepEquals(Requirements(), null));
    }
}
