using System.Text;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Email;

public sealed record EmailMessage(string To, string Subject, string Body);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

public sealed class EmailOptions
{
    public const string Section = "Email";
    /// <summary>Folder where messages are written as .eml files (development and demo).</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";
    public string From { get; set; } = "DxCollab <no-reply@dxcollab.example>";
}

/// <summary>Writes each message as an .eml file that any mail client opens. SMTP delivery is used instead
/// with Smtp:Host (<see cref="Notifications.SmtpEmailSender"/>); without it, this is how e-mails reach people in development.</summary>
public sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var folder = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        var file = Path.Combine(folder, $"{now:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        var subject = "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Subject)) + "?=";
        var eml = $"From: {options.Value.From}\r\nTo: {message.To}\r\nSubject: {subject}\r\nDate: {now:R}\r\n" +
                  "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
                  message.Body.Replace("\n", "\r\n");
        await File.WriteAllTextAsync(file, eml, new UTF8Encoding(false), ct);
    }
}
