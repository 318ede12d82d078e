using DualRail.Protocol;

namespace DualRail.Client.Http;

/// <summary>
/// What a 402 asked for, whichever version carried it. <see cref="WireNetworks"/> keeps each offer's
/// network exactly as the server wrote it (a v1 payment echoes the v1 name, e.g. <c>base-sepolia</c>).
/// </summary>
internal sealed record PaymentTerms(int X402Version, PaymentRequired Required, IReadOnlyList<string> WireNetworks);
