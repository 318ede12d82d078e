namespace DualRail.AspNetCore.Tests.Infrastructure;

/// <summary>Waits for a condition driven by background work (the settlement worker); fails only after a generous limit.</summary>
internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await probe();
            if (done(value))
                return value;
            try
            {
                await Task.Delay(50, limit.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out waiting for {what}; last value: {value}");
            }
        }
    }
}
