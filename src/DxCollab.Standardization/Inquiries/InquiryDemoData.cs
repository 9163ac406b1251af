using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Standardization.Inquiries;

/// <summary>Demo mode: open 課題・質問 waiting for the prefecture (two in osaka, one in kyoto), asked a few days ago so
/// the open list shows 開庁日 waited. Skips a thread whose 団体 already has one with the same title. No notices are sent:
/// the demo shows the threads, not a burst of e-mails at every start.</summary>
public sealed class InquiryDemoData : IDemoDataContributor
{
    /// <summary>The threads ask about steps of the demo statuses.</summary>
    public IReadOnlyCollection<Type> RunsAfter => [typeof(Demo.MigrationDemoData)];

    private sealed record DemoInquiry(string Tenant, string OrganizationCode, string Author, string AuthorEmail, int Business, int? Step,
        int DaysAgo, string Title, string Body);

    private static readonly DemoInquiry[] Inquiries =
    [
        new("osaka", "272035", "豊中市 情報政策課", "toyonaka@osaka.example", 3, 10, 6,
            "移行計画書の作成範囲について（住民基本台帳）",
            "住民基本台帳システムの移行計画の作成（ステップ ④-1 移行方針や調達範囲・単位の検討）について質問です。\n" +
            "当市では住民記録と印鑑登録・戸籍附票を同じベンダーのパッケージで運用しており、移行計画書を業務ごとに分けて作るべきか、" +
            "3 業務まとめて 1 冊にしてよいか判断がつきません。府内で先行している団体の作り方があれば教えてください。\n" +
            "あわせて、データ移行のリハーサル回数（2 回を予定）が妥当かもご意見をいただけると助かります。"),
        new("osaka", "273830", "千早赤阪村 総務課", "chihayaakasaka@osaka.example", 15, null, 3,
            "生活保護システムの特定移行支援システムへの該当について",
            "生活保護システムの現行ベンダーから、標準準拠システムの提供が期限に間に合わないとの連絡がありました。\n" +
            "特定移行支援システムとして申請する場合、府への報告と総務省への提出の流れ、必要な資料（移行完了予定時期の根拠など）を教えてください。" +
            "小規模団体で担当が 1 人のため、他団体の記載例があると大変助かります。"),
        new("kyoto", "263648", "笠置町 総務財政課", "kasagi@kyoto.example", 8, 38, 2,
            "ガバメントクラウド接続回線の費用負担について（個人住民税）",
            "個人住民税システムの既存環境の設定変更（ステップ ⑯-2 庁内ネットワーク接続の設計・構築）に関して、ガバメントクラウドへの接続回線の費用を近隣町村と共同で負担する案が出ています。\n" +
            "府として共同利用の取りまとめ予定はありますか。見積りの時期を決めたいので、方針が決まっていれば教えてください。"),
    ];

    public async Task SeedAsync(PrefectureTenant tenant, IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<DxCollabDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var demo in Inquiries.Where(i => i.Tenant == tenant.Identifier))
        {
            var subject = new InquirySubject(demo.OrganizationCode, demo.Business, demo.Step);
            if (await db.Set<ConversationThread>().AnyAsync(t => t.SubjectType == InquirySubject.Type && t.OrganizationCode == demo.OrganizationCode
                                                                 && t.Title == demo.Title, ct)) continue;
            if (!await db.Organizations.AnyAsync(o => o.Code == demo.OrganizationCode, ct)) continue;
            var asked = now.AddDays(-demo.DaysAgo);
            var thread = new ConversationThread
            {
                SubjectType = InquirySubject.Type, SubjectKey = subject.Key, OrganizationCode = demo.OrganizationCode, Title = demo.Title,
                Status = ThreadStatus.Open, CreatedAt = asked, CreatedBy = demo.AuthorEmail, WaitingSince = asked, LastActivityAt = asked,
            };
            db.Add(thread);
            await db.SaveChangesAsync(ct);
            var author = await db.Users.AsNoTracking().Where(u => u.Email == demo.AuthorEmail).Select(u => u.Id).FirstOrDefaultAsync(ct);
            db.Add(new ThreadMessage
            {
                ThreadId = thread.Id, Kind = ThreadEntryKind.Message, Body = demo.Body, FromPrefecture = false, AuthorName = demo.Author,
                AuthorEmail = demo.AuthorEmail, AuthorUserId = author, PostedAt = asked,
            });
            await db.SaveChangesAsync(ct);
        }
    }
}
