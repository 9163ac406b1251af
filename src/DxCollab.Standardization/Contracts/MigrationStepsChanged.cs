using DxCollab.Platform.Messaging;

namespace DxCollab.Standardization.Contracts;

/// <summary>Published (through the outbox) whenever steps of a 団体 change: the national roll-up and the reminder
/// engine listen. <c>Status</c> is the status set, or null when the steps got different statuses (an import).
/// Carries its tenant in the payload too, so the consumer can check it against the header.</summary>
public sealed record MigrationStepsChanged(string TenantId, string OrganizationCode, int[] BusinessNumbers, int[] StepNumbers,
    StepStatus? Status, DateTime ChangedAt, string Source) : ITenantMessage;
