using DxCollab.Platform.Notifications;
using DxCollab.Platform.Text;

namespace DxCollab.Platform.Tests.Notifications;

public sealed class NotificationTemplatesTests : NotificationTestBase
{
    private static readonly DeadlineItem Survey = new("豊中市", "照会", "標準化の進捗状況調査", new DateOnly(2026, 12, 4), "/osaka/surveys/42")
    {
        SourceKey = "Surveys:42",
    };

    [Theory]
    [InlineData(2026, 12, 4, "令和8年12月4日（2026-12-04）")]
    [InlineData(2019, 5, 1, "令和元年5月1日（2019-05-01）")]
    [InlineData(2019, 4, 30, "平成31年4月30日（2019-04-30）")]
    public void Dates_are_shown_in_wareki_and_western_form(int y, int m, int d, string expected) =>
        JapaneseCalendar.FormatWithWestern(new DateOnly(y, m, d)).ShouldBe(expected);

    [Fact]
    public void A_deadline_notice_names_the_organization_the_item_both_dates_and_the_days_left()
    {
        var message = Templates.DeadlineApproaching(Survey); // today is 2026-12-01 in Tokyo
        message.Category.ShouldBe(NotificationCategories.Deadline);
        message.SourceKey.ShouldBe("Surveys:42");
        message.Link.ShouldBe("/osaka/surveys/42");
        message.Title.ShouldBe("豊中市: 照会「標準化の進捗状況調査」の期限が近づいています（あと3日）");
        message.Body.ShouldContain("団体: 豊中市");
        message.Body.ShouldContain("期限: 令和8年12月4日（2026-12-04）（あと3日）");
    }

    [Fact]
    public void The_immediate_email_has_the_subject_greeting_dates_and_an_absolute_link()
    {
        var (subject, body) = Templates.ImmediateEmail("豊中市 情報政策課", "大阪府", "osaka", Templates.DeadlineApproaching(Survey));
        subject.ShouldBe("【DxCollab】豊中市: 照会「標準化の進捗状況調査」の期限が近づいています（あと3日）");
        body.ShouldStartWith("豊中市 情報政策課 様");
        body.ShouldContain("令和8年12月4日（2026-12-04）");
        body.ShouldContain("https://dxcollab.example/osaka/surveys/42");
        body.ShouldContain("https://dxcollab.example/osaka/notifications");
        body.ShouldContain("DxCollab（大阪府）");
    }

    [Fact]
    public void Overdue_and_new_item_notices()
    {
        Database.Clock.Now = new DateTimeOffset(2026, 12, 5, 15, 30, 0, TimeSpan.Zero); // 2026-12-06 00:30 in Tokyo
        var overdue = Templates.Overdue(Survey);
        overdue.Category.ShouldBe(NotificationCategories.Overdue);
        overdue.Title.ShouldContain("期限を過ぎています（2日超過）");
        overdue.Body.ShouldContain("令和8年12月4日（2026-12-04）");

        var created = Templates.NewItem(Survey);
        created.Title.ShouldBe("豊中市: 新しい照会「標準化の進捗状況調査」");
        created.Body.ShouldContain("期限: 令和8年12月4日（2026-12-04）");
    }

    [Fact]
    public void Today_and_tomorrow_are_said_in_words()
    {
        Database.Clock.Now = new DateTimeOffset(2026, 12, 3, 14, 59, 0, TimeSpan.Zero); // 23:59 on 12-03 in Tokyo
        Templates.DeadlineApproaching(Survey).Title.ShouldContain("明日が期限です");
        Database.Clock.Now = new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero); // 00:00 on 12-04 in Tokyo
        Templates.DeadlineApproaching(Survey).Title.ShouldContain("本日が期限です");
    }

    [Fact]
    public void The_digest_lists_every_item_once_with_a_dated_subject()
    {
        var items = new[] { Templates.DigestItem(Templates.DeadlineApproaching(Survey)), Templates.DigestItem(Templates.NewItem(Survey)) };
        var (subject, body) = Templates.Digest("千早赤阪村 総務課", "大阪府", "osaka", items);
        subject.ShouldBe("【DxCollab】お知らせのまとめ（令和8年12月1日（2026-12-01）・2件）");
        body.ShouldContain("■ 1. 豊中市: 照会「標準化の進捗状況調査」の期限が近づいています（あと3日）");
        body.ShouldContain("■ 2. 豊中市: 新しい照会「標準化の進捗状況調査」");
        body.Split("https://dxcollab.example/osaka/surveys/42").Length.ShouldBe(3);
    }
}
