using DxCollab.Platform.Backbone;
using DxCollab.Platform.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DxCollab.Platform.Notifications;

/// <summary>Delivers through an SMTP server with MailKit (section "Smtp"). Subject and body are UTF-8 (the subject
/// RFC 2047-encoded, the body base64), so Japanese arrives intact. Used when Smtp:Host is set.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> smtp, IOptions<EmailOptions> email) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var options = smtp.Value;
        if (string.IsNullOrWhiteSpace(options.Host)) throw new InvalidOperationException("Smtp:Host が設定されていません。");

        using var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(email.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        var text = new TextPart(MimeKit.Text.TextFormat.Plain);
        text.SetText(System.Text.Encoding.UTF8, message.Body.ReplaceLineEndings("\r\n"));
        text.ContentTransferEncoding = ContentEncoding.Base64;
        mime.Body = text;

        using var client = new SmtpClient();
        client.Timeout = 30_000;
        await client.ConnectAsync(options.Host, options.Port,
            options.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, ct);
        if (!string.IsNullOrEmpty(options.Username)) await client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
        await client.SendAsync(FormatOptions(), mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private static FormatOptions FormatOptions()
    {
        var format = MimeKit.FormatOptions.Default.Clone();
        format.International = false; // headers as RFC 2047 encoded-words: readable by every server and client
        return format;
    }
}
