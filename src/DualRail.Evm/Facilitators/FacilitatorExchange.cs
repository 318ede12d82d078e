namespace DualRail.Evm.Facilitators;

/// <summary>
/// One HTTP round trip to a facilitator: a status and a (bounded) body, or a failure. When
/// <see cref="NotDelivered"/> is true the request provably never reached the facilitator (no
/// connection could be made), which is the only case where <c>/settle</c> may go to the next one.
/// </summary>
internal sealed record FacilitatorExchange
{
    public int StatusCode { get; init; }

    public byte[] Body { get; init; } = [];

    public string? Failure { get; init; }

    public bool NotDelivered { get; init; }

    public bool Failed => Failure is not null;

    public bool IsSuccessStatus => StatusCode is >= 200 and < 300;

    public static FacilitatorExchange Response(int statusCode, byte[] body) => new() { StatusCode = statusCode, Body = body };

    public static FacilitatorExchange Fault(string failure, bool notDelivered) => new() { Failure = failure, NotDelivered = notDelivered };
}
