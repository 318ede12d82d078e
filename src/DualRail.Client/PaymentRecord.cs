using DualRail.Protocol;

namespace DualRail.Client;

/// <summary>
/// The payment the handler made for a request: which offer it paid, on which rail, and the server's
/// settlement answer (decoded <c>PAYMENT-RESPONSE</c>, or <c>X-PAYMENT-RESPONSE</c> for v1), when it sent one.
/// </summary>
public sealed record PaymentRecord
{
    public required string Rail { get; init; }

    public required int X402Version { get; init; }

    public required PaymentRequirements Requirements { get; init; }

    /// <summary>The HTTP status of the paid retry (the handler never pays twice).</summary>
    public required int RetryStatusCode { get; init; }

    public SettleResponse? Settlement { get; init; }
}
