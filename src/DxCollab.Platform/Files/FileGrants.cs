using System.Globalization;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Platform.Files;

/// <summary>A file opened through a grant: its name, kind, length and a stream of its bytes (dispose it).</summary>
public sealed record GrantedFile(string FileName, string ContentType, long Length, Stream Content);

/// <summary>Time-limited grants to read one stored file of one tenant. The tenant that owns the file decides (a module's
/// consumer checks membership and labels) and issues a grant, which travels in a message to another tenant; that tenant
/// opens the file with it without ever querying the owner's tables itself — the platform reads the one file under the
/// owner's tenant, as the outbox relay reads across tenants. A grant names the tenant, the file and its expiry and is
/// protected (signed and encrypted) by the data-protection key ring; it cannot be widened or reused after it expires.</summary>
public sealed class FileGrants(IDataProtectionProvider protection, TimeProvider clock, IServiceScopeFactory scopes,
    IMultiTenantStore<PrefectureTenant> tenants, TenantScope<PrefectureTenant> tenantScope)
{
    /// <summary>How long a grant is good for by default: long enough for the browser to start the download.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(2);

    private readonly IDataProtector _protector = protection.CreateProtector("DxCollab.Files.Grant.v1");

    /// <summary>Issues a grant for <paramref name="file"/> (a file of the current tenant, already checked by the caller).</summary>
    public string Issue(StoredFile file, TimeSpan? lifetime = null)
    {
        var expires = clock.GetUtcNow().Add(lifetime ?? DefaultLifetime).ToUnixTimeSeconds();
        return _protector.Protect(string.Join('|', file.TenantId, file.Id.ToString(CultureInfo.InvariantCulture), expires.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Opens the file a grant names, or null when the grant is forged, expired, or the file is gone.</summary>
    public async Task<GrantedFile?> OpenAsync(string? grant, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(grant)) return null;
        string[] parts;
        try { parts = _protector.Unprotect(grant).Split('|'); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        if (parts.Length != 3 || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var fileId)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires)
            || clock.GetUtcNow().ToUnixTimeSeconds() > expires) return null;
        if (await tenants.GetAsync(parts[0]) is not { } owner) return null;
        using var _ = tenantScope.Begin(owner, "file-grant");
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<FileStore>();
        if (await store.FindAsync(fileId, ct) is not { } file) return null;
        return await store.OpenReadAsync(file, ct) is { } stream ? new GrantedFile(file.FileName, file.ContentType, file.Length, stream) : null;
    }
}
