namespace DualRail.Evm.Facilitators;

/// <summary>What a facilitator's last <c>/supported</c> answer says about one kind.</summary>
internal enum SupportState
{
    /// <summary>Never asked yet.</summary>
    NotAsked,

    /// <summary>Listed in the last successful answer.</summary>
    Supported,

    /// <summary>Left out of the last successful answer: never routed there.</summary>
    NotSupported,

    /// <summary>The last <c>/supported</c> failed (unreachable, 5xx, malformed): still tried, last.</summary>
    Unknown,
}
