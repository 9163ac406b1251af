using DxCollab.Surveys.SpecialForms;

namespace DxCollab.Surveys.Tests;

/// <summary>The written vote's result: counts per 案件, ご意見 with their 団体, 可決/否決 by simple majority of votes cast.</summary>
public sealed class VoteTallyTests
{
    [Fact]
    public void Counts_for_against_and_not_submitted_and_keeps_every_opinion_with_its_body()
    {
        var result = VoteTally.Tally("item1", "令和8年度事業計画（案）",
        [
            new("272035", "豊中市", true, "異議ありません。"),
            new("273830", "千早赤阪村", false, "小規模団体の負担に配慮してください。"),
            new("271004", "大阪市", true, null),
            new("272027", "堺市", null, null),
        ]);
        (result.For, result.Against, result.NotSubmitted).ShouldBe((2, 1, 1));
        result.Opinions.Select(o => (o.Name, o.Text)).ShouldBe([("豊中市", "異議ありません。"), ("千早赤阪村", "小規模団体の負担に配慮してください。")]);
        result.Carried.ShouldBeTrue();
        result.Outcome.ShouldBe("可決");
    }

    [Fact]
    public void A_tie_or_no_vote_cast_is_rejected_and_missing_votes_do_not_count()
    {
        VoteTally.Tally("i", "案", [new("1", "a", true, null), new("2", "b", false, null)]).Outcome.ShouldBe("否決");
        VoteTally.Tally("i", "案", [new("1", "a", null, null), new("2", "b", null, null)]).Outcome.ShouldBe("否決");
        // Three members did not vote: one 賛成 against none still carries.
        VoteTally.Tally("i", "案", [new("1", "a", true, null), new("2", "b", null, null), new("3", "c", null, null), new("4", "d", null, null)])
            .Carried.ShouldBeTrue();
    }
}
