using System.Security.Claims;
using DxCollab.Platform.Results;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Answering;

public sealed partial class ResponseService
{
    /// <summary>The form as a respondent will see it, empty and never saved (the prefecture's staff, any state).</summary>
    public async Task<Outcome<ResponseView>> PreviewAsync(long surveyId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayAuthor()) return Outcome<ResponseView>.Forbidden("プレビューは都道府県の職員だけが使えます。");
        var survey = await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null) return Outcome<ResponseView>.NotFound("照会が見つかりません。");
        return Outcome<ResponseView>.Ok(new ResponseView
        {
            SurveyId = survey.Id, SurveyTitle = survey.Title, Purpose = survey.Purpose, LegalBasis = survey.LegalBasis, Contact = survey.Contact,
            SurveyState = survey.State, RespondentCode = "", RespondentName = "（プレビュー）", Deadline = survey.Deadline, Form = survey.Form,
            Answers = new AnswerSet(), LockedReason = "プレビューでは保存・提出できません。",
        });
    }
}
