using System.Diagnostics;
using DxCollab.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.Web.Pages;

[AllowAnonymous, IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string Title => ErrorHandling.TitleFor(Code);
    public string? Detail { get; private set; }
    public string? RequestId { get; private set; }

    public void OnGet(int? code, string? id) => Fill(code, id);
    public void OnPost(int? code, string? id) => Fill(code, id);

    private void Fill(int? code, string? id)
    {
        // Re-executed for a request whose form could not be read (a NUL in a URL-encoded body): binding {code} fails the
        // same way, so the status of the failed request says what went wrong.
        Code = code ?? (HttpContext.Response.StatusCode is >= 400 and < 600 ? HttpContext.Response.StatusCode : 500);
        Detail = HttpContext.Items[ErrorHandling.RejectionItem] as string;
        RequestId = id ?? Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        // Re-executed for a failed request: keep that request's status code.
        if (HttpContext.Response.StatusCode == 200 && code is >= 400 and < 600) HttpContext.Response.StatusCode = code.Value;
        if (Code == StatusCodes.Status503ServiceUnavailable) ErrorHandling.SetRetryAfter(HttpContext.Response);
    }
}
