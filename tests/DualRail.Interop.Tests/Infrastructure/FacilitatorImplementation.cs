namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>Which x402 facilitator a test runs against.</summary>
public enum FacilitatorImplementation
{
    /// <summary>tests/interop/facilitator.mjs: @x402/core + @x402/evm.</summary>
    Reference,

    /// <summary>DualRail.Facilitator, hosted in the test process.</summary>
    DualRail,
}
