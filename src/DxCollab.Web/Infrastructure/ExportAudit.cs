using DxCollab.Platform.Audit;
using DxCollab.Platform.Exports;
using Microsoft.Net.Http.Headers;

namespace DxCollab.Web.Infrastructure;

/// <summary>Every CSV or Excel file a signed-in user takes away (survey results, audit CSV, workbook, decision
/// register, RFI comparison, cost shares, uploaded files of those types …) leaves an audit entry saying who took
/// what. One middleware instead of a line in each endpoint, so a new export cannot forget it.</summary>
public static class ExportAudit
{
    public static IApplicationBuilder UseExportAudit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next(http);
        if (http.User.Identity?.IsAuthenticated != true || http.Response.StatusCode is < 200 or >= 300 || !IsExport(http.Response.ContentType)) return;
        var fileName = ContentDispositionHeaderValue.TryParse(http.Response.Headers.ContentDisposition.ToString(), out var disposition)
            ? (disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value?.Trim('"'))
            : null;
        await http.RequestServices.GetRequiredService<SecurityAudit>()
            .ExportAsync(http.Request.Path + http.Request.QueryString, fileName, CancellationToken.None);
    });

    private static bool IsExport(string? contentType) => contentType is not null
        && (contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith(TabularExport.XlsxContentType, StringComparison.OrdinalIgnoreCase));
}
