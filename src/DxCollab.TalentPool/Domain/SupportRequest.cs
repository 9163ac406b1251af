using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.TalentPool.Domain;

/// <summary>A 団体's request for support (支援依頼). Made through a theme card (<see cref="ThemeKey"/>, whose questions'
/// answers are <see cref="IntakeJson"/>) or the free-form 「相談したい」 path (no theme; the conversation goes on in a
/// Platform thread).</summary>
public sealed class SupportRequest : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    /// <summary>団体コード of the requesting municipality.</summary>
    public required string OrganizationCode { get; set; }
    /// <summary>The theme card chosen (Requests/ThemeCatalog), or null for 「相談したい」.</summary>
    public string? ThemeKey { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>Answers to the theme's questions: {"questionKey": "answer", …}.</summary>
    public string IntakeJson { get; set; } = "{}";
    public Urgency Urgency { get; set; } = Urgency.Normal;
    public DateOnly? PreferredFrom { get; set; }
    public DateOnly? PreferredTo { get; set; }
    public SupportMode Mode { get; set; }
    public RequestState State { get; set; } = RequestState.Received;
    /// <summary>Attached documents (Platform file store ids), as JSON array.</summary>
    public string FileIdsJson { get; set; } = "[]";
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When the first expert was assigned (the waiting time is measured to it).</summary>
    public DateTime? FirstAssignedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? WithdrawnReason { get; set; }
    /// <summary>Concurrency token: two staff moving the state at once, the second is told.</summary>
    public int Version { get; set; }
}
