namespace DualRail.Lightning.Bolt11;

/// <summary>An invoice that is not a valid BOLT #11 payment request; <see cref="Error"/> says why.</summary>
public sealed class Bolt11FormatException : FormatException
{
    public Bolt11FormatException(Bolt11FormatError error, string reason)
        : base($"Invalid BOLT11 invoice: {reason}.")
    {
        Error = error;
        Reason = reason;
    }

    /// <summary>The category of the failure.</summary>
    public Bolt11FormatError Error { get; }

    /// <summary>The failure in plain words, without the invoice text.</summary>
    public string Reason { get; }
}
