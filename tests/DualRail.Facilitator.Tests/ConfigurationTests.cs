using DualRail.Facilitator.Options;
using DualRail.Facilitator.Relayer;
using DualRail.Facilitator.Tests.Support;
using DualRail.TestSupport;
using Microsoft.Extensions.Options;

namespace DualRail.Facilitator.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void A_valid_configuration_passes()
    {
        var result = new FacilitatorOptionsValidator().Validate(null, Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("bitcoin", "http://127.0.0.1:8545", null, "eip155 CAIP-2")]
    [InlineData("eip155:84532", "not a url", null, "RpcUrl")]
    [InlineData("eip155:84532", "ftp://127.0.0.1", null, "RpcUrl")]
    [InlineData("eip155:84532", "http://127.0.0.1:8545", 8453L, "does not match")]
    public void Bad_chains_are_refused_with_a_message_that_says_what_to_fix(string network, string rpcUrl, long? chainId, string expected)
    {
        var options = Valid();
        options.Chains[0] = new FacilitatorChainOptions { Network = network, RpcUrl = rpcUrl, ChainId = chainId };

        var result = new FacilitatorOptionsValidator().Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void No_chains_and_a_duplicate_chain_are_refused()
    {
        Assert.False(new FacilitatorOptionsValidator().Validate(null, new FacilitatorOptions()).Succeeded);
        var duplicate = Valid();
        duplicate.Chains.Add(new FacilitatorChainOptions { Network = "eip155:84532", RpcUrl = "http://127.0.0.1:1" });
        Assert.Contains("twice", new FacilitatorOptionsValidator().Validate(null, duplicate).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x1234")]
    [InlineData("zz0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public void A_bad_relayer_key_is_refused_without_echoing_it(string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RelayerAccount.FromHex(key, "the test"));

        Assert.Contains("not a secp256k1 private key", error.Message, StringComparison.Ordinal);
        if (key.Length > 0)
            Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_relayer_address_is_derived_from_the_key_with_an_eip55_checksum()
    {
        var relayer = RelayerAccount.FromHex("  " + DevAccounts.Account0.PrivateKey + "\n");

        Assert.Equal(DevAccounts.Account0.Address, relayer.Address.ToString());
        Assert.DoesNotContain(DevAccounts.Account0.PrivateKey[2..], relayer.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_missing_key_environment_variable_is_named_in_the_error()
    {
        var options = Valid();
        options.RelayerKeyFile = null;
        options.RelayerKeyEnvironmentVariable = "DUALRAIL_TEST_KEY_THAT_IS_NOT_SET_" + Guid.NewGuid().ToString("N");

        var error = Assert.Throws<InvalidOperationException>(() => RelayerAccount.FromOptions(options));

        Assert.Contains(options.RelayerKeyEnvironmentVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_with_a_bad_configuration_does_not_start()
    {
        var directory = Directory.CreateTempSubdirectory("dualrail-facilitator-config-");
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => FacilitatorHost.StartAsync(
                "eip155:84532", "not a url", DevAccounts.Account0, Path.Combine(directory.FullName, "store.db")));

            Assert.Contains("RpcUrl", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static FacilitatorOptions Valid() => new()
    {
        Chains = [new FacilitatorChainOptions { Network = "eip155:84532", RpcUrl = "http://127.0.0.1:8545", ChainId = 84532 }],
        RelayerKeyFile = "/run/secrets/relayer.key",
    };
}
