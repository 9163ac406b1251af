using DxCollab.Platform.Data;
using System.Security.Claims;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Answering;

/// <summary>One request's hold on an answer: the survey (its form parsed once), the response and its answers (the
/// prefill applied once), loaded once and handed from step to step (save, attach, confirm, submit), so a request builds
/// at most one <see cref="ResponseView"/>. Made by <see cref="ResponseService.LoadAsync"/>; only for the request that
/// loaded it.</summary>
public sealed class LoadedResponse
{
    internal LoadedResponse(Survey survey, SurveyResponse response, ClaimsPrincipal user)
    {
        Survey = survey;
        Response = response;
        User = user;
    }

    public Survey Survey { get; }
    /// <summary>Tracked when loaded for a change: each step saves it and it carries the new version.</summary>
    public SurveyResponse Response { get; }
    public ClaimsPrincipal User { get; }
    public SurveyForm Form => Survey.Form;
    public string RespondentCode => Response.RespondentCode;
    public int Version => Response.Version;
    public DateTime? LastSavedAt => Response.LastSavedAt.AsUtc();

    /// <summary>The answers as the respondent sees them; null until first read (<see cref="ResponseService"/> fills it).</summary>
    internal AnswerSet? Answers { get; set; }

    /// <summary>True while <see cref="Answers"/> holds prefilled values that are not stored yet (an untouched draft).</summary>
    internal bool HoldsUnsavedPrefill { get; set; }
}
