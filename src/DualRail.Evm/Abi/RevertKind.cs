namespace DualRail.Evm.Abi;

/// <summary>What a contract's revert data contains.</summary>
public enum RevertKind
{
    /// <summary>No data (a bare <c>revert()</c> or <c>require(cond)</c> without a message).</summary>
    Empty,

    /// <summary><c>Error(string)</c>: a require/revert message.</summary>
    Error,

    /// <summary><c>Panic(uint256)</c>: an assert, overflow, division by zero, etc.</summary>
    Panic,

    /// <summary>A custom error, or data that is not a well-formed Error/Panic.</summary>
    Custom,
}
