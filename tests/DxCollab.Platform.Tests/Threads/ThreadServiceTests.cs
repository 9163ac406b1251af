using System.Security.Claims;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Results;
using DxCollab.Platform.Tests.Notifications;
using DxCollab.Platform.Threads;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Tests.Threads;

/// <summary>The lifecycle of a conversation thread as both sides live it, with a subject that is not 標準化's (a question
/// about survey 7): 回答待ち → 回答済み → 終了 → 回答待ち again, who is told, who may see it, and 開庁日 waited.</summary>
public sealed class ThreadServiceTests : NotificationTestBase
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private static readonly DateTimeOffset FridayMorning = new(2026, 11, 27, 1, 0, 0, TimeSpan.Zero); // 10:00 in Tokyo
    private static readonly IOptionsMonitor<UploadPolicy> Policies = new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
        .AddUploadPurpose(SurveyQuestions.Purpose, p => p.MaxFilesPerRequest = 2)
        .BuildServiceProvider().GetRequiredService<IOptionsMonitor<UploadPolicy>>();

    [Fact]
    public async Task A_question_waits_for_the_prefecture_an_answer_answers_it_and_a_follow_up_waits_again_each_time_telling_the_other_side()
    {
        Database.Clock.Now = FridayMorning;
        var opened = await InOsakaAsync(s => s.OpenAsync(new NewThread(SurveyQuestions.Type, "7", "272035", "回答の単位について", "課ごとに回答しますか。"),
            [Upload("画面.png", Png)], Officer(Toyonaka, "272035")));
        var thread = opened.Value.ShouldNotBeNull().Thread;
        thread.Status.ShouldBe(ThreadStatus.Open);
        thread.StatusName.ShouldBe("回答待ち");
        thread.WaitingSince.ShouldBe(FridayMorning.UtcDateTime);
        thread.OrganizationName.ShouldBe("豊中市");
        var staffNotices = await NoticesAsync(OsakaStaff);
        staffNotices.Count.ShouldBe(1);
        staffNotices[0].Title.ShouldBe("豊中市から照会への質問「回答の単位について」");
        staffNotices[0].Body.ShouldContain("対象: 照会 7");
        staffNotices[0].Link.ShouldBe($"/osaka/surveys/7/questions/{thread.Id}");
        (await NoticesAsync(Toyonaka)).ShouldBeEmpty();

        // Read on Tuesday: Monday and Tuesday waited.
        Database.Clock.Now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var listed = (await InOsakaAsync(s => s.ListAsync(SurveyQuestions.Type, Staff(OsakaStaff)))).Value.ShouldNotBeNull();
        listed.Count.ShouldBe(1);
        listed[0].WaitingBusinessDays.ShouldBe(2);

        var answered = (await InOsakaAsync(s => s.ReplyAsync(SurveyQuestions.Type, thread.Id, "課ごとにお願いします。", [], Staff(OsakaStaff))))
            .Value.ShouldNotBeNull();
        answered.Thread.Status.ShouldBe(ThreadStatus.Answered);
        answered.Thread.WaitingSince.ShouldBeNull();
        answered.Thread.WaitingBusinessDays.ShouldBeNull();
        answered.Entries.Select(e => e.FromPrefecture).ShouldBe([false, true]);
        var officerNotices = await NoticesAsync(Toyonaka);
        officerNotices.Count.ShouldBe(1);
        officerNotices[0].Title.ShouldBe("照会への質問「回答の単位について」に回答がありました");
        (await NoticesAsync(ToyonakaRetired)).ShouldBeEmpty();

        var followUpAt = Database.Clock.Now.AddHours(2);
        Database.Clock.Now = followUpAt;
        var followedUp = (await InOsakaAsync(s => s.ReplyAsync(SurveyQuestions.Type, thread.Id, "係単位でもよいですか。", [], Officer(Toyonaka, "272035"))))
            .Value.ShouldNotBeNull();
        followedUp.Thread.Status.ShouldBe(ThreadStatus.Open);
        followedUp.Thread.WaitingSince.ShouldBe(followUpAt.UtcDateTime);
        followedUp.Thread.MessageCount.ShouldBe(3);
        (await NoticesAsync(OsakaStaff)).Select(n => n.Title).ShouldContain("豊中市から照会への質問「回答の単位について」への追加の質問");

        var attachment = followedUp.Entries[0].Attachments.ShouldHaveSingleItem();
        attachment.FileName.ShouldBe("画面.png");
        (await InOsakaAsync(s => s.DownloadAttachmentAsync(SurveyQuestions.Type, thread.Id, attachment.Id, Staff(OsakaStaff)))).Value!.Content.ShouldBe(Png);
    }

    [Fact]
    public async Task Either_side_closes_a_closed_thread_takes_no_reply_and_reopening_waits_again()
    {
        var thread = (await InOsakaAsync(s => s.OpenAsync(new NewThread(SurveyQuestions.Type, "7", "272035", "期限", "延ばせますか。"), [],
            Officer(Toyonaka, "272035")))).Value!.Thread;
        var closed = (await InOsakaAsync(s => s.SetClosedAsync(SurveyQuestions.Type, thread.Id, close: true, "解決しました", Officer(Toyonaka, "272035"))))
            .Value.ShouldNotBeNull();
        closed.Thread.Status.ShouldBe(ThreadStatus.Closed);
        closed.Thread.WaitingSince.ShouldBeNull();
        (closed.CanReply, closed.CanClose, closed.CanReopen).ShouldBe((false, false, true));

        var refused = await InOsakaAsync(s => s.ReplyAsync(SurveyQuestions.Type, thread.Id, "追記", [], Staff(OsakaStaff)));
        (refused.Kind, refused.Field, refused.Message).ShouldBe((OutcomeKind.Conflict, "body", "この照会への質問は終了しています。再開してから返信してください。"));
        var twice = await InOsakaAsync(s => s.SetClosedAsync(SurveyQuestions.Type, thread.Id, close: true, null, Staff(OsakaStaff)));
        (twice.Kind, twice.Message).ShouldBe((OutcomeKind.Conflict, "この照会への質問はすでに終了しています。"));

        Database.Clock.Now = Database.Clock.Now.AddDays(1);
        var reopened = (await InOsakaAsync(s => s.SetClosedAsync(SurveyQuestions.Type, thread.Id, close: false, null, Staff(OsakaStaff))))
            .Value.ShouldNotBeNull();
        reopened.Thread.Status.ShouldBe(ThreadStatus.Open);
        reopened.Thread.WaitingSince.ShouldBe(Database.Clock.Now.UtcDateTime);
        reopened.Entries.Select(e => e.Kind).ShouldBe([ThreadEntryKind.Message, ThreadEntryKind.Closed, ThreadEntryKind.Reopened]);
        reopened.Entries[1].Body.ShouldBe("解決しました");
    }

    [Fact]
    public async Task Only_the_organisations_officers_and_the_prefectures_staff_see_a_thread_and_only_officers_open_one()
    {
        var thread = (await InOsakaAsync(s => s.OpenAsync(new NewThread(SurveyQuestions.Type, "7", "272035", "件名", "本文"), [],
            Officer(Toyonaka, "272035")))).Value!.Thread;

        (await InOsakaAsync(s => s.GetAsync(SurveyQuestions.Type, thread.Id, Officer(Chihaya, "273830")))).Kind.ShouldBe(OutcomeKind.NotFound);
        (await InOsakaAsync(s => s.ListAsync(SurveyQuestions.Type, Officer(Chihaya, "273830")))).Value.ShouldBeEmpty();
        (await InOsakaAsync(s => s.ListAsync(SurveyQuestions.Type, Expert()))).Kind.ShouldBe(OutcomeKind.Forbidden);
        var byStaff = await InOsakaAsync(s => s.OpenAsync(new NewThread(SurveyQuestions.Type, "7", "272035", "件名", "本文"), [], Staff(OsakaStaff)));
        (byStaff.Kind, byStaff.Message).ShouldBe((OutcomeKind.Forbidden, "照会への質問を登録できるのは、その団体の担当者だけです（都道府県の職員は回答する側です）。"));
        var untitled = await InOsakaAsync(s => s.OpenAsync(new NewThread(SurveyQuestions.Type, "7", "272035", " ", "本文"), [], Officer(Toyonaka, "272035")));
        (untitled.Kind, untitled.Field, untitled.Message).ShouldBe((OutcomeKind.Invalid, "title", "件名を入力してください。"));
        var tooMany = await InOsakaAsync(s => s.OpenAsync(new NewThread(SurveyQuestions.Type, "7", "272035", "件名", "本文"),
            [Upload("1.png", Png), Upload("2.png", Png), Upload("3.png", Png)], Officer(Toyonaka, "272035")));
        (tooMany.Kind, tooMany.Field).ShouldBe((OutcomeKind.Invalid, "files"));

        // Another tenant does not find it, even its prefecture's staff.
        await using (var kyoto = Database.CreateContext(Kyoto))
            (await Threads(kyoto).GetAsync(SurveyQuestions.Type, thread.Id, Staff(KyotoAdmin))).Kind.ShouldBe(OutcomeKind.NotFound);
    }

    [Fact]
    public async Task Where_the_subject_allows_it_the_staff_open_a_thread_that_waits_for_the_organisation_and_tells_its_officers()
    {
        Database.Clock.Now = FridayMorning;
        var opened = await InOsakaAsync(s => s.OpenAsync(new NewThread(SurveyFollowUps.Type, "7", "272035", "回答の補足", "課の内訳を教えてください。"), [],
            Staff(OsakaStaff)));
        var thread = opened.Value.ShouldNotBeNull().Thread;
        (thread.Status, thread.StatusName, thread.WaitingSince, thread.WaitingBusinessDays).ShouldBe((ThreadStatus.Answered, "回答済み", null, null));
        opened.Value.Entries.ShouldHaveSingleItem().FromPrefecture.ShouldBeTrue();
        var officerNotices = await NoticesAsync(Toyonaka);
        officerNotices.ShouldHaveSingleItem().Title.ShouldBe("都道府県から照会の補足「回答の補足」が届きました");
        officerNotices[0].Link.ShouldBe($"/osaka/surveys/7/follow-ups/{thread.Id}");
        (await NoticesAsync(OsakaStaff)).ShouldBeEmpty();
        (await InOsakaAsync(s => s.CountOpenAsync(SurveyFollowUps.Type, Staff(OsakaStaff)))).ShouldBe(0);

        // The 団体's reply waits for the prefecture, as any follow-up does.
        var replied = (await InOsakaAsync(s => s.ReplyAsync(SurveyFollowUps.Type, thread.Id, "総務課と税務課です。", [], Officer(Toyonaka, "272035"))))
            .Value.ShouldNotBeNull();
        (replied.Thread.Status, replied.Thread.WaitingSince).ShouldBe((ThreadStatus.Open, FridayMorning.UtcDateTime));
        (await NoticesAsync(OsakaStaff)).ShouldHaveSingleItem().Title.ShouldBe("豊中市から照会の補足「回答の補足」への追加の質問");

        // An officer still opens one as before; an expert may not.
        var byOfficer = (await InOsakaAsync(s => s.OpenAsync(new NewThread(SurveyFollowUps.Type, "8", "272035", "期限", "延ばせますか。"), [],
            Officer(Toyonaka, "272035")))).Value.ShouldNotBeNull();
        (byOfficer.Thread.Status, byOfficer.Thread.WaitingSince).ShouldBe((ThreadStatus.Open, FridayMorning.UtcDateTime));
        var byExpert = await InOsakaAsync(s => s.OpenAsync(new NewThread(SurveyFollowUps.Type, "9", "272035", "件名", "本文"), [], Expert()));
        (byExpert.Kind, byExpert.Message).ShouldBe((OutcomeKind.Forbidden, "照会の補足を登録できるのは、その団体の担当者と都道府県の職員だけです。"));
    }

    [Fact]
    public void A_thread_waits_the_business_days_after_the_question_not_the_day_it_was_asked()
    {
        var calendar = new BusinessCalendar(Options.Create(new CalendarOptions()));
        ThreadService.WaitingBusinessDays(calendar, FridayMorning.UtcDateTime, new DateOnly(2026, 11, 27)).ShouldBe(0);
        ThreadService.WaitingBusinessDays(calendar, FridayMorning.UtcDateTime, new DateOnly(2026, 11, 30)).ShouldBe(1);
        ThreadService.WaitingBusinessDays(calendar, FridayMorning.UtcDateTime, new DateOnly(2026, 12, 1)).ShouldBe(2);
    }

    private async Task<T> InOsakaAsync<T>(Func<ThreadService, Task<T>> work)
    {
        await using var db = Database.CreateContext(Osaka);
        return await work(Threads(db));
    }

    private ThreadService Threads(DxCollabDbContext db) =>
        new(db, new FileStore(db, new DatabaseFileContentStore(db), new NoFileScanner(), Policies,
            Database.Clock), Service(db), new BusinessCalendar(Options.Create(new CalendarOptions())), Database.Clock, [new SurveyQuestions(), new SurveyFollowUps()]);

    private async Task<IReadOnlyList<NotificationView>> NoticesAsync(string userId)
    {
        await using var db = Database.CreateContext(Osaka);
        return (await Service(db).ListAsync(userId)).Items;
    }

    private static ClaimsPrincipal Officer(string userId, string organizationCode) => User(userId, Roles.MunicipalOfficer, organizationCode);

    private static ClaimsPrincipal Staff(string userId) => User(userId, Roles.PrefectureStaff, null);

    private static ClaimsPrincipal Expert() => User("expert", Roles.Expert, "272035");

    private static ClaimsPrincipal User(string userId, string role, string? organizationCode)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Role, role), new(ClaimTypes.Email, $"{userId}@example.jp")];
        if (organizationCode is not null) claims.Add(new(DxClaims.OrganizationCode, organizationCode));
        return new(new ClaimsIdentity(claims, "test"));
    }

    private static FormFile Upload(string name, byte[] content) => new(new MemoryStream(content), 0, content.Length, "files", name);

    /// <summary>A module's subject that is not 標準化's: questions about a survey.</summary>
    private sealed class SurveyQuestions : IThreadSubject
    {
        public const string Type = "survey", Purpose = "survey-files";
        public string SubjectType => Type;
        public string Noun => "照会への質問";
        public string NotificationCategory => "survey-question";
        public string UploadPurpose => Purpose;
        public string Link(string tenant, ConversationThread thread) => $"/{tenant}/surveys/{thread.SubjectKey}/questions/{thread.Id}";
        public string Describe(ConversationThread thread) => $"対象: 照会 {thread.SubjectKey}";
    }

    /// <summary>A subject on which the prefecture asks too: follow-ups on a survey's answers.</summary>
    private sealed class SurveyFollowUps : IThreadSubject
    {
        public const string Type = "survey-follow-up";
        public string SubjectType => Type;
        public string Noun => "照会の補足";
        public string NotificationCategory => "survey-question";
        public string UploadPurpose => SurveyQuestions.Purpose;
        public bool PrefectureMayOpen => true;
        public string Link(string tenant, ConversationThread thread) => $"/{tenant}/surveys/{thread.SubjectKey}/follow-ups/{thread.Id}";
        public string Describe(ConversationThread thread) => $"対象: 照会 {thread.SubjectKey}";
    }
}
