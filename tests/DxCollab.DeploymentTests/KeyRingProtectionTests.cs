using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using DxCollab.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.DeploymentTests;

/// <summary>With DataProtection:CertificatePath the stored key ring is encrypted: what a database copy holds is no key,
/// and only a host with the certificate reads sessions signed with it.</summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dxcollab-keyring-").FullName;

    private sealed class StoredKeys : IXmlRepository
    {
        public List<XElement> Elements { get; } = [];
        public IReadOnlyCollection<XElement> GetAllElements() => Elements.ToList();
        public void StoreElement(XElement element, string friendlyName) => Elements.Add(element);
    }

    private string CertificateFile(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=DxCollab key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    private static IDataProtector Protector(StoredKeys keys, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("DxCollab").ProtectKeysAtRest(configuration);
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = keys);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
    }

    [Fact]
    public void With_a_certificate_the_stored_key_is_encrypted_and_only_a_host_with_it_reads_a_payload()
    {
        var settings = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = CertificateFile("pfx-pass"), ["DataProtection:CertificatePassword"] = "pfx-pass" };
        var keys = new StoredKeys();
        var payload = Protector(keys, settings).Protect("session");

        var stored = string.Concat(keys.Elements.Select(e => e.ToString()));
        stored.ShouldContain("encryptedSecret");
        stored.ShouldContain("EncryptedData");
        stored.ShouldNotContain("<masterKey");

        Protector(keys, settings).Unprotect(payload).ShouldBe("session");
        Should.Throw<CryptographicException>(() => Protector(keys, []).Unprotect(payload));
    }

    [Fact]
    public void Without_a_certificate_keys_are_stored_as_they_are_and_a_wrong_path_stops_the_start()
    {
        var keys = new StoredKeys();
        Protector(keys, []).Protect("demo");
        string.Concat(keys.Elements.Select(e => e.ToString())).ShouldContain("<masterKey");

        var missing = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = Path.Combine(_folder, "none.pfx") };
        Should.Throw<InvalidOperationException>(() => Protector(new StoredKeys(), missing)).Message.ShouldContain("証明書ファイルが見つかりません");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
