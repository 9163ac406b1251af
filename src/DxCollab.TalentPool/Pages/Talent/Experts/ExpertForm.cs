using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Pool;

namespace DxCollab.TalentPool.Pages.Talent.Experts;

/// <summary>The profile as the form posts it: a level (0 = なし) per offered skill area and up to three availability rows.</summary>
public sealed class ExpertForm
{
    public const int AvailabilityRows = 3;

    public string? Name { get; set; }
    public EngagementForm? EngagementForm { get; set; }
    public string? Affiliation { get; set; }
    public string? Email { get; set; }
    public int? MonthlyCapacityHours { get; set; }
    public int? OnSiteDaysCap { get; set; }
    public int? OnlineHoursCap { get; set; }
    public FundingTag? FundingTag { get; set; }
    public string? Note { get; set; }
    /// <summary>Skill area id → level 0–3.</summary>
    public Dictionary<long, int> Levels { get; set; } = [];
    public List<AvailabilityRow> Availability { get; set; } = [];

    public sealed class AvailabilityRow
    {
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Note { get; set; }
    }

    public ExpertInput ToInput() => new(Name, EngagementForm, Affiliation, Email, MonthlyCapacityHours, OnSiteDaysCap, OnlineHoursCap, FundingTag,
        [.. Levels.Where(l => l.Value > 0).Select(l => new SkillLevelInput(l.Key, l.Value))],
        [.. Availability.Where(a => a.From is not null || a.To is not null).Select(a => new AvailabilityInput(a.From ?? a.To!.Value, a.To ?? a.From!.Value, a.Note))],
        Note);

    public static ExpertForm From(ExpertView e) => new()
    {
        Name = e.Name, EngagementForm = e.EngagementForm, Affiliation = e.Affiliation, Email = e.Email, MonthlyCapacityHours = e.MonthlyCapacityHours,
        OnSiteDaysCap = e.OnSiteDaysCap, OnlineHoursCap = e.OnlineHoursCap, FundingTag = e.FundingTag, Note = e.Note,
        Levels = e.Skills.ToDictionary(s => s.SkillAreaId, s => s.Level),
        Availability = [.. e.Availability.Select(a => new AvailabilityRow { From = a.From, To = a.To, Note = a.Note })],
    };

    /// <summary>Blank rows up to <see cref="AvailabilityRows"/> (one more than the saved ones at least).</summary>
    public void PadAvailability()
    {
        while (Availability.Count < AvailabilityRows || Availability.All(a => a.From is not null)) Availability.Add(new AvailabilityRow());
    }
}
