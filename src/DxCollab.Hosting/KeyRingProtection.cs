using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace DxCollab.Hosting;

/// <summary>The data-protection key ring (cookies, bearer tokens, file grants, invitation links) lives in the database,
/// which backups copy. With <c>DataProtection:CertificatePath</c> (a PFX; <c>DataProtection:CertificatePassword</c> if
/// it has one) every key is encrypted with the certificate before it is stored, so a copy of the database alone cannot
/// forge a session. Without it keys are stored as they are (the embedded demo), and the log says so once.</summary>
public static class KeyRingProtection
{
    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var path = options.CertificatePath;
        if (string.IsNullOrWhiteSpace(path)) return builder;
        if (!File.Exists(path))
            throw new InvalidOperationException($"{KeyRingOptions.Section}:CertificatePath の証明書ファイルが見つかりません: {path}");
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword,
            X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{KeyRingOptions.Section}:CertificatePath の証明書に秘密鍵がありません（鍵の復号に必要です）。");
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}

/// <summary>Settings of <see cref="KeyRingProtection"/> (section <c>DataProtection</c>).</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";
    /// <summary>A PFX file whose certificate encrypts the stored keys (and whose private key decrypts them).</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}
