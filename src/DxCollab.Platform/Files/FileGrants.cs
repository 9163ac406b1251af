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
        AsyncServiceScope scope;
        FileStore store;
        using (tenantScope.Begin(owner, "file-grant"))
        {
            scope = scopes.CreateAsyncScope();
            store = scope.ServiceProvider.GetRequiredService<FileStore>(); // its DbContext binds the owner's tenant when built
        }
        try
        {
            if (await store.FindAsync(fileId, ct) is { } file && await store.OpenReadAsync(file, ct) is { } stream)
                // The owner's scope lives as long as the stream: the bytes are read as the response is written.
                return new GrantedFile(file.FileName, file.ContentType, file.Length, new ScopedStream(stream, scope));
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
        await scope.DisposeAsync();
        return null;
    }
}

/// <summary>A stream that ends the service scope it was read from when it is disposed.</summary>
internal sealed class ScopedStream(Stream inner, AsyncServiceScope scope) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => inner.ReadAsync(buffer, ct);
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => inner.ReadAsync(buffer, offset, count, ct);
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await scope.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            scope.Dispose();
        }
        base.Dispose(disposing);
    }
}
