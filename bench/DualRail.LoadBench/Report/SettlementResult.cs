namespace DualRail.LoadBench.Report;

/// <summary>Settling a backlog of authorizations through our facilitator, concurrently or one at a time.</summary>
internal sealed record SettlementResult(string Mode, int Count, int InFlight, double Seconds, int Succeeded, bool CheckPassed, string Check, string LoadBefore, string LoadAfter)
{
    public double PerSecond => Seconds == 0 ? 0 : Succeeded / Seconds;
}
