namespace DualRail.Evm.Facilitators;

/// <summary>The facilitators the EVM rail uses, bound from <c>DualRail:Evm</c>.</summary>
public sealed class FacilitatorClientOptions
{
    public const string SectionName = "DualRail:Evm";

    /// <summary>In order of preference: earlier facilitators win for a (version, scheme, network) they support.</summary>
    public List<FacilitatorEndpointOptions> Facilitators { get; set; } = [];

    /// <summary>How long a successful <c>/supported</c> answer is trusted before it is fetched again.</summary>
    public int SupportedCacheSeconds { get; set; } = 300;

    /// <summary>First delay before <c>/supported</c> is asked again after a failure; doubles up to <see cref="SupportedRetryMaxSeconds"/>.</summary>
    public double SupportedRetryMinSeconds { get; set; } = 1;

    public double SupportedRetryMaxSeconds { get; set; } = 60;
}
