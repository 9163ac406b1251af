using System.Text;
using DxCollab.TalentPool.Insights;
using MiniExcelLibs;

namespace DxCollab.TalentPool.Tests;

public class InsightsTests
{
    [Fact]
    public void The_median_waiting_time_takes_the_middle_or_the_mean_of_the_two_middles()
    {
        DashboardService.Median([]).ShouldBeNull();
        DashboardService.Median([9, 1, 4]).ShouldBe(4);
        DashboardService.Median([1, 2, 10, 3]).ShouldBe(2.5);
    }

    [Fact]
    public async Task A_shift_jis_csv_is_read_with_its_header_skipped_and_line_numbers_kept()
    {
        var sjis = CodePagesEncodingProvider.Instance.GetEncoding(932)!;
        using var stream = new MemoryStream(sjis.GetBytes("団体コード,人数\r\n273830,1\r\n\r\n\"273210\",0\r\n"));
        var (lines, error) = await ItStaffFile.ReadAsync(stream, CancellationToken.None);
        error.ShouldBeNull();
        lines!.Select(l => (l.Number, l.Code, l.Staff)).ShouldBe([(2, "273830", "1"), (4, "273210", "0")]);
    }

    [Fact]
    public async Task An_xlsx_is_read_from_its_first_two_columns()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { new { 団体コード = "273830", 人数 = 1 }, new { 団体コード = "273210", 人数 = 0 } });
        stream.Position = 0;
        var (lines, error) = await ItStaffFile.ReadAsync(stream, CancellationToken.None);
        error.ShouldBeNull();
        lines!.Select(l => (l.Code, l.Staff)).ShouldBe([("273830", "1"), ("273210", "0")]);
    }

    [Fact]
    public async Task An_empty_file_is_refused_in_words()
    {
        using var stream = new MemoryStream();
        var (lines, error) = await ItStaffFile.ReadAsync(stream, CancellationToken.None);
        lines.ShouldBeNull();
        error.ShouldBe("ファイルが空です。");
    }
}
