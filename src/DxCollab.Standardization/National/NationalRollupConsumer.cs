using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Tenancy;
using DxCollab.Standardization.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.National;

/// <summary>Host side of the national roll-up: runs with no tenant and upserts <see cref="NationalProgressRow"/>s.
/// Idempotent (inbox) and ordered (one message at a time, so two snapshots of one 団体 never race on the unique key);
/// a snapshot older than the stored row is ignored, so a late redelivery cannot roll figures back.</summary>
public sealed class NationalRollupConsumer(DxCollabDbContext db, TimeProvider clock)
    : IdempotentConsumer<NationalProgressChanged>(db, clock), IOrderedConsumer
{
    protected override async Task HandleAsync(ConsumeContext<NationalProgressChanged> context)
    {
        var message = context.Message;
        if (!PrefectureCatalog.Identifiers.Contains(message.PrefectureId))
            throw new InvalidOperationException($"NationalProgressChanged names unknown prefecture '{message.PrefectureId}'.");
        var businesses = message.Rows.Select(r => r.BusinessNumber).ToList();
        var existing = await Db.Set<NationalProgressRow>()
            .Where(r => r.PrefectureId == message.PrefectureId && r.OrganizationCode == message.OrganizationCode && businesses.Contains(r.BusinessNumber))
            .ToDictionaryAsync(r => r.BusinessNumber, context.CancellationToken);
        foreach (var counts in message.Rows)
        {
            if (counts.Completed + counts.InProgress + counts.NotStarted + counts.NotApplicable != ProgressMath.StepsPerRow)
                throw new InvalidOperationException($"Row {message.OrganizationCode}/{counts.BusinessNumber} does not sum to {ProgressMath.StepsPerRow} steps.");
            if (!existing.TryGetValue(counts.BusinessNumber, out var row))
            {
                row = new NationalProgressRow { PrefectureId = message.PrefectureId, OrganizationCode = message.OrganizationCode, BusinessNumber = counts.BusinessNumber };
                Db.Add(row);
            }
            else if (row.UpdatedAt > message.ComputedAt) continue;
            row.Type = message.Type;
            row.IsEnabled = counts.Enabled;
            row.Completed = counts.Completed;
            row.InProgress = counts.InProgress;
            row.NotStarted = counts.NotStarted;
            row.NotApplicable = counts.NotApplicable;
            row.UpdatedAt = message.ComputedAt;
        }
    }
}
