using DxCollab.Platform.Exports;
using DxCollab.Surveys.FollowUp;
using DxCollab.Surveys.Forms;
using MiniExcelLibs;

namespace DxCollab.Surveys.Tests;

public class ExportLayoutTests
{
    private static readonly string[] Expected =
    [
        "団体コード", "団体名", "状況", "提出日時（日本時間）",
        "uses 生成AIを利用していますか",
        "tools 利用しているツール［対話型AI］", "tools 利用しているツール［AI-OCR］", "tools 利用しているツール［その他］", "tools 利用しているツール［その他の内容］",
        "staff 情報部門の職員数（人）",
        "plan 計画の有無", "plan 計画の有無［その他の内容］",
        "note 課題",
        "cost 業務ごとの経費［住民記録／初期費用（千円）］", "cost 業務ごとの経費［住民記録／年額（千円）］", "cost 業務ごとの経費［住民記録／事業者］",
        "cost 業務ごとの経費［個人住民税／初期費用（千円）］", "cost 業務ごとの経費［個人住民税／年額（千円）］", "cost 業務ごとの経費［個人住民税／事業者］",
    ];

    [Fact]
    public void Columns_come_from_the_form_one_per_option_and_per_table_cell_with_その他_text_in_its_own()
    {
        ExportLayout.Create(FollowUpForms.Sample()).Headers.ShouldBe(Expected);
    }

    [Fact]
    public void A_row_fills_visible_answers_leaves_a_hidden_question_empty_and_keeps_numbers_as_numbers()
    {
        var layout = ExportLayout.Create(FollowUpForms.Sample());
        var hidden = layout.Row(new ExportRespondent("012017", "函館市", "提出済", null,
            FollowUpForms.Answers("no", ["chat"], staff: "12", plan: "other", other: "検討中", cells: [("zei", "yearly", "7"), ("juki", "vendor", "00X社")])));
        hidden.Length.ShouldBe(Expected.Length);
        hidden[0].ShouldBe("012017");
        hidden[4].ShouldBe("いいえ");
        hidden[5..9].ShouldAllBe(c => c == null); // tools hidden by いいえ: columns kept, empty
        hidden[9].ShouldBe(12m);
        hidden[10].ShouldBe("その他");
        hidden[11].ShouldBe("検討中");
        hidden[15].ShouldBe("00X社");
        hidden[17].ShouldBe(7m);

        var shown = layout.Row(new ExportRespondent("272035", "豊中市", "提出済", null, FollowUpForms.Answers("yes", ["ocr", "other"])));
        shown[5..9].ShouldBe(new object?[] { 0, 1, 1, "RPA" });

        var notSubmitted = layout.Row(new ExportRespondent("273830", "千早赤阪村", "回答中", null, null));
        notSubmitted[..3].ShouldBe(new object?[] { "273830", "千早赤阪村", "回答中" });
        notSubmitted[3..].ShouldAllBe(c => c == null);
    }

    [Fact]
    public void A_copied_round_with_an_added_question_keeps_the_earlier_columns_in_their_order()
    {
        var first = FollowUpForms.Sample();
        var second = FollowUpForms.Sample();
        // The new round asks a new question at the top of the first section and drops nothing.
        second.Sections[0].Questions.Insert(0, new Question { Key = "cio", Type = QuestionType.YesNo, Text = "CIO補佐官を置いていますか" });
        var headers = ExportLayout.Create(second, [first]).Headers;
        headers.Take(Expected.Length).ShouldBe(Expected);
        headers.Skip(Expected.Length).ShouldBe(["cio CIO補佐官を置いていますか"]);

        // A third round removing a question keeps the others in the same relative order.
        var third = FollowUpForms.Sample();
        third.Sections[0].Questions.Insert(0, new Question { Key = "cio", Type = QuestionType.YesNo, Text = "CIO補佐官を置いていますか" });
        third.Sections[0].Questions.RemoveAll(q => q.Key == "note");
        ExportLayout.Create(third, [first, second]).Headers.ShouldBe([.. Expected.Where(h => !h.StartsWith("note")), "cio CIO補佐官を置いていますか"]);
    }

    [Fact]
    public void In_xlsx_the_団体コード_and_text_cells_stay_text_so_leading_zeros_survive()
    {
        var layout = ExportLayout.Create(FollowUpForms.Sample());
        var rows = new[]
        {
            layout.Row(new ExportRespondent("012017", "函館市", "提出済", new DateTime(2026, 11, 30, 15, 30, 0, DateTimeKind.Utc),
                FollowUpForms.Answers("no", staff: "8", note: "0012", cells: [("juki", "vendor", "=1+1")]))),
        };
        using var stream = new MemoryStream();
        TabularExport.WriteXlsx(stream, layout.Headers, rows, "回答一覧");
        stream.Position = 0;
        var read = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();
        read["団体コード"].ShouldBe("012017");
        read["note 課題"].ShouldBe("0012");
        read["staff 情報部門の職員数（人）"].ShouldBe(8d);
        read["提出日時（日本時間）"].ShouldBe("2026-12-01 00:30");
        read["cost 業務ごとの経費［住民記録／事業者］"].ShouldBe("=1+1"); // stored as a string, never run as a formula
    }
}
