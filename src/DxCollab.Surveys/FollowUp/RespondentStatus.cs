using DxCollab.Surveys.Domain;

namespace DxCollab.Surveys.FollowUp;

/// <summary>What the status board shows per roster entry: the response's state, except that a respondent granted a
/// later deadline (期限延長) and still answering (未着手 or 回答中) shows as such; 差戻し stays visible as 差戻し.</summary>
public enum RespondentStatus { NotStarted = 1, Drafting = 2, Submitted = 3, Returned = 4, Extended = 5 }

public static class RespondentStatuses
{
    public static readonly RespondentStatus[] All =
        [RespondentStatus.NotStarted, RespondentStatus.Drafting, RespondentStatus.Returned, RespondentStatus.Extended, RespondentStatus.Submitted];

    public static RespondentStatus Of(SurveyResponse response) =>
        response.State == ResponseState.Submitted ? RespondentStatus.Submitted
        : response.State == ResponseState.Returned ? RespondentStatus.Returned
        : response.ExtendedDeadline is not null ? RespondentStatus.Extended
        : response.State switch
        {
            ResponseState.Drafting => RespondentStatus.Drafting,
            ResponseState.Returned => RespondentStatus.Returned,
            _ => RespondentStatus.NotStarted,
        };

    public static string ToJapanese(this RespondentStatus status) => status switch
    {
        RespondentStatus.NotStarted => "未着手",
        RespondentStatus.Drafting => "回答中",
        RespondentStatus.Submitted => "提出済",
        RespondentStatus.Returned => "差戻し",
        RespondentStatus.Extended => "期限延長",
        _ => status.ToString(),
    };

    /// <summary>The value used in URLs and the API (<c>state=not-submitted</c> means every state but 提出済).</summary>
    public static string Slug(this RespondentStatus status) => status switch
    {
        RespondentStatus.NotStarted => "not-started",
        RespondentStatus.Drafting => "drafting",
        RespondentStatus.Submitted => "submitted",
        RespondentStatus.Returned => "returned",
        RespondentStatus.Extended => "extended",
        _ => status.ToString(),
    };

    public const string NotSubmitted = "not-submitted";

    public static bool TryParseFilter(string? slug, out RespondentStatus[]? statuses)
    {
        statuses = null;
        if (string.IsNullOrWhiteSpace(slug)) return true;
        if (slug == NotSubmitted)
        {
            statuses = [.. All.Where(s => s != RespondentStatus.Submitted)];
            return true;
        }
        var match = All.Where(s => s.Slug() == slug).ToArray();
        statuses = match.Length == 1 ? match : null;
        return match.Length == 1;
    }
}
