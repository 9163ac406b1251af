using DxCollab.Platform.Audit;
using DxCollab.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace DxCollab.Web.Pages.Tenant.Admin;

/// <summary>PrefectureAdmin: the tenant's audit trail with filters, paging and CSV export.</summary>
public sealed class AuditModel(AuditLog log) : TenantPageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserFilter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditPage? Result { get; private set; }
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public string RangeText => Result is null || Result.TotalCount == 0 ? "0 件"
        : $"{(Result.Page - 1) * Result.PageSize + 1}〜{Math.Min(Result.Page * Result.PageSize, Result.TotalCount)} 件";

    public string CsvUrl => QueryHelpers.AddQueryString($"/api/v1/{Tenant.Identifier}/audit/export", Query());
    /// <summary>The same CSV in Shift_JIS, for tools that cannot read UTF-8.</summary>
    public string ShiftJisCsvUrl => QueryHelpers.AddQueryString(CsvUrl, "encoding", "sjis");
    public string PageUrl(int page) => QueryHelpers.AddQueryString(TenantUrl("admin/audit"), Query().Append(new("p", page.ToString())));

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetBreadcrumbs(new Breadcrumb("監査ログ"));
        EntityTypes = await log.EntityTypesAsync(ct);
        var (filter, errors) = AuditApi.ParseFilter(From, To, Entity, UserFilter, Action, null);
        if (errors.Count > 0)
        {
            Errors.AddRange(errors.SelectMany(e => e.Value));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Result = await log.SearchAsync(filter!, Math.Max(1, PageNumber), PageSize, ct);
    }

    private IEnumerable<KeyValuePair<string, string?>> Query() => new Dictionary<string, string?>
    {
        ["from"] = From, ["to"] = To, ["entity"] = Entity, ["user"] = UserFilter, ["action"] = Action,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value));
}
