using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DxCollab.Web.Infrastructure;

/// <summary>How pages, API answers and static files travel: compressed where it pays, cached where it is safe.</summary>
public static class WebDelivery
{
    /// <summary>Text we generate or serve; every other type (PDF, xlsx, zip, images) is a file or already compressed.</summary>
    public static readonly string[] CompressedTypes =
    [
        "text/html", "application/json", "application/problem+json", "text/css", "text/javascript", "application/javascript", "image/svg+xml",
    ];

    /// <summary>A versioned URL (asp-append-version's <c>?v=</c> with the file's current hash) never changes content.</summary>
    public const string VersionedCacheControl = "public, max-age=31536000, immutable";
    /// <summary>An unversioned URL (or a stale version) may change with the next deploy: kept minutes, not a year.</summary>
    public const string UnversionedCacheControl = "public, max-age=300";

    /// <summary>Brotli, then gzip, at their fastest levels (two shared cores; the HTML is mostly repeated markup).
    /// Over HTTPS too: BREACH needs a secret repeated unchanged in responses that also reflect attacker text. Our
    /// secrets in bodies are anti-forgery request tokens, which ASP.NET Core encrypts with a fresh IV on every
    /// response (a different string each time, so there is nothing to guess byte by byte), and bearer tokens, issued
    /// fresh per login in an answer that reflects nothing. Session cookies travel in headers, not compressed. The one
    /// long-lived secret a page shows, the TOTP key during enrolment, is sent uncompressed over HTTPS (SecurityModelBase).</summary>
    public static IServiceCollection AddDxCollabCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, FilesUncompressed>());
        return services;
    }

    /// <summary>Static files with a cache lifetime: a year and immutable when the URL carries the file's current version.</summary>
    public static IApplicationBuilder UseDxCollabStaticFiles(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        OnPrepareResponse = file =>
        {
            var request = file.Context.Request;
            file.Context.Response.Headers.CacheControl = IsCurrentVersion(file.Context, request.Path, request.Query["v"].ToString())
                ? VersionedCacheControl : UnversionedCacheControl;
        },
    });

    /// <summary>Only the hash the layout would write now earns "immutable": a made-up or old <c>?v=</c> must not pin
    /// today's content under a URL that promises it never changes.</summary>
    private static bool IsCurrentVersion(HttpContext http, PathString path, string version)
    {
        if (version.Length == 0 || !path.HasValue) return false;
        var versions = http.RequestServices.GetService<IFileVersionProvider>();
        return versions is not null && versions.AddFileVersionToPath(http.Request.PathBase, path.Value!) == $"{path.Value}?v={version}";
    }

    /// <summary>A download (any response with Content-Disposition: attachments, 証跡, exports) goes out as stored:
    /// its type is the uploader's and may look like text, it is often compressed already, and a large one must stream
    /// through untouched.</summary>
    private sealed class FilesUncompressed(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            !context.Response.Headers.ContainsKey(HeaderNames.ContentDisposition) && base.ShouldCompressResponse(context);
    }
}
