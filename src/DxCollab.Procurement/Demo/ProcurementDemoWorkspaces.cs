using DxCollab.Platform.Audit;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Tenancy;
using DxCollab.Procurement.Domain;
using DxCollab.Procurement.Polls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;

namespace DxCollab.Procurement.Demo;

/// <summary>Demo mode, osaka only: 「ビジネスチャット共同調達」 led by 豊中市 with 12 member municipalities (千早赤阪村 among
/// them, so its demo officer sees it), in the RFP・入札 phase, after a finished 意向調査 (10 参加, 2 条件付き参加, 3 不参加,
/// 2 未回答), with milestones and a 事務委託 record. Other slices' demo contributors find the workspace by
/// <see cref="ChatTitle"/> and name this type in their RunsAfter. Does nothing once the workspace exists.</summary>
public sealed class ProcurementDemoWorkspaces(TimeProvider clock) : IDemoDataContributor
{
    public const string Tenant = "osaka", ChatTitle = "ビジネスチャット共同調達", Toyonaka = "272035";
    private const string Actor = "toyonaka@osaka.example";

    /// <summary>Answers of the 意向調査 (団体コード, choice, conditions); those answering 参加 or 条件付き参加 are the members.</summary>
    private static readonly (string Code, IntentChoice? Choice, string? Conditions)[] Answers =
    [
        ("272043", IntentChoice.Join, null), ("272051", IntentChoice.Join, null), ("272060", IntentChoice.Join, null),
        ("272086", IntentChoice.Join, null), ("272094", IntentChoice.Join, null), ("272116", IntentChoice.Join, null),
        ("272132", IntentChoice.Join, null), ("272141", IntentChoice.Join, null), ("272167", IntentChoice.Join, null),
        ("273830", IntentChoice.Join, null),
        ("272175", IntentChoice.Conditional, "令和9年度当初予算の議決を条件とする"),
        ("272183", IntentChoice.Conditional, "既存グループウェアとのシングルサインオンが可能であること"),
        ("272027", IntentChoice.Decline, null), ("272078", IntentChoice.Decline, null), ("272108", IntentChoice.Decline, null),
        ("272124", null, null), ("272159", null, null),
    ];

    public async Task SeedAsync(PrefectureTenant tenant, IServiceProvider services, CancellationToken ct)
    {
        if (tenant.Identifier != Tenant) return;
        var db = services.GetRequiredService<DxCollabDbContext>();
        if (await db.Set<Workspace>().AnyAsync(w => w.Title == ChatTitle, ct)) return;
        var audit = services.GetRequiredService<AuditInterceptor>();
        audit.Suppressed = true;
        try
        {
            await SeedChatAsync(db, ct);
        }
        finally
        {
            audit.Suppressed = false;
            db.ChangeTracker.Clear();
        }
    }

    private async Task SeedChatAsync(DxCollabDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());
        DateTime DaysAgo(int days) => now.AddDays(-days);
        var codes = Answers.Select(a => a.Code).Append(Toyonaka).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, ct);

        var workspace = new Workspace
        {
            Subject = "ビジネスチャット", Title = ChatTitle, LeadOrganizationCode = Toyonaka, Phase = ProcurementPhase.Rfp,
            Description = "府内市町村で庁内ビジネスチャット（LGWAN接続・ファイル共有つき）を共同で調達し、単価と運用の負担を下げる。",
            CreatedAt = DaysAgo(200), CreatedBy = Actor, UpdatedAt = DaysAgo(3),
        };
        db.Add(workspace);
        await db.SaveChangesAsync(ct);

        db.Add(new WorkspaceMember
        {
            WorkspaceId = workspace.Id, OrganizationCode = Toyonaka, OrganizationName = names[Toyonaka], Role = MemberRole.Lead, State = MemberState.Active,
            InvitedAt = DaysAgo(200), InvitedBy = Actor, JoinedAt = DaysAgo(200),
        });
        var poll = new IntentPoll
        {
            WorkspaceId = workspace.Id, Question = "ビジネスチャットの共同調達（令和9年度導入予定）に参加しますか。", Deadline = today.AddDays(-150),
            OpenedAt = DaysAgo(180), OpenedBy = Actor, ClosedAt = DaysAgo(148), ClosedBy = Actor,
        };
        db.Add(poll);
        await db.SaveChangesAsync(ct);
        var answeredAt = 175;
        foreach (var (code, choice, conditions) in Answers)
        {
            db.Add(new IntentAnswer
            {
                PollId = poll.Id, OrganizationCode = code, OrganizationName = names[code], Choice = choice, Conditions = conditions,
                AnsweredAt = choice is null ? null : DaysAgo(answeredAt), AnsweredBy = choice is null ? null : $"{code}@demo",
            });
            if (choice is not null)
                db.Add(new WorkspaceMember
                {
                    WorkspaceId = workspace.Id, OrganizationCode = code, OrganizationName = names[code], Role = MemberRole.Member,
                    State = choice == IntentChoice.Decline ? MemberState.Declined : MemberState.Active, InvitedAt = DaysAgo(148), InvitedBy = Actor,
                    JoinedAt = choice == IntentChoice.Decline ? null : DaysAgo(148), EndedAt = choice == IntentChoice.Decline ? DaysAgo(148) : null,
                    EndedBy = choice == IntentChoice.Decline ? Actor : null, EndedReason = choice == IntentChoice.Decline ? "意向調査で不参加" : null,
                    Conditions = conditions,
                });
            answeredAt -= 2;
        }

        (ProcurementPhase From, ProcurementPhase To, int DaysAgo)[] trail =
            [(ProcurementPhase.Study, ProcurementPhase.IntentPoll, 180), (ProcurementPhase.IntentPoll, ProcurementPhase.Specification, 145),
             (ProcurementPhase.Specification, ProcurementPhase.Rfi, 90), (ProcurementPhase.Rfi, ProcurementPhase.Rfp, 20)];
        foreach (var (from, to, days) in trail)
            db.Add(new PhaseChange { WorkspaceId = workspace.Id, From = from, To = to, ChangedAt = DaysAgo(days), ChangedBy = Actor });

        (string Title, int DueInDays, string Owner, bool Done)[] milestones =
            [("意向調査のとりまとめ", -150, Toyonaka, true), ("仕様書案の確定（第3版）", -30, Toyonaka, true), ("RFI 回答の比較表の共有", -25, "272051", true),
             ("入札公告", 7, Toyonaka, false), ("費用負担割合の確定", -2, "272116", false), ("契約締結", 60, Toyonaka, false), ("各団体での利用開始", 150, Toyonaka, false)];
        foreach (var (title, due, owner, done) in milestones)
            db.Add(new Milestone
            {
                WorkspaceId = workspace.Id, Title = title, DueOn = today.AddDays(due), OwnerOrganizationCode = owner, OwnerOrganizationName = names[owner],
                CreatedAt = DaysAgo(140), CreatedBy = Actor, DoneAt = done ? DaysAgo(-due + 1) : null, DoneBy = done ? Actor : null,
            });

        db.Add(new AgreementRecord
        {
            WorkspaceId = workspace.Id, Kind = AgreementKind.Delegation, SignedOn = today.AddDays(-120),
            SignatoryCodes = string.Join(',', Answers.Where(a => a.Choice is IntentChoice.Join or IntentChoice.Conditional).Select(a => a.Code).Prepend(Toyonaka)),
            RecordedAt = DaysAgo(118), RecordedBy = Actor,
        });
        await db.SaveChangesAsync(ct);
    }
}
