using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Surveys and answers written straight into a tenant, as the authoring and answering slices would leave them,
/// so the prefill and delegation tests do not depend on those slices' endpoints.</summary>
internal static class PrefillSeed
{
    public static Task<long> AddSurveyAsync(this AppFixture app, string tenant, SurveyForm form, IEnumerable<string> roster,
        SurveyState state = SurveyState.Published, long? copiedFrom = null, DateOnly? deadline = null, string title = "DX推進状況調査") =>
        app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var due = deadline ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
            var survey = new Survey
            {
                Title = title, State = state, Deadline = due, FiscalYear = due.Month >= 4 ? due.Year : due.Year - 1,
                CopiedFromSurveyId = copiedFrom, Form = form, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, CreatedBy = "seed",
                PublishedAt = state == SurveyState.Draft ? null : DateTime.UtcNow,
            };
            db.Add(survey);
            await db.SaveChangesAsync();
            foreach (var code in roster) db.Add(new SurveyResponse { SurveyId = survey.Id, RespondentCode = code });
            await db.SaveChangesAsync();
            return survey.Id;
        });

    public static Task SetAnswersAsync(this AppFixture app, string tenant, long surveyId, string code, AnswerSet answers, ResponseState state) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var response = await db.Set<SurveyResponse>().SingleAsync(r => r.SurveyId == surveyId && r.RespondentCode == code);
            response.AnswersJson = answers.ToJson();
            response.State = state;
            response.Version++;
            if (state == ResponseState.Submitted) response.SubmittedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });

    public static Task<Survey> SurveyAsync(this AppFixture app, string tenant, long surveyId) =>
        app.InTenantAsync(tenant, sp => sp.GetRequiredService<DxCollabDbContext>().Set<Survey>().AsNoTracking().SingleAsync(s => s.Id == surveyId));
}
