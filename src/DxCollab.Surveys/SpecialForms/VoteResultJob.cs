using DxCollab.Platform.Jobs;

namespace DxCollab.Surveys.SpecialForms;

/// <summary>Announces the result of each written vote once it is closed (every 15 minutes, per tenant): closing is
/// the authoring slice's, so the announcement follows the state rather than a call from there.</summary>
public sealed class VoteResultJob(VoteResultService results) : ITenantRecurringJob
{
    public const string Name = "surveys-vote-results";
    public const string Cron = "*/15 * * * *";

    public Task RunAsync(CancellationToken ct) => results.NotifyClosedVotesAsync(ct);
}
