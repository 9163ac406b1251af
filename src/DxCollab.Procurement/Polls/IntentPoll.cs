using System.Text.Json.Serialization;
using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Procurement.Polls;

/// <summary>参加 / 不参加 / 条件付き参加: a candidate's answer to 「共同調達に参加しますか」.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IntentChoice>))]
public enum IntentChoice { Join, Decline, Conditional }

/// <summary>意向調査: the lead asks candidate organisations of the tenant whether they join, by a deadline (a Tokyo day).
/// Closing it sets the member list from the answers.</summary>
public sealed class IntentPoll : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public required string Question { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTime OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }

    public bool IsClosed => ClosedAt is not null;
}

/// <summary>One candidate of a poll: a row from the start (so 「未回答」 is simply no choice yet), answered and changed by
/// the candidate's officers until the deadline or the close.</summary>
public sealed class IntentAnswer : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long PollId { get; set; }
    public required string OrganizationCode { get; set; }
    public required string OrganizationName { get; set; }
    public IntentChoice? Choice { get; set; }
    /// <summary>Required for 条件付き参加; kept on the member list after the close.</summary>
    public string? Conditions { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }
}
