namespace DualRail.Integration.Tests.Evm.Infrastructure;

/// <summary>Waits for a condition driven by background work (settlement, facilitator recovery); fails only after a generous limit.</summary>
internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int limitSeconds = 90)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(limitSeconds));
        while (true)
        {
            var value = await probe();
            if (done(value))
                return value;
            try
            {
                await Task.Delay(100, limit.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out waiting for {what}; last value: {value}");
            }
        }
    }
}
