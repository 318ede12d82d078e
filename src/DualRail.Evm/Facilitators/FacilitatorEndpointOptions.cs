namespace DualRail.Evm.Facilitators;

/// <summary>One x402 facilitator, as configured under <c>DualRail:Evm:Facilitators</c>.</summary>
public sealed class FacilitatorEndpointOptions
{
    /// <summary>The facilitator's base URL; <c>/verify</c>, <c>/settle</c> and <c>/supported</c> are appended.</summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// Static headers sent with every request (e.g. <c>Authorization</c>). Values are never logged;
    /// put secrets in the environment (<c>DualRail__Evm__Facilitators__0__Headers__Authorization</c>).
    /// </summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Timeout of <c>/verify</c> and <c>/supported</c>.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Timeout of <c>/settle</c>, which waits for the chain; longer than <see cref="TimeoutSeconds"/>.</summary>
    public int SettleTimeoutSeconds { get; set; } = 60;
}
