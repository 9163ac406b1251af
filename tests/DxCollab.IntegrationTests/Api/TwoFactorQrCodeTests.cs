using System.Net;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace DxCollab.IntegrationTests.Api;

/// <summary>TOTP enrolment (#13): the security page shows a QR code that an authenticator app reads as the same
/// otpauth URI and key the page prints, drawn on the server as an image the strict CSP allows.</summary>
[Collection(SqliteCollection.Name)]
public sealed partial class TwoFactorQrCodeTests(SqliteAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task The_qr_code_on_the_security_page_scans_to_the_key_the_page_shows()
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var response = await client.GetAsync("/osaka/account/security");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var image = QrImage().Match(html);
        image.Success.ShouldBeTrue("the page has no QR code image");
        image.Groups["alt"].Value.ShouldContain("QR コード");
        var key = SharedKey().Match(html).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        key.Length.ShouldBeGreaterThanOrEqualTo(16);

        var scanned = Scan(Convert.FromBase64String(image.Groups["png"].Value));
        scanned.ShouldStartWith("otpauth://totp/DxCollab%3Atoyonaka%40osaka.example?");
        scanned.ShouldContain($"secret={key}&");
        scanned.ShouldContain("issuer=DxCollab");
    }

    /// <summary>What a phone's camera does: read the PNG's pixels and decode the QR code.</summary>
    private static string Scan(byte[] png)
    {
        var (width, height, luminance) = PngGray.Decode(png);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height, RGBLuminanceSource.BitmapFormat.Gray8)));
        var result = new QRCodeReader().decode(bitmap);
        result.ShouldNotBeNull("the QR code could not be read");
        return result.Text;
    }

    [GeneratedRegex("<img[^>]*id=\"authenticator-qr\"[^>]*src=\"data:image/png;base64,(?<png>[A-Za-z0-9+/=]+)\"[^>]*alt=\"(?<alt>[^\"]+)\"")]
    private static partial Regex QrImage();

    [GeneratedRegex("id=\"shared-key\">([a-z0-9 ]+)<")]
    private static partial Regex SharedKey();
}
