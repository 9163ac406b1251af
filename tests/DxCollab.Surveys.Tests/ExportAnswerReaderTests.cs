using DxCollab.Surveys.FollowUp;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Tests;

/// <summary>The export's light reader against the full <see cref="AnswerSet.FromJson"/>: the same cells, row for row, for
/// answers of every question type as the product stores them (with who-edited-when and prefill marks), hidden questions,
/// その他, tables, numbers, dates and files included, and for documents the product never writes.</summary>
public class ExportAnswerReaderTests
{
    private static SurveyForm Form() => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "s1", Title = "全般",
                Questions =
                [
                    new Question { Key = "uses", Type = QuestionType.YesNo, Text = "利用していますか" },
                    new Question { Key = "kind", Type = QuestionType.SingleChoice, Text = "種類", AllowOther = true,
                        Options = [new("a", "実施済み"), new("b", "予定")], ShowIf = new("uses", ["yes"]) },
                    new Question { Key = "tools", Type = QuestionType.MultipleChoice, Text = "ツール", AllowOther = true,
                        Options = [new("x", "クラウド"), new("y", "SaaS")], ShowIf = new("kind", ["a", "other"]) },
                    new Question { Key = "plain", Type = QuestionType.SingleChoice, Text = "選択", Options = [new("p", "はい"), new("q", "いいえ")] },
                    new Question { Key = "staff", Type = QuestionType.Integer, Text = "職員数", Unit = "人" },
                    new Question { Key = "budget", Type = QuestionType.Decimal, Text = "予算", Unit = "千円" },
                    new Question { Key = "start", Type = QuestionType.Date, Text = "開始日" },
                    new Question { Key = "short", Type = QuestionType.ShortText, Text = "担当課" },
                    new Question { Key = "long", Type = QuestionType.LongText, Text = "課題" },
                    new Question { Key = "plan", Type = QuestionType.File, Text = "計画書" },
                ],
            },
            new FormSection
            {
                Key = "s2", Title = "経費",
                Questions =
                [
                    new Question
                    {
                        Key = "cost", Type = QuestionType.Table, Text = "業務ごとの経費", ShowIf = new("uses", ["yes"]),
                        Rows = [new("juki", "住民記録"), new("zei", "個人住民税")],
                        Columns =
                        [
                            new("init", "初期", QuestionType.Integer, "千円"), new("rate", "率", QuestionType.Decimal),
                            new("cloud", "クラウド", QuestionType.YesNo), new("vendor", "事業者", QuestionType.ShortText),
                            new("way", "方式", QuestionType.SingleChoice, Options: [new("s", "単独"), new("j", "共同")]),
                        ],
                    },
                ],
            },
        ],
    };

    private static readonly string[] Texts = ["", " ", "0012", "髙島屋と川﨑①", "=1+1", "\"引用\"と\\と\n改行", "𠮷野家", "a\u0000b", "\u00e9\u0301", "１，２００"];
    private static readonly string[] Numbers = ["", "12", "1,500", "１２", "-3", "3.25", "abc", "1e3", " 7 ", "99999999999999999999999"];
    private static readonly string[] Dates = ["2026-04-01", "令和8年4月1日", "R8.4.1", "2026/4/1", "不明"];

    private static string? Pick(Random random, string[] values) => random.Next(8) == 0 ? null : values[random.Next(values.Length)];

    /// <summary>An answer set as answering would store it: random parts of each type, some answers missing, every answer
    /// stamped with who edited it when, some prefilled and confirmed, and answers to keys the form no longer asks.</summary>
    private static AnswerSet RandomAnswers(Random random, SurveyForm form)
    {
        var set = new AnswerSet();
        foreach (var q in form.Questions)
        {
            if (random.Next(6) == 0) continue;
            var answer = new Answer
            {
                EditedAt = new DateTime(2026, 12, 3, 1, 2, random.Next(60), DateTimeKind.Utc), EditedBy = $"担当者{random.Next(9)}",
                PrefilledFrom = random.Next(3) == 0 ? "previous-round" : null, Confirmed = random.Next(2) == 0,
            };
            switch (q.Type)
            {
                case QuestionType.SingleChoice:
                    answer.Value = random.Next(5) switch { 0 => null, 1 => "other", 2 => " a ", 3 => "gone", _ => q.Options[random.Next(q.Options.Count)].Value };
                    answer.Other = Pick(random, Texts);
                    break;
                case QuestionType.MultipleChoice:
                    answer.Choices = random.Next(5) == 0 ? null : [.. new[] { "x", "y", "other", "gone" }.Where(_ => random.Next(2) == 0)];
                    answer.Other = Pick(random, Texts);
                    break;
                case QuestionType.Integer or QuestionType.Decimal:
                    answer.Value = Pick(random, Numbers);
                    break;
                case QuestionType.Date:
                    answer.Value = Pick(random, Dates);
                    break;
                case QuestionType.YesNo:
                    answer.Value = random.Next(4) switch { 0 => null, 1 => "yes", 2 => "no", _ => "たぶん" };
                    break;
                case QuestionType.File:
                    answer.FileIds = random.Next(4) == 0 ? null : [.. Enumerable.Range(0, random.Next(3)).Select(_ => (long)random.Next(1, 40))];
                    break;
                case QuestionType.Table:
                    answer.Cells = random.Next(5) == 0 ? null : q.Rows.Where(_ => random.Next(4) > 0).ToDictionary(r => r.Key,
                        r => q.Columns.Where(_ => random.Next(4) > 0).ToDictionary(c => c.Key, c => c.Type switch
                        {
                            QuestionType.Integer or QuestionType.Decimal => Pick(random, Numbers),
                            QuestionType.YesNo => random.Next(2) == 0 ? "yes" : "no",
                            QuestionType.SingleChoice => random.Next(3) == 0 ? "消えた" : "j",
                            _ => Pick(random, Texts),
                        }));
                    break;
                default:
                    answer.Value = Pick(random, Texts);
                    break;
            }
            set.Answers[q.Key] = answer;
        }
        if (random.Next(3) == 0) set.Answers["removed"] = new Answer { Value = "前回だけの設問", Cells = new() { ["r"] = new() { ["c"] = "1" } } };
        return set;
    }

    private static readonly Dictionary<long, string> FileNames = Enumerable.Range(1, 20).ToDictionary(i => (long)i, i => $"計画書{i}.pdf");

    private static void SameCells(ExportLayout layout, ExportAnswerReader reader, string json)
    {
        var full = layout.Row(new ExportRespondent("272035", "豊中市", "提出済", null, AnswerSet.FromJson(json)), FileNames);
        var light = layout.Row(new ExportRespondent("272035", "豊中市", "提出済", null, reader.Read(json)), FileNames);
        light.ShouldBe(full, json);
        // The export reads the database's UTF-8 bytes (SQLite, PostgreSQL): the same cells, fallbacks included.
        var fromBytes = layout.Row(new ExportRespondent("272035", "豊中市", "提出済", null, reader.Read(System.Text.Encoding.UTF8.GetBytes(json))), FileNames);
        fromBytes.ShouldBe(full, json);
    }

    [Fact]
    public void For_a_thousand_random_answer_sets_of_every_question_type_the_light_reader_gives_the_full_readers_cells()
    {
        var form = Form();
        var layout = ExportLayout.Create(form);
        var reader = new ExportAnswerReader(form);
        var random = new Random(20261203);
        var filled = new int[layout.Headers.Count];
        for (var i = 0; i < 1000; i++)
        {
            var json = RandomAnswers(random, form).ToJson();
            SameCells(layout, reader, json);
            var row = layout.Row(new ExportRespondent("272035", "豊中市", "提出済", null, reader.Read(json)), FileNames);
            for (var c = 0; c < row.Length; c++) if (row[c] is not null) filled[c]++;
        }
        // The sample is not vacuous: every column (hidden questions, その他, each table cell, files) was filled at least once.
        filled.Skip(ExportLayout.FixedHeaders.Length).ShouldAllBe(n => n > 0);
    }

    [Fact]
    public void The_light_reader_skips_edit_and_prefill_marks_and_keeps_only_the_parts_a_cell_shows()
    {
        var reader = new ExportAnswerReader(Form());
        var set = reader.Read("""
            {"answers":{"staff":{"value":"12","prefilledFrom":"previous-round","confirmed":true,"editedAt":"2026-12-03T01:02:03Z","editedBy":"豊中 太郎"},
             "tools":{"choices":["x","other"],"other":"庁内\"LAN\"","editedBy":null},
             "plan":{"fileIds":[3,5]},"cost":{"cells":{"juki":{"init":"100","vendor":null}}},"removed":{"value":"x"}}}
            """);
        set.Answers.Keys.ShouldBe(["staff", "tools", "plan", "cost"], ignoreOrder: true);
        set["staff"]!.Value.ShouldBe("12");
        set["staff"]!.EditedAt.ShouldBeNull();
        set["staff"]!.PrefilledFrom.ShouldBeNull();
        set["tools"]!.Choices.ShouldBe(["x", "other"]);
        set["tools"]!.Other.ShouldBe("庁内\"LAN\"");
        set["plan"]!.FileIds.ShouldBe([3L, 5L]);
        set["cost"]!.Cells!["juki"].ShouldBe(new Dictionary<string, string?> { ["init"] = "100", ["vendor"] = null });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"answers":{}}""")]
    [InlineData("""{"answers":null}""")]
    [InlineData("""{"Answers":{"staff":{"value":"3"}}}""")]
    [InlineData("""{"answers":{"staff":{"Value":"3"}}}""")]
    [InlineData("""{"answers":{"staff":{"value":"3","VALUE":"4"}}}""")]
    [InlineData("""{"answers":{"staff":null,"uses":{"value":"yes"}}}""")]
    [InlineData("""{"answers":{"staff":{"value":"3"},"staff":{"value":"5"}}}""")]
    [InlineData("""{"answers":{"st\u0061ff":{"value":"\u0031\u0032"}}}""")]
    [InlineData("""{"answers":{"plan":{"fileIds":["7"]}}}""")]
    [InlineData("""{"answers":{"tools":{"choices":["x",null]},"uses":{"value":"yes"},"kind":{"value":"a"}}}""")]
    [InlineData("""{"answers":{"cost":{"cells":{"juki":null,"zei":{"init":"5"}}}}, "uses":{"value":"yes"}}""")]
    [InlineData("""{"extra":[1,{"a":2}],"answers":{"uses":{"value":"yes","unknown":{"deep":[1,2]}}}}""")]
    [InlineData("""{"answers":{"staff":{"value":"3"}},"answers":{"uses":{"value":"yes"}}}""")]
    public void Documents_the_product_never_writes_give_the_same_cells_as_the_full_reader(string? json)
    {
        var form = Form();
        var layout = ExportLayout.Create(form);
        var reader = new ExportAnswerReader(form);
        // A document the full reader cannot export (answers: null) must fail the same way, not export differently.
        object Outcome(Func<AnswerSet> read)
        {
            try { return layout.Row(new ExportRespondent("272035", "豊中市", "提出済", null, read()), FileNames); }
            catch (Exception ex) { return ex.GetType(); }
        }
        Outcome(() => reader.Read(json)).ShouldBe(Outcome(() => AnswerSet.FromJson(json)));
        // The export reads the database's UTF-8 bytes: the same for those.
        if (json is not null) Outcome(() => reader.Read(System.Text.Encoding.UTF8.GetBytes(json))).ShouldBe(Outcome(() => AnswerSet.FromJson(json)));
    }

    [Fact]
    public void A_malformed_document_fails_as_the_full_reader_fails()
    {
        var reader = new ExportAnswerReader(Form());
        Should.Throw<System.Text.Json.JsonException>(() => AnswerSet.FromJson("""{"answers":{"staff":{"value":"3"}"""));
        Should.Throw<System.Text.Json.JsonException>(() => reader.Read("""{"answers":{"staff":{"value":"3"}"""));
    }
}
