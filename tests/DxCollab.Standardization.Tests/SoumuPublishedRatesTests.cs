using DxCollab.Standardization.Workbook;

namespace DxCollab.Standardization.Tests;

/// <summary>The real 令和8年1月 data: the 94 prefecture rows laid out as the 総務省 sheet and read back must give the
/// 完了率 総務省 published for each, exactly.</summary>
public class SoumuPublishedRatesTests
{
    [Fact]
    public void Test_data_is_complete()
    {
        TestData.PrefectureRows.Count.ShouldBe(94);
        TestData.PrefectureRows.ShouldAllBe(r => r.Statuses.All(s => s != null));
        TestData.PublishedRates.Count.ShouldBe(94);
        TestData.PrefectureRows.SelectMany(r => r.Statuses).Count(s => s == "未").ShouldBe(1275);
    }

    [Fact]
    public void Csv_layout_reproduces_all_94_published_rates()
    {
        using var csv = TestData.Utf8Csv([TestData.Header, .. TestData.PrefectureRows.Select(TestData.Cells)], bom: false);
        ShouldReproducePublishedRates(WorkbookReader.ReadCsv(csv), firstDataLine: 2);
    }

    [Fact]
    public void Xlsx_layout_reproduces_all_94_published_rates()
    {
        using var xlsx = TestData.Xlsx([TestData.Header, .. TestData.PrefectureRows.Select(TestData.Cells)]);
        ShouldReproducePublishedRates(WorkbookReader.ReadXlsx(xlsx), firstDataLine: 4);
    }

    [Fact]
    public void Group_rate_is_the_sum_over_rows_not_the_mean_of_rounded_rates()
    {
        using var csv = TestData.Utf8Csv([TestData.Header, .. TestData.PrefectureRows.Select(TestData.Cells)], bom: true);
        var rows = WorkbookReader.ReadCsv(csv).Rows.Select(r => r.Row).ToList();
        var all = ProgressMath.ForGroup(rows.Select(r => r.Statuses));
        all.Rows.ShouldBe(94);
        all.CompletionRate.ShouldBe((1723m + 363m) / 3760m);
        all.InProgressRate.ShouldBe(399m / 3760m);
        all.NotStartedRate.ShouldBe(1275m / 3760m);
        all.CompletionPercent.ShouldBe(55.5m); // 2086 / 3760 = 0.55478…
    }

    private static void ShouldReproducePublishedRates(WorkbookReadResult result, int firstDataLine)
    {
        result.Errors.ShouldBeEmpty();
        result.Rows.Count.ShouldBe(94);
        result.Rows[0].LineNumber.ShouldBe(firstDataLine);
        result.Rows[^1].LineNumber.ShouldBe(firstDataLine + 93);
        var mismatches = result.Rows
            .Select(r => (r.Row, Published: TestData.PublishedRates[(r.Row.PrefectureName, r.Row.Business.WorkbookName)],
                Computed: ProgressMath.ForRow(r.Row.Statuses).CompletionRate))
            .Where(x => x.Published != x.Computed)
            .Select(x => $"{x.Row.PrefectureName} {x.Row.Business.WorkbookName}: {x.Computed} ≠ {x.Published}")
            .ToList();
        mismatches.ShouldBeEmpty();
        result.Rows.ShouldNotBeEmpty();
        result.Rows.ShouldAllBe(r => r.Row.MunicipalityName == null && r.Row.IsPrefecture);
        result.Rows.Select(r => (r.Row.PrefectureName, r.Row.Business.WorkbookName)).Distinct().Count().ShouldBe(94);
    }
}
