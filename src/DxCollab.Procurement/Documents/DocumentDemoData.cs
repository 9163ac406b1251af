using System.Text;
using DxCollab.Platform.Audit;
using DxCollab.Platform.Data;
using DxCollab.Platform.Exports;
using DxCollab.Platform.Files;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Tenancy;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;

namespace DxCollab.Procurement.Documents;

/// <summary>Demo mode, osaka: in 「ビジネスチャット共同調達」 (opened by the Workspaces slice's demo) a 機微 specification in
/// its 第3版 approved by most members (all but three 承認, one 差戻し with a comment, two 未回答), 第2版 with its own earlier
/// approval, a few other documents in folders, and two decisions resting on 第2版 and 第3版. Files are small generated
/// PDFs and xlsx that pass the type check, stored through the file store. Does nothing without that workspace or once it
/// has documents.</summary>
public sealed class DocumentDemoData(TimeProvider clock) : IDemoDataContributor
{
    public const string WorkspaceTitle = "ビジネスチャット共同調達";
    private const string Actor = "デモデータ";

    public IReadOnlyCollection<Type> RunsAfter { get; } = [typeof(Demo.ProcurementDemoWorkspaces)];

    public async Task SeedAsync(PrefectureTenant tenant, IServiceProvider services, CancellationToken ct)
    {
        if (tenant.Identifier != "osaka") return;
        var db = services.GetRequiredService<DxCollabDbContext>();
        var workspace = await db.Set<Workspace>().AsNoTracking().FirstOrDefaultAsync(w => w.Title == WorkspaceTitle, ct);
        if (workspace is null || await db.Set<ProcurementDocument>().AnyAsync(d => d.WorkspaceId == workspace.Id, ct)) return;
        var members = await db.Set<WorkspaceMember>().AsNoTracking().Where(m => m.WorkspaceId == workspace.Id && m.State == MemberState.Active)
            .OrderBy(m => m.Role).ThenBy(m => m.OrganizationCode).ToListAsync(ct);
        var voters = members.Where(m => m.Role != MemberRole.Observer).ToList();
        var lead = members.FirstOrDefault(m => m.OrganizationCode == workspace.LeadOrganizationCode) ?? voters.FirstOrDefault();
        if (lead is null) return;

        var audit = services.GetRequiredService<AuditInterceptor>();
        audit.Suppressed = true;
        try
        {
            var files = services.GetRequiredService<FileStore>();
            var folders = new Dictionary<string, DocumentFolder>();
            foreach (var (name, order) in new[] { ("仕様書", 1), ("意向調査", 2), ("協定・費用", 3) })
                db.Add(folders[name] = new DocumentFolder { WorkspaceId = workspace.Id, Name = name, Order = order, CreatedAt = Day(-90), CreatedBy = Actor });
            await db.SaveChangesAsync(ct);

            var spec = await DocumentAsync(db, files, workspace.Id, folders["仕様書"], "ビジネスチャット仕様書", Confidentiality.Sensitive, lead.OrganizationCode,
                [("仕様書_第1版.pdf", Pdf("第1版"), "初版（機能要件・非機能要件）", -80), ("仕様書_第2版.pdf", Pdf("第2版"), "意向調査の結果を反映し、利用者数を1,800人に", -50),
                 ("仕様書_第3版.pdf", Pdf("第3版"), "RFIの回答を踏まえ、ログ保存期間とSSO要件を追記", -20)], ct);
            await DocumentAsync(db, files, workspace.Id, folders["意向調査"], "意向調査の結果", Confidentiality.Public, lead.OrganizationCode,
                [("意向調査結果.xlsx", Xlsx(["団体", "回答"], voters.Select(v => (IReadOnlyList<object?>)[v.OrganizationName, "参加"])), "意向調査の集計", -70)], ct);
            await DocumentAsync(db, files, workspace.Id, folders["協定・費用"], "協定書（案）", Confidentiality.MembersOnly, lead.OrganizationCode,
                [("協定書案.pdf", Pdf("協定書案"), "事務委託の協定書案", -15)], ct);
            await DocumentAsync(db, files, workspace.Id, folders["協定・費用"], "費用按分の試算", Confidentiality.MembersOnly, lead.OrganizationCode,
                [("費用按分試算.xlsx", Xlsx(["区分", "金額"], [["初期費用", 12_000_000], ["年額", 4_800_000]]), "均等割3：人口割7で試算", -12)], ct);

            // 第2版: approved by all who answered then; 第3版: all but three 承認, one 差戻し with its reason, two 未回答.
            await ApprovalAsync(db, spec[1], voters.Take(Math.Max(1, voters.Count - 1)).Select(v => (v, true, (string?)null)), closed: true, -45, ct);
            var answering = voters.Take(Math.Max(1, voters.Count - 2)).ToList();
            await ApprovalAsync(db, spec[2], answering.Select((v, i) => (v, i != answering.Count - 1 || answering.Count == 1,
                i == answering.Count - 1 && answering.Count > 1 ? "ログの保存期間（5年）は当村の規程より長く、費用が増えないか確認したい" : (string?)null)), closed: false, -18, ct);

            db.Add(new Decision
            {
                WorkspaceId = workspace.Id, DecidedOn = JapaneseCalendar.TodayInTokyo(clock.GetUtcNow()).AddDays(-44), Matter = "仕様書第2版をもとにRFIを実施する",
                BasisRevisionId = spec[1].Id, AttendeeCodes = string.Join(',', voters.Select(v => v.OrganizationCode)), RecordedAt = Day(-44), RecordedBy = Actor,
            });
            db.Add(new Decision
            {
                WorkspaceId = workspace.Id, DecidedOn = JapaneseCalendar.TodayInTokyo(clock.GetUtcNow()).AddDays(-10), Matter = "仕様書第3版で入札公告を行う（一般競争入札）",
                BasisRevisionId = spec[2].Id, AttendeeCodes = string.Join(',', voters.Take(Math.Max(1, voters.Count - 1)).Select(v => v.OrganizationCode)), RecordedAt = Day(-10),
                RecordedBy = Actor,
            });
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            audit.Suppressed = false;
            db.ChangeTracker.Clear();
        }
    }

