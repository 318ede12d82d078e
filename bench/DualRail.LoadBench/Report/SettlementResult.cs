namespace DualRail.LoadBench.Report;

/// <summary>
/// The settlement worker and our facilitator draining a queued backlog, with <see cref="InFlight"/> as the
/// worker's MaxConcurrency (1: one at a time), on an Anvil mining as <see cref="Mining"/> says.
/// </summary>
internal sealed record SettlementResult(string Mode, int Count, int InFlight, double Seconds, int Succeeded, bool CheckPassed, string Check, string LoadBefore, string LoadAfter, string Mining)
{
    public double PerSecond => Seconds == 0 ? 0 : Succeeded / Seconds;
}
