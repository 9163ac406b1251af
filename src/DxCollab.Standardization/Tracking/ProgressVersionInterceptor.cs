using DxCollab.Platform.Data;
using DxCollab.Platform.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DxCollab.Standardization.Tracking;

/// <summary>Adds one to the tenant's <see cref="ProgressVersion"/> after every save that changes what the dashboard
/// shows (and to <see cref="National.NationalProgressVersion"/> after a save of the national read model), so no web instance serves figures kept from before it. After the save, not before: a reader that takes the old
/// version while the save commits may keep figures that already include it (harmless), never the reverse. Writes that
/// bypass SaveChanges (the nation's bulk load) bump it themselves.</summary>
public sealed class ProgressVersionInterceptor : SaveChangesInterceptor
{
    private bool _changed, _nationalChanged;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Look(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Look(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        BumpAsync(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await BumpAsync(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => (_changed, _nationalChanged) = (false, false);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        (_changed, _nationalChanged) = (false, false);
        return Task.CompletedTask;
    }

    private void Look(DbContext? context)
    {
        (_changed, _nationalChanged) = (false, false);
        if (context is not DxCollabDbContext db) return;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is StepProgress or StepProgressChange or BusinessSystem or MigrationSettings or Organization) _changed = true;
            else if (entry.Entity is National.NationalProgressRow) _nationalChanged = true;
        }
    }

    /// <summary>Not with the caller's token: the change is stored, so its bump must not be cancelled away.</summary>
    private async Task BumpAsync(DbContext? context)
    {
        var (changed, nationalChanged) = (_changed, _nationalChanged);
        (_changed, _nationalChanged) = (false, false);
        if (context is not DxCollabDbContext db) return;
        if (changed) await ProgressVersion.BumpAsync(db, CancellationToken.None);
        if (nationalChanged) await National.NationalProgressVersion.BumpAsync(db, CancellationToken.None);
    }
}
