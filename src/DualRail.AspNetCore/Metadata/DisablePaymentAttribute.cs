namespace DualRail.AspNetCore.Metadata;

/// <summary>Keeps an endpoint free even when a configured route pattern would price it.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class DisablePaymentAttribute : Attribute
{
    public static DisablePaymentAttribute Instance { get; } = new();
}
