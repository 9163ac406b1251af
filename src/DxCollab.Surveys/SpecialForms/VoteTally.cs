namespace DxCollab.Surveys.SpecialForms;

/// <summary>One member's 表決 on one 案件: null when the member has not submitted a 表決書.</summary>
public sealed record MemberVote(string Code, string Name, bool? InFavour, string? Opinion);

public sealed record Opinion(string Code, string Name, string Text);

public sealed record ItemResult(string Key, string Title, int For, int Against, int NotSubmitted, IReadOnlyList<Opinion> Opinions)
{
    /// <summary>可決 by a simple majority of the votes cast (賛成 more than 反対); a tie or no vote is 否決.</summary>
    public bool Carried => For > Against;
    public string Outcome => Carried ? "可決" : "否決";
}

/// <summary>Aggregates a written vote (書面会議): per 案件 the 賛成 / 反対 / 未提出 counts and every ご意見 with its 団体.</summary>
public static class VoteTally
{
    public const string Rule = "可否は、提出された表決書の賛成と反対の数で決めます（単純多数決）。賛成が反対より多いとき可決、同数または賛成が少ないときは否決です。未提出は数に入れません。";

    public static ItemResult Tally(string key, string title, IEnumerable<MemberVote> votes)
    {
        var all = votes.ToList();
        var opinions = all.Where(v => !string.IsNullOrWhiteSpace(v.Opinion) && v.InFavour is not null)
            .Select(v => new Opinion(v.Code, v.Name, v.Opinion!.Trim())).ToList();
        return new(key, title, all.Count(v => v.InFavour == true), all.Count(v => v.InFavour == false), all.Count(v => v.InFavour is null), opinions);
    }
}
