using DxCollab.Platform.Backbone;
using DxCollab.Platform.Data;
using DxCollab.Platform.Email;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Tests.Notifications;

/// <summary>A migrated SQLite database with osaka (大阪府 admin and staff, two 豊中市 officers of whom one is
/// deactivated, one 千早赤阪村 officer) and kyoto (京都府 admin), and the notification services built over it.</summary>
public abstract class NotificationTestBase : IDisposable
{
    public const string BaseUrl = "https://dxcollab.example";
    protected static readonly PrefectureTenant Osaka = TestDatabase.Osaka;
    protected static readonly PrefectureTenant Kyoto = TestDatabase.Kyoto;
    protected readonly TestDatabase Database = new();

    protected string OsakaAdmin = "", OsakaStaff = "", Toyonaka = "", ToyonakaRetired = "", Chihaya = "", KyotoAdmin = "";

    protected NotificationTestBase()
    {
        // 2026-12-01 09:00 in Tokyo.
        Database.Clock.Now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        using (var osaka = Database.CreateContext(Osaka))
        {
            osaka.Organizations.AddRange(Make.Organization("270008", "大阪府", "おおさかふ", OrganizationType.Prefecture),
                Make.Organization("272035", "豊中市", "とよなかし", OrganizationType.CoreCity),
                Make.Organization("273830", "千早赤阪村", "ちはやあかさかむら", OrganizationType.Village));
            OsakaAdmin = AddUser(osaka, "admin@pref.osaka.example", "270008", Roles.PrefectureAdmin, "大阪府 管理者");
            OsakaStaff = AddUser(osaka, "staff@pref.osaka.example", "270008", Roles.PrefectureStaff, "大阪府 職員");
            Toyonaka = AddUser(osaka, "it@city.toyonaka.example", "272035", Roles.MunicipalOfficer, "豊中市 情報政策課");
            ToyonakaRetired = AddUser(osaka, "retired@city.toyonaka.example", "272035", Roles.MunicipalOfficer, "豊中市 退職者", active: false);
            Chihaya = AddUser(osaka, "somu@vill.chihayaakasaka.example", "273830", Roles.MunicipalOfficer, "千早赤阪村 総務課");
            osaka.SaveChanges();
        }
        using var kyoto = Database.CreateContext(Kyoto);
        kyoto.Organizations.Add(Make.Organization("260002", "京都府", "きょうとふ", OrganizationType.Prefecture));
        KyotoAdmin = AddUser(kyoto, "admin@pref.kyoto.example", "260002", Roles.PrefectureAdmin, "京都府 管理者");
        kyoto.SaveChanges();
    }

    private static string AddUser(DxCollabDbContext db, string email, string org, string role, string name, bool active = true)
    {
        var user = Make.User(email, org);
        user.DisplayName = name;
        user.IsActive = active;
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = $"role-{role.ToLowerInvariant()}" });
        return user.Id;
    }

    protected NotificationTemplates Templates => new(Options.Create(new HostingOptions { PublicBaseUrl = BaseUrl + "/" }), Database.Clock);

    protected NotificationService Service(DxCollabDbContext db) => new(db, Templates, Database.Clock);

    protected EmailDispatcher Dispatcher(DxCollabDbContext db, IEmailSender sender) =>
        new(db, sender, Templates, Database.Clock, NullLogger<EmailDispatcher>.Instance);

    protected static SmtpEmailSender Smtp(int port) => new(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port }),
        Options.Create(new EmailOptions { From = "DxCollab <no-reply@dxcollab.example>" }));

    protected static NotificationMessage Message(string title = "回答期限のお知らせ", string? link = "/osaka/surveys/42") =>
        new(NotificationCategories.Reminder, title, "照会「標準化の進捗」の回答期限が近づいています。", link) { SourceKey = "Surveys:42" };

    /// <summary>Notifies and saves in one osaka context, as a caller does with its own change.</summary>
    protected async Task NotifyOsakaAsync(IEnumerable<string> userIds, NotificationMessage message)
    {
        await using var db = Database.CreateContext(Osaka);
        await Service(db).NotifyAsync(userIds, message);
        await db.SaveChangesAsync();
    }

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }
}
