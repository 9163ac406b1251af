using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Platform.Files;

public static class UploadEndpoints
{
    /// <summary>An upload endpoint takes requests up to <see cref="UploadPolicy.RequestCeiling"/>; the file limits
    /// themselves are checked (and explained) by <see cref="FileStore"/>.</summary>
    public static RouteHandlerBuilder AcceptsUploads(this RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(new RequestSizeLimitAttribute(UploadPolicy.RequestCeiling))
        .WithFormOptions(multipartBodyLengthLimit: UploadPolicy.RequestCeiling);

    /// <summary>A stored file as a download, never shown inline: <c>Content-Disposition: attachment</c> with the name in
    /// RFC 5987 form (<c>filename*=UTF-8''…</c>, Japanese kept) and an ASCII fallback; the content type is the one the
    /// store decided, and every response carries <c>X-Content-Type-Options: nosniff</c> (web host).</summary>
    public static FileContentHttpResult Attachment(string fileName, string contentType, byte[] content) =>
        TypedResults.File(content, contentType, fileDownloadName: fileName);

    /// <summary>As <see cref="Attachment(string, string, byte[])"/>, copying a stream (a large file is never held whole);
    /// the stream is disposed when the response is written.</summary>
    public static FileStreamHttpResult Attachment(string fileName, string contentType, Stream content) =>
        TypedResults.File(content, contentType, fileDownloadName: fileName);
}
