using DxCollab.Platform.Data;
using DxCollab.Platform.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DxCollab.Standardization.Tracking;

/// <summary>Adds one to the tenant's <see cref="ProgressVersion"/> after every save that changes what the dashboard
/// shows, so no web instance serves figures kept from before it. After the save, not before: a reader that takes the old
/// version while the save commits may keep figures that already include it (harmless), never the reverse. Writes that
/// bypass SaveChanges (the nation's bulk load) bump it themselves.</summary>
public sealed class ProgressVersionInterceptor : SaveChangesInterceptor
{
    private bool _changed;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _changed = ChangesFigures(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        _changed = ChangesFigures(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take() && eventData.Context is DxCollabDbContext db) ProgressVersion.BumpAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Not the caller's token: the change is stored, so its bump must not be cancelled away.
        if (Take() && eventData.Context is DxCollabDbContext db) await ProgressVersion.BumpAsync(db, CancellationToken.None);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _changed = false;

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _changed = false;
        return Task.CompletedTask;
    }

    private bool Take()
    {
        var changed = _changed;
        _changed = false;
        return changed;
    }

    private static bool ChangesFigures(DbContext? context) =>
        context is DxCollabDbContext db && db.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is StepProgress or StepProgressChange or BusinessSystem or MigrationSettings or Organization);
}
