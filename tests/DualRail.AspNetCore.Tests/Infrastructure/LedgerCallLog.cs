using System.Collections.Concurrent;
using System.Reflection;
using DualRail.Ledger;

namespace DualRail.AspNetCore.Tests.Infrastructure;

/// <summary>Wraps a ledger and records the name of every call (the ledger round trips of a request).</summary>
internal class LedgerCallLog : DispatchProxy
{
    private IPaymentLedger _inner = null!;

    public ConcurrentQueue<string> Calls { get; private set; } = new();

    /// <summary>Calls for which this answers true throw instead of reaching the ledger (a refusing database).</summary>
    public Func<string, bool> Fails { get; set; } = _ => false;

    public static (IPaymentLedger Ledger, LedgerCallLog Log) Wrap(IPaymentLedger inner)
    {
        var ledger = Create<IPaymentLedger, LedgerCallLog>();
        var log = (LedgerCallLog)(object)ledger;
        log._inner = inner;
        return (ledger, log);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Calls.Enqueue(targetMethod.Name);
        if (Fails(targetMethod.Name))
            throw new InvalidOperationException($"The test ledger refuses {targetMethod.Name}.");
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
