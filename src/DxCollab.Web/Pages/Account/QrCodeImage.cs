using QRCoder;

namespace DxCollab.Web.Pages.Account;

/// <summary>QR codes for the TOTP enrolment page, drawn on the server (no script, no external service; the page's
/// Content-Security-Policy allows <c>data:</c> images).</summary>
public static class QrCodeImage
{
    /// <summary>A PNG data URI of <paramref name="text"/>, error correction M (phones read it from a screen reliably),
    /// 5 pixels per module with the standard quiet zone.</summary>
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
