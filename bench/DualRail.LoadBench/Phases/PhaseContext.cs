using DualRail.LoadBench.Load;

namespace DualRail.LoadBench.Phases;

/// <summary>What every phase shares: wrk, the working directory, and how many proofs to prepare.</summary>
internal sealed record PhaseContext(WrkRunner Wrk, string WorkDirectory, int LightningProofs, int EvmProofs, int ReferenceProofs, int SettlementBacklog, int SettlementSequential);
