using DxCollab.Platform.Calendar;
using DxCollab.Platform.Jobs;
using DxCollab.Platform.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Tests.Notifications;

/// <summary>The 08:30 digest goes out on business days only; on a closed day the items wait for the next one.</summary>
public sealed class EmailDeliveryJobTests
{
    [Theory]
    [InlineData("2026-11-28T23:30:00Z")] // Sun 11-29 08:30 in Tokyo
    [InlineData("2026-11-02T23:30:00Z")] // Tue 11-03 文化の日
    [InlineData("2026-12-29T23:30:00Z")] // Wed 12-30 年末年始
    public async Task No_digest_is_sent_on_a_closed_day_in_tokyo(string utc)
    {
        var clock = new TestClock(DateTimeOffset.Parse(utc));
        // The runner is never reached on a closed day (a null one would fail the test if it were).
        var job = new EmailDeliveryJob(null!, new BusinessCalendar(Options.Create(new CalendarOptions())), clock, NullLogger<EmailDeliveryJob>.Instance);
        (await job.SendDigestAsync("osaka", CancellationToken.None)).ShouldBeNull();
    }
}
