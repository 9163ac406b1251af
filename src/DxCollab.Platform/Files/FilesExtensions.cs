using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Files;

public static class FilesExtensions
{
    /// <summary>The file store, its content store (<c>Files:Store</c>) and scanner (<c>Files:ClamAv:Host</c>).</summary>
    public static IServiceCollection AddDxCollabFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FileStorageOptions>().Bind(configuration.GetSection(FileStorageOptions.Section))
            .Validate(o => o.Store != FileContentStoreKind.FileSystem || !string.IsNullOrWhiteSpace(o.FileSystemRoot),
                "Files:FileSystemRoot is required when Files:Store is FileSystem.")
            .ValidateOnStart();
        var storage = configuration.GetSection(FileStorageOptions.Section).Get<FileStorageOptions>() ?? new();
        if (storage.Store == FileContentStoreKind.FileSystem)
            services.AddSingleton<IFileContentStore, FileSystemFileContentStore>();
        else
            services.AddScoped<IFileContentStore, DatabaseFileContentStore>();
        if (string.IsNullOrWhiteSpace(storage.ClamAv.Host))
            services.TryAddSingleton<IFileScanner, NoFileScanner>();
        else
            services.TryAddSingleton<IFileScanner, ClamdFileScanner>();
        services.AddScoped<FileStore>();
        services.AddScoped<FileGrants>();
        return services;
    }

    /// <summary>Declares what uploads of <paramref name="purpose"/> accept: the module's <paramref name="defaults"/>, then
    /// <paramref name="legacySection"/> (keys kept working from before the kit, e.g. <c>Migration:Files</c>), then
    /// <c>Files:Purposes:{purpose}</c>. Read with <see cref="FileStore.Policy"/>.</summary>
    public static IServiceCollection AddUploadPurpose(this IServiceCollection services, string purpose, Action<UploadPolicy> defaults,
        string? legacySection = null)
    {
        var options = services.AddOptions<UploadPolicy>(purpose).Configure(defaults);
        if (legacySection is not null)
            options.BindConfiguration(legacySection).Configure<IConfiguration>((policy, configuration) =>
            {
                // Before the kit the count of files was named after the one purpose that had several.
                if (int.TryParse(configuration[$"{legacySection}:MaxAttachmentsPerMessage"], out var count)) policy.MaxFilesPerRequest = count;
            });
        options.BindConfiguration($"{FileStorageOptions.Section}:Purposes:{purpose}")
            // The binder appends to a list that already has the defaults: configured kinds replace them instead.
            .Configure<IConfiguration>((policy, configuration) =>
            {
                if (configuration.GetSection($"{FileStorageOptions.Section}:Purposes:{purpose}:Extensions").Get<string[]>() is { Length: > 0 } kinds)
                    policy.Extensions = [.. kinds];
            })
            .Validate(p => p.MaxFileBytes > 0 && p.MaxFilesPerRequest > 0, $"Files:Purposes:{purpose}: MaxFileBytes and MaxFilesPerRequest must be positive.")
            .Validate(p => p.Extensions.All(FileTypes.IsAllowedName), $"Files:Purposes:{purpose}: an extension is not one of the known file kinds.")
            .ValidateOnStart();
        return services;
    }
}
