using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Vendors;

/// <summary>The RFI matrix: the lead body defines the items and records each vendor's answer per item; every reader of the
/// workspace sees items × vendors.</summary>
public sealed class RfiService(DxCollabDbContext db, TimeProvider clock, WorkspaceService workspaces)
{
    /// <summary>The header of the items' column in the export; no vendor may bear this name.</summary>
    public const string ItemHeader = "項目＼事業者";
    private const string Missing = "共同調達が見つかりません。";

    public async Task<Outcome<RfiMatrix>> MatrixAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<RfiMatrix>.NotFound(Missing);
        var items = await db.Set<RfiItem>().AsNoTracking().Where(i => i.WorkspaceId == workspaceId).OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(ct);
        var answers = await db.Set<RfiAnswer>().AsNoTracking().Where(a => a.WorkspaceId == workspaceId).OrderBy(a => a.Id).ToListAsync(ct);
        var vendors = answers.Select(a => a.VendorName).Distinct().ToList();
        var cells = answers.ToDictionary(a => (a.ItemId, a.VendorName), a => a.Answer);
        return Outcome<RfiMatrix>.Ok(new(workspace.Id, workspace.Title, seat.MayManage, vendors,
            [.. items.Select(i => new RfiRow(View(i), [.. vendors.Select(v => cells.GetValueOrDefault((i.Id, v)))]))]));
    }

    public async Task<Outcome<RfiItemView>> AddItemAsync(long workspaceId, RfiItemInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<RfiItemView>.NotFound(Missing);
        if (!seat.MayManage) return Outcome<RfiItemView>.Forbidden("RFIの項目を決めるのは代表団体です。");
        if ((InputRefusals.Text<RfiItemView>("name", input.Name, "項目名（例: 対応OS、料金体系）を入力してください。")
             ?? InputRefusals.Text<RfiItemView>("description", input.Description)) is { } refused) return refused;
        if (JapaneseText.Clean(input.Name) is not { Length: > 0 } name) return Outcome<RfiItemView>.Invalid("name", "項目名（例: 対応OS、料金体系）を入力してください。");
        if (name.Length > 100) return Outcome<RfiItemView>.Invalid("name", "項目名は100文字以内で入力してください。");
        var description = JapaneseText.Clean(input.Description);
        if (description is { Length: > 1000 }) return Outcome<RfiItemView>.Invalid("description", "説明は1000文字以内で入力してください。");
        var items = db.Set<RfiItem>().Where(i => i.WorkspaceId == workspaceId);
        if (await items.AnyAsync(i => i.Name == name, ct)) return Outcome<RfiItemView>.Invalid("name", $"項目「{name}」はすでにあります。");
        var position = (await items.MaxAsync(i => (int?)i.Position, ct) ?? 0) + 1;
        var item = new RfiItem { WorkspaceId = workspaceId, Position = position, Name = name, Description = description };
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return Outcome<RfiItemView>.Ok(View(item));
    }

    /// <summary>Records (or replaces) a vendor's answer to an item.</summary>
    public async Task<Outcome<RfiMatrix>> RecordAnswerAsync(long workspaceId, RfiAnswerInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<RfiMatrix>.NotFound(Missing);
        if (!seat.MayManage) return Outcome<RfiMatrix>.Forbidden("事業者の回答を記録するのは代表団体です。");
        var item = input.ItemId is { } itemId
            ? await db.Set<RfiItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.WorkspaceId == workspaceId, ct) : null;
        if (item is null) return Outcome<RfiMatrix>.Invalid("itemId", "RFIの項目を選んでください。");
        if ((InputRefusals.Text<RfiMatrix>("vendorName", input.VendorName, "事業者名を入力してください。")
             ?? InputRefusals.Text<RfiMatrix>("answer", input.Answer, "事業者の回答を入力してください。")) is { } refused) return refused;
        if (JapaneseText.Clean(input.VendorName) is not { Length: > 0 } vendor) return Outcome<RfiMatrix>.Invalid("vendorName", "事業者名を入力してください。");
        if (vendor.Length > 200 || vendor == ItemHeader) return Outcome<RfiMatrix>.Invalid("vendorName", "事業者名は200文字以内で入力してください。");
        if (JapaneseText.Clean(input.Answer) is not { Length: > 0 } answer) return Outcome<RfiMatrix>.Invalid("answer", "事業者の回答を入力してください。");
        if (answer.Length > 4000) return Outcome<RfiMatrix>.Invalid("answer", "回答は4000文字以内で入力してください。");
        var row = await db.Set<RfiAnswer>().FirstOrDefaultAsync(a => a.ItemId == item.Id && a.VendorName == vendor, ct);
        if (row is null) db.Add(row = new RfiAnswer { WorkspaceId = workspaceId, ItemId = item.Id, VendorName = vendor, Answer = answer, UpdatedBy = "" });
        (row.Answer, row.UpdatedAt, row.UpdatedBy) = (answer, clock.GetUtcNow().UtcDateTime, user.ActorLabel());
        await db.SaveChangesAsync(ct);
        return await MatrixAsync(workspaceId, user, ct);
    }

    /// <summary>The matrix as a sheet: one row per item, one column per vendor.</summary>
    public static (IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows) Table(RfiMatrix matrix) =>
        ([ItemHeader, .. matrix.Vendors], matrix.Rows.Select(r => (IReadOnlyList<object?>)[r.Item.Name, .. r.Answers]));

    private static RfiItemView View(RfiItem i) => new(i.Id, i.Position, i.Name, i.Description);
}