    private Task<List<DocumentRevision>> DocumentAsync(DxCollabDbContext db, FileStore files, long workspaceId, DocumentFolder folder, string title,
        Confidentiality label, string organizationCode, (string Name, byte[] Content, string Note, int Day)[] revisions, CancellationToken ct) =>
        AddDocumentAsync(db, files, workspaceId, folder.Id, title, label, organizationCode, [.. revisions.Select(r => (r.Name, r.Content, r.Note, Day(r.Day)))], ct);

    /// <summary>A document with its revisions (第1版 …), the files in the platform store: also used by the other demo data of
    /// the module (the finished RPA case's specification).</summary>
    internal static async Task<List<DocumentRevision>> AddDocumentAsync(DxCollabDbContext db, FileStore files, long workspaceId, long? folderId, string title,
        Confidentiality label, string organizationCode, (string Name, byte[] Content, string Note, DateTime At)[] revisions, CancellationToken ct)
    {
        var document = new ProcurementDocument
        {
            WorkspaceId = workspaceId, FolderId = folderId, Title = title, Confidentiality = label, LatestNumber = revisions.Length,
            CreatedAt = revisions[0].At, CreatedBy = Actor, UpdatedAt = revisions[^1].At,
        };
        db.Add(document);
        await db.SaveChangesAsync(ct);
        var stored = revisions.Select(r => files.Add(organizationCode, CheckedFile.FromBytes(r.Name, FileTypes.ContentTypeOf(r.Name, r.Content)!, r.Content), Actor, null)).ToList();
        var rows = new List<DocumentRevision>();
        await files.SaveAsync(() =>
        {
            for (var i = 0; i < revisions.Length; i++)
                db.Add(new DocumentRevision
                {
                    WorkspaceId = workspaceId, DocumentId = document.Id, Number = i + 1, FileId = stored[i].Id, FileName = stored[i].FileName,
                    ContentType = stored[i].ContentType, Length = stored[i].Length, Sha256 = stored[i].Sha256, ChangeNote = revisions[i].Note,
                    UploadedAt = revisions[i].At, UploadedBy = Actor, UploadedByOrganizationCode = organizationCode,
                }.Also(rows.Add));
        }, ct);
        return rows;
    }

    private async Task ApprovalAsync(DxCollabDbContext db, DocumentRevision revision, IEnumerable<(WorkspaceMember Member, bool Approved, string? Comment)> verdicts,
        bool closed, int day, CancellationToken ct)
    {
        var request = new ApprovalRequest { WorkspaceId = revision.WorkspaceId, RevisionId = revision.Id, AskedAt = Day(day), AskedBy = Actor, ClosedAt = closed ? Day(day + 4) : null,
            ClosedBy = closed ? Actor : null };
        db.Add(request);
        await db.SaveChangesAsync(ct);
        var offset = 0;
        foreach (var (member, approved, comment) in verdicts)
            db.Add(new ApprovalVerdict
            {
                RequestId = request.Id, RevisionId = revision.Id, OrganizationCode = member.OrganizationCode, OrganizationName = member.OrganizationName,
                Approved = approved, Comment = comment, DecidedAt = Day(day).AddHours(++offset), DecidedBy = Actor,
            });
        await db.SaveChangesAsync(ct);
    }

    internal static byte[] Pdf(string text) => Encoding.UTF8.GetBytes($"%PDF-1.4\n% DxCollab demo: {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static byte[] Xlsx(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        TabularExport.WriteXlsx(buffer, headers, rows, "Sheet1");
        return buffer.ToArray();
    }

    private DateTime Day(int days) => clock.GetUtcNow().UtcDateTime.AddDays(days);
}

internal static class DemoExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
