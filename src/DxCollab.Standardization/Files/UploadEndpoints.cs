using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Standardization.Files;

public static class UploadEndpoints
{
    /// <summary>An upload endpoint takes requests up to <see cref="MigrationFileOptions.RequestCeiling"/>; the file limits
    /// themselves are checked (and explained) by <see cref="FileStore"/>.</summary>
    public static RouteHandlerBuilder AcceptsUploads(this RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(new RequestSizeLimitAttribute(MigrationFileOptions.RequestCeiling))
        .WithFormOptions(multipartBodyLengthLimit: MigrationFileOptions.RequestCeiling);
}
