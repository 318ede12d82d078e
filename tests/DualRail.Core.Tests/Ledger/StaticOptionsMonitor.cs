using Microsoft.Extensions.Options;

namespace DualRail.Core.Tests.Ledger;

/// <summary>Options that never change, for constructing a worker by hand.</summary>
internal sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
