using System.Collections.Concurrent;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Reminders;
using DxCollab.Platform.Tenancy;
using MassTransit;

namespace DxCollab.IntegrationTests.Backbone;

/// <summary>A tenant-scoped event; its consumer writes a tenant-owned row, so the tenant it ran under is visible.</summary>
public sealed record ProbeEvent(string Note);

/// <summary>A tenant-scoped event whose consumer is a plain <see cref="IConsumer{T}"/> (no inbox), like most modules' own.</summary>
public sealed record PlainProbe(string Note);

/// <summary>A host-level event (national roll-up style): no tenant header allowed.</summary>
public sealed record NationalProbe(string Note) : IHostLevelMessage;

/// <summary>An event whose consumer always fails.</summary>
public sealed record PoisonProbe(string Note);

public sealed record Observation(Guid? MessageId, string? HeaderTenant, string? AmbientTenant, string Note);

/// <summary>What the probe consumers saw (shared by all hosts of a test run).</summary>
public static class ProbeLog
{
    public static readonly ConcurrentQueue<Observation> Seen = new();
    public static readonly ConcurrentQueue<string> Delivered = new();
    public static IReadOnlyList<Observation> For(string prefix) => Seen.Where(o => o.Note.StartsWith(prefix, StringComparison.Ordinal)).ToList();
}

public sealed class ProbeConsumer(DxCollabDbContext db, TimeProvider clock, IMultiTenantContextAccessor<PrefectureTenant> tenant)
    : IdempotentConsumer<ProbeEvent>(db, clock), IOrderedConsumer
{
    protected override Task HandleAsync(ConsumeContext<ProbeEvent> context)
    {
        ProbeLog.Seen.Enqueue(new(context.MessageId, context.Headers.Get<string>(TenantHeaders.TenantId), tenant.MultiTenantContext.TenantInfo?.Id, context.Message.Note));
        Db.OrganizationChanges.Add(new OrganizationChange
        {
            OrganizationCode = "999999", Kind = OrganizationChangeKind.Renamed, After = context.Message.Note, Source = "probe",
            EffectiveOn = new DateOnly(2026, 12, 1),
        });
        return Task.CompletedTask;
    }
}

/// <summary>Saves a tenant-owned row (code 777777) itself: what a plain consumer held when the database went away must be
/// saved when it returns, not given up.</summary>
public sealed class PlainProbeConsumer(DxCollabDbContext db) : IConsumer<PlainProbe>
{
    public async Task Consume(ConsumeContext<PlainProbe> context)
    {
        db.OrganizationChanges.Add(new OrganizationChange
        {
            OrganizationCode = "777777", Kind = OrganizationChangeKind.Renamed, After = context.Message.Note, Source = "plain-probe",
            EffectiveOn = new DateOnly(2026, 12, 1),
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class NationalProbeConsumer(IMultiTenantContextAccessor<PrefectureTenant> tenant) : IConsumer<NationalProbe>
{
    public Task Consume(ConsumeContext<NationalProbe> context)
    {
        ProbeLog.Seen.Enqueue(new(context.MessageId, context.Headers.Get<string>(TenantHeaders.TenantId), tenant.MultiTenantContext.TenantInfo?.Id, context.Message.Note));
        return Task.CompletedTask;
    }
}

public sealed class PoisonProbeConsumer : IConsumer<PoisonProbe>
{
    public Task Consume(ConsumeContext<PoisonProbe> context) => throw new InvalidOperationException("probe failure: " + context.Message.Note);
}

/// <summary>A module-style rule: remind 3 business days before a fixed deadline (2027-01-05, just after 年末年始).</summary>
public sealed class DeadlineProbeRule(Platform.Calendar.BusinessCalendar calendar) : IReminderRule
{
    public static readonly DateOnly Deadline = new(2027, 1, 5);
    public string Name => "probe-deadline";

    public Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderScanContext context, CancellationToken ct)
    {
        IReadOnlyList<DueReminder> due = context.TodayInTokyo == calendar.BusinessDaysBefore(Deadline, 3)
            ? [new DueReminder($"probe:deadline:{Deadline:yyyy-MM-dd}", ["user-1"], "期限が近づいています", "3 営業日前です。", Deadline: Deadline)]
            : [];
        return Task.FromResult(due);
    }
}

/// <summary>Records deliveries as a tenant-owned row in the same transaction, so only committed sends count.</summary>
public sealed class ProbeDelivery : IReminderDelivery
{
    public Task DeliverAsync(DxCollabDbContext db, DueReminder reminder, CancellationToken ct)
    {
        db.OrganizationChanges.Add(new OrganizationChange
        {
            OrganizationCode = "888888", Kind = OrganizationChangeKind.Renamed, After = reminder.Key, Source = "reminder-probe",
            EffectiveOn = reminder.Deadline ?? default,
        });
        return Task.CompletedTask;
    }
}
