using DualRail.LoadBench.Load;

namespace DualRail.LoadBench.Report;

/// <summary>One measured load phase: what wrk saw, the machine's load around it, and the settlement check.</summary>
internal sealed record PhaseResult(string Key, string Title, string Command, WrkResult Wrk, string LoadBefore, string LoadAfter, bool CheckPassed, string Check);
