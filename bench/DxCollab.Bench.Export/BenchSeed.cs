using DxCollab.Platform.Data;
using DxCollab.Surveys.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Bench.Export;

/// <summary>Writes the bench's closed surveys with every 団体's submitted answer, as publishing and submitting leave
/// them: the full one (1,741 団体) and a smaller one (WarmUp 団体) to warm up on.</summary>
internal static class BenchSeed
{
    /// <summary>Rows written before measuring, in both cases: enough calls for the runtime to compile the per-row code
    /// fully (tiered compilation promotes a method after 30 calls), as on a server that has run a while.</summary>
    public const int WarmUp = 200;

    public const string FullTitle = "ベンチ照会（全団体）", WarmUpTitle = "ベンチ照会（準備）";

    public static async Task SeedAsync(ExportHost host)
    {
        await AddAsync(host, FullTitle, BenchData.Organizations);
        await AddAsync(host, WarmUpTitle, WarmUp);
    }

    private static Task<long> AddAsync(ExportHost host, string title, int organizations) => host.InTenantAsync(async sp =>
    {
        var db = sp.GetRequiredService<DxCollabDbContext>();
        var now = new DateTime(2026, 7, 31, 9, 0, 0, DateTimeKind.Utc);
        var form = BenchData.Form();
        var survey = new Survey
        {
            Title = title, Deadline = new DateOnly(2026, 7, 31), State = SurveyState.Closed, FiscalYear = 2026,
            CreatedAt = now, UpdatedAt = now, PublishedAt = now, ClosedAt = now,
        };
        survey.Form = form;
        db.Add(survey);
        await db.SaveChangesAsync();
        foreach (var (code, _, json) in BenchData.Responses(form).Take(organizations))
            db.Add(new SurveyResponse
            {
                SurveyId = survey.Id, RespondentCode = code, State = ResponseState.Submitted, AnswersJson = json,
                LastActivityAt = now, LastSavedAt = now, LastSavedBy = "bench", SubmittedAt = now, SubmittedBy = "bench",
            });
        await db.SaveChangesAsync();
        return survey.Id;
    });
}
