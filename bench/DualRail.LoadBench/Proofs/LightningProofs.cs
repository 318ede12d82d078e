using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DualRail.LoadBench.Stacks;
using DualRail.Protocol;

namespace DualRail.LoadBench.Proofs;

/// <summary>
/// Pre-paid, unique Lightning proofs: each one is a 402 from the server (one minted invoice), paid from
/// the simulator's payer node, turned into a v2 PAYMENT-SIGNATURE with the preimage.
/// </summary>
internal static class LightningProofs
{
    public static async Task<IReadOnlyList<string>> MintAndPayAsync(string serverUrl, string path, LightningNodes nodes, int count, int parallelism = 8)
    {
        using var http = new HttpClient { BaseAddress = new Uri(serverUrl) };
        var headers = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (_, _) =>
        {
            var required = await Challenge.FetchAsync(http, path);
            var entry = required.Accepts.Single(a => a.Network.StartsWith("bip122:", StringComparison.Ordinal));
            var preimage = await nodes.PayAsync(entry.Extra!["invoice"]!.GetValue<string>());
            headers.Add(X402HeaderCodec.Encode(new PaymentPayload
            {
                X402Version = 2,
                Accepted = entry,
                Payload = new JsonObject { ["paymentHash"] = entry.Extra["paymentHash"]!.GetValue<string>(), ["preimage"] = preimage },
            }));
        });
        return headers.ToArray();
    }
}
