using DxCollab.Platform.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DxCollab.ThrowawayModule.Notes;

/// <summary>One reminder rule: notes older than StaleAfterDays are due (to nobody, it only proves the seam).</summary>
public sealed class StaleNoteRule(IOptions<NoteOptions> options) : IReminderRule
{
    public string Name => "throwaway:stale-note";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderScanContext context, CancellationToken ct)
    {
        var before = context.TodayInTokyo.AddDays(-options.Value.StaleAfterDays);
        var stale = await context.Db.Set<Note>().Where(n => n.WrittenOn < before).Select(n => n.Id).ToListAsync(ct);
        return [.. stale.Select(id => new DueReminder($"throwaway:stale-note:{id}", [], "古いメモがあります", $"メモ {id}"))];
    }
}
