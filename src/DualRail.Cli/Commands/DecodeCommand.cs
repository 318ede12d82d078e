using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualRail.Lightning.Bolt11;

namespace DualRail.Cli.Commands;

/// <summary><c>dualrail decode &lt;bolt11 | x402 header&gt;</c>: shows what a BOLT11 invoice or a base64 x402 header says.</summary>
internal static class DecodeCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "A BOLT11 invoice (lnbc…, lntb…, lnbcrt…) or an x402 header value (PAYMENT-REQUIRED, PAYMENT-SIGNATURE, PAYMENT-RESPONSE, X-PAYMENT)." };
        var command = new Command("decode", "Decode a BOLT11 invoice or an x402 header.") { text };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var value = result.GetValue(text)!.Trim();
            if (value.StartsWith("lightning:", StringComparison.OrdinalIgnoreCase))
                value = value["lightning:".Length..];

            if (value.StartsWith("ln", StringComparison.OrdinalIgnoreCase))
            {
                if (!Bolt11Decoder.TryDecode(value, out var invoice))
                {
                    error.WriteLine("error: not a valid BOLT11 invoice.");
                    return ExitCodes.Error;
                }
                output.WriteLine(DescribeInvoice(invoice!).ToJsonString(Indented));
                return ExitCodes.Success;
            }

            if (TryDecodeHeader(value) is { } json)
            {
                output.WriteLine($"{KindOf(json)}:");
                output.WriteLine(json.ToJsonString(Indented));
                return ExitCodes.Success;
            }
            error.WriteLine("error: neither a BOLT11 invoice nor a base64 JSON x402 header.");
            return ExitCodes.Error;
        });
        return command;
    }

    private static JsonObject DescribeInvoice(Bolt11Invoice invoice) => new()
    {
        ["network"] = invoice.Network.ToString(),
        ["amountMsat"] = invoice.AmountMsat,
        ["paymentHash"] = invoice.PaymentHashHex,
        ["payee"] = invoice.PayeePublicKeyHex,
        ["description"] = invoice.Description,
        ["createdAt"] = invoice.CreatedAt.ToString("O"),
        ["expiresAt"] = invoice.ExpiresAt.ToString("O"),
        ["minFinalCltvExpiryDelta"] = invoice.MinFinalCltvExpiryDelta,
    };

    private static JsonObject? TryDecodeHeader(string value)
    {
        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, buffer, out var written))
            return null;
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, written)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string KindOf(JsonObject json) =>
        json.ContainsKey("accepts") ? "payment required (terms of a 402)"
        : json.ContainsKey("payload") ? "payment (PAYMENT-SIGNATURE / X-PAYMENT)"
        : json.ContainsKey("success") ? "settlement (PAYMENT-RESPONSE)"
        : "x402 JSON";
}
