namespace DualRail.Cli;

/// <summary>Exit codes of the dualrail commands.</summary>
internal static class ExitCodes
{
    /// <summary>Done (for pay: paid if asked, and served).</summary>
    public const int Success = 0;

    /// <summary>Bad arguments, unreadable input, or the server could not be reached.</summary>
    public const int Error = 1;

    /// <summary>pay: the spend policy refused, or nothing offered could be paid. No payment was made.</summary>
    public const int Refused = 2;

    /// <summary>pay: the payment itself failed (no route, signing or LND error).</summary>
    public const int PaymentFailed = 3;

    /// <summary>pay: the server did not serve the request (any status other than 2xx, a 402 after paying included).</summary>
    public const int NotServed = 4;
}
