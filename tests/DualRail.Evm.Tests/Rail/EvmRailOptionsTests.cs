using DualRail.DependencyInjection;
using DualRail.Evm.Rail;
using DualRail.Rails;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DualRail.Evm.Tests.Rail;

public sealed class EvmRailOptionsTests
{
    private const string Merchant = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    [Fact]
    public void AddEvmRail_binds_DualRail_Evm_and_registers_the_rail()
    {
        using var provider = Build(new()
        {
            ["DualRail:Evm:Network"] = "eip155:84532",
            ["DualRail:Evm:PayTo"] = Merchant,
            ["DualRail:Evm:Facilitators:0:Url"] = "http://127.0.0.1:4021",
        });

        var rail = Assert.Single(provider.GetServices<IPaymentRail>());
        Assert.IsType<EvmRail>(rail);
        Assert.Equal("evm", rail.Name);
    }

    [Theory]
    [InlineData("eip155:84532", Merchant, null, null, null)]
    [InlineData("bip122:000000000019d6689c085ae165831e93", Merchant, null, null, "Network must be an eip155")]
    [InlineData("", Merchant, null, null, "Network must be an eip155")]
    [InlineData("eip155:84532", "", null, null, "PayTo must be")]
    [InlineData("eip155:84532", "0x0000000000000000000000000000000000000000", null, null, "PayTo must be")]
    [InlineData("eip155:84532", "0x70997970c51812dc3A010C7d01b50e0d17dc79C8", null, null, "PayTo must be")]
    [InlineData("eip155:31337", Merchant, null, null, "Asset is required")]
    [InlineData("eip155:31337", Merchant, "0x5FbDB2315678afecb367f032d93F642f64180aa3", null, "TokenName")]
    [InlineData("eip155:31337", Merchant, "0x5FbDB2315678afecb367f032d93F642f64180aa3", "USDC", "TokenVersion")]
    [InlineData("eip155:84532", Merchant, "0x5FbDB2315678afecb367f032d93F642f64180aa3", null, "TokenName")]
    public void Options_are_validated_on_start(string network, string payTo, string? asset, string? tokenName, string? error)
    {
        using var provider = Build(new()
        {
            ["DualRail:Evm:Network"] = network,
            ["DualRail:Evm:PayTo"] = payTo,
            ["DualRail:Evm:Asset"] = asset,
            ["DualRail:Evm:TokenName"] = tokenName,
            ["DualRail:Evm:Facilitators:0:Url"] = "http://127.0.0.1:4021",
        });

        if (error is null)
        {
            Assert.Equal(network, provider.GetRequiredService<IOptions<EvmRailOptions>>().Value.Network);
            return;
        }

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EvmRailOptions>>().Value);
        Assert.Contains(error, failure.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        new DualRailBuilder(services, configuration).AddEvmRail();
        return services.BuildServiceProvider();
    }
}
