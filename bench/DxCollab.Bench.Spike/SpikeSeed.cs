using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Bench.Spike;

/// <summary>One respondent of the spike: a 団体 (or a prefecture department when the tenant has fewer 団体 than asked)
/// and the one officer who answers for it, signed in beforehand (the spike measures answering, not signing in).</summary>
public sealed record Respondent(string Code, string Name, string Email, string Token);

/// <summary>The tenant's real 団体 (loaded by the app itself at start-up), an officer each, and one published survey of
/// <see cref="SpikeOptions.Questions"/> questions in three sections with every 団体 on its roster.</summary>
public static class SpikeSeed
{
    public const string Password = "Spike-Bench-2026!";

    public static async Task<(long SurveyId, SurveyForm Form, IReadOnlyList<Respondent> Respondents)> SeedAsync(SpikeHost host, SpikeOptions options, HttpClient http)
    {
        var form = Form(options.Questions);
        var (surveyId, people) = await host.InTenantAsync(options.Tenant, async sp =>
        {
            var organizations = await sp.GetRequiredService<OrganizationDirectory>().SearchAsync();
            var prefecture = organizations.First(o => o.Type == OrganizationType.Prefecture);
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var people = new List<(string Code, string Name, string Email, string Role, string Organization)>();
            foreach (var org in organizations.Where(o => o.Type != OrganizationType.Prefecture).Take(options.Organizations))
                people.Add((org.Code, org.Name, $"spike.{org.Code}@{options.Tenant}.example", Roles.MunicipalOfficer, org.Code));
            // The 180th respondent of 北海道 (179 municipalities) is one of the prefecture's own departments.
            for (var n = 1; people.Count < options.Organizations; n++)
            {
                var department = new SurveyDepartment { Name = $"総務部 第{n}課" };
                db.Add(department);
                await db.SaveChangesAsync();
                people.Add((SurveyResponse.DepartmentCode(department.Id), department.Name, $"spike.dept{n}@{options.Tenant}.example",
                    Roles.PrefectureStaff, prefecture.Code));
            }

            var users = sp.GetRequiredService<UserManager<AppUser>>();
            foreach (var p in people)
            {
                var user = new AppUser { UserName = p.Email, Email = p.Email, EmailConfirmed = true, DisplayName = $"{p.Name} 担当", OrganizationCode = p.Organization };
                Check(await users.CreateAsync(user, Password), p.Email);
                Check(await users.AddToRoleAsync(user, p.Role), p.Email);
            }

            var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
            var survey = new Survey
            {
                Title = "ベンチマーク: 情報化推進状況調査", Purpose = "締切直前の集中（180 団体）の計測", State = SurveyState.Published,
                Deadline = deadline, FiscalYear = deadline.Month >= 4 ? deadline.Year : deadline.Year - 1, Form = form,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow, CreatedBy = "bench", UpdatedBy = "bench",
            };
            db.Add(survey);
            await db.SaveChangesAsync();
            foreach (var p in people) db.Add(new SurveyResponse { SurveyId = survey.Id, RespondentCode = p.Code });
            await db.SaveChangesAsync();
            return (survey.Id, people);
        });

        var respondents = new List<Respondent>();
        foreach (var p in people)
        {
            using var login = await http.PostAsJsonAsync($"/api/v1/{options.Tenant}/auth/login", new { email = p.Email, password = Password });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            respondents.Add(new Respondent(p.Code, p.Name, p.Email, token));
        }
        return (surveyId, form, respondents);
    }

    /// <summary>Questions of every everyday type in turn (the shapes a real 照会 mixes), a third per section.</summary>
    public static SurveyForm Form(int questions)
    {
        QuestionType[] cycle = [QuestionType.Integer, QuestionType.SingleChoice, QuestionType.ShortText, QuestionType.YesNo,
            QuestionType.Decimal, QuestionType.MultipleChoice, QuestionType.Date, QuestionType.LongText];
        List<ChoiceOption> options = [new("a", "実施済み"), new("b", "実施予定"), new("c", "未定")];
        var all = Enumerable.Range(1, questions).Select(i => new Question
        {
            Key = $"q{i:00}", Type = cycle[(i - 1) % cycle.Length], Text = $"設問{i}", Required = i % 3 == 0, Options = [.. options],
            AllowOther = cycle[(i - 1) % cycle.Length] == QuestionType.MultipleChoice, Unit = "件", Min = 0, Max = 1_000_000,
        }).ToList();
        var perSection = (questions + 2) / 3;
        return new SurveyForm
        {
            Sections = [.. all.Chunk(perSection).Select((chunk, i) => new FormSection { Key = $"s{i + 1}", Title = $"大問{i + 1}", Questions = [.. chunk] })],
        };
    }

    /// <summary>A plausible, different answer for each respondent (deterministic from the seed).</summary>
    public static AnswerSet AnswersFor(SurveyForm form, Respondent respondent, Random random)
    {
        var set = new AnswerSet();
        foreach (var q in form.Questions)
            set.Answers[q.Key] = q.Type switch
            {
                QuestionType.Integer => new Answer { Value = random.Next(0, 5000).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                QuestionType.Decimal => new Answer { Value = (random.Next(0, 1000) / 10m).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) },
                QuestionType.SingleChoice => new Answer { Value = q.Options[random.Next(q.Options.Count)].Value },
                QuestionType.MultipleChoice => new Answer { Choices = ["a", Answer.OtherValue], Other = $"{respondent.Name}独自の取組" },
                QuestionType.YesNo => new Answer { Value = random.Next(2) == 0 ? "yes" : "no" },
                QuestionType.Date => new Answer { Value = new DateOnly(2026, 4, 1).AddDays(random.Next(300)).ToString("yyyy-MM-dd") },
                QuestionType.LongText => new Answer { Value = string.Concat(Enumerable.Repeat($"{respondent.Name}では庁内の体制整備を進めている。", 8)) },
                _ => new Answer { Value = $"{respondent.Name}（{q.Text}）" },
            };
        return set;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"{email}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
