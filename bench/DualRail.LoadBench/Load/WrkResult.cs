namespace DualRail.LoadBench.Load;

/// <summary>The JSON line bench/load/paid.lua prints in done(): counts and latencies in microseconds.</summary>
internal sealed record WrkResult(
    Dictionary<string, long> Statuses,
    long Requests,
    long DurationUs,
    long Ok,
    long Other,
    long ConnectErrors,
    long ReadErrors,
    long Timeouts,
    long P50Us,
    long P90Us,
    long P99Us,
    double MeanUs,
    long MaxUs)
{
    /// <summary>Responses with the expected status per second.</summary>
    /// <summary>The first unexpected answer of each wrk thread (status and x402 error), if any.</summary>
    public string Unexpected { get; init; } = "";

    public double OkPerSecond => DurationUs == 0 ? 0 : Ok / (DurationUs / 1_000_000.0);
}
