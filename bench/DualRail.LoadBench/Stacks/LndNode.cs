namespace DualRail.LoadBench.Stacks;

/// <summary>One node of the LND simulator process, as its ready line describes it.</summary>
internal sealed record LndNode(string Endpoint, string TlsCertPath, string AdminMacaroonPath, string InvoiceMacaroonPath);
