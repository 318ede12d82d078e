namespace DualRail.Client.Lightning;

/// <summary>Connects the Lightning payer to the LND node named in its options.</summary>
internal static class LightningPayerFactory
{
    public static LightningPayer Create(LightningPayerOptions options, IServiceProvider services)
    {
        _ = services;
        throw new NotSupportedException($"Connecting to LND at {options.Endpoint} needs DualRail.Lightning's LndClient.");
    }
}
