using DxCollab.Procurement.Vendors;

namespace DxCollab.Procurement.Tests;

/// <summary>The vendor export's layout: numbered 質問1…, no column for the asking vendor, and a heading that says so.</summary>
public sealed class VendorExportTests
{
    [Fact]
    public void Questions_are_numbered_in_order_and_no_cell_carries_the_vendors_name()
    {
        VendorQuestion[] published =
        [
            new() { VendorName = "株式会社アルファ", Question = "Q1", Answer = "A1", ReceivedOn = new(2026, 11, 1), CreatedBy = "x", PublishedAt = new(2026, 11, 2, 1, 0, 0) },
            new() { VendorName = "ベータ株式会社", Question = "Q2", Answer = "A2", ReceivedOn = new(2026, 11, 3), CreatedBy = "x", Stage = VendorStage.Rfp },
        ];
        var rows = VendorExport.Rows(published).ToList();
        rows.Select(r => r[0]).ShouldBe(["質問1", "質問2"]);
        rows.SelectMany(r => r).OfType<string>().ShouldNotContain(c => c.Contains("アルファ") || c.Contains("ベータ"));
        rows[0][4].ShouldBe("令和8年11月1日（2026-11-01）");
        VendorExport.Headers.ShouldContain(h => h.Contains("事業者名は記載していません"));
        VendorExport.Headers.Count.ShouldBe(rows[0].Count);
    }

    [Fact]
    public void A_title_with_characters_no_file_system_accepts_still_makes_a_file_name() =>
        VendorExport.FileName("チャット/共同調達:R8", "xlsx").ShouldBe("チャット_共同調達_R8_質問回答.xlsx");
}
