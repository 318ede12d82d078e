using QRCoder;

namespace DualRail.AspNetCore.Paywall;

/// <summary>QR codes as PNG data URIs.</summary>
internal static class QrCodeImage
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
