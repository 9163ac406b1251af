namespace DxCollab.Standardization.Tests;

public class StepStatusTests
{
    [Theory]
    [InlineData("未", StepStatus.NotStarted)]
    [InlineData("未着手", StepStatus.NotStarted)]
    [InlineData(" 未 ", StepStatus.NotStarted)]
    [InlineData("作業中", StepStatus.InProgress)]
    [InlineData("完了済み", StepStatus.Completed)]
    [InlineData("完了 済み\t", StepStatus.Completed)]
    [InlineData("対象外", StepStatus.NotApplicable)]
    [InlineData("\u3000対象外\u3000", StepStatus.NotApplicable)]
    public void Parses_workbook_texts(string text, StepStatus expected)
    {
        StepStatusText.TryParse(text, out var status).ShouldBeTrue();
        status.ShouldBe(expected);
        StepStatusText.Parse(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("完了")]
    [InlineData("済")]
    [InlineData("未完了")]
    [InlineData("2")]
    public void Rejects_anything_else(string? text)
    {
        StepStatusText.TryParse(text, out _).ShouldBeFalse();
        StepStatusText.Parse(text).ShouldBeNull();
    }

    [Fact]
    public void Names_and_workbook_texts()
    {
        StepStatus.NotStarted.JapaneseName().ShouldBe("未着手");
        StepStatus.NotStarted.WorkbookText().ShouldBe("未");
        StepStatus.InProgress.WorkbookText().ShouldBe("作業中");
        StepStatus.Completed.JapaneseName().ShouldBe("完了済み");
        StepStatus.NotApplicable.JapaneseName().ShouldBe("対象外");
        foreach (var status in Enum.GetValues<StepStatus>())
        {
            StepStatusText.Parse(status.JapaneseName()).ShouldBe(status);
            StepStatusText.Parse(status.WorkbookText()).ShouldBe(status);
        }
        StepStatusText.DisplayOrder.Count.ShouldBe(4);
    }

    [Fact]
    public void Stored_values_are_stable()
    {
        ((int)StepStatus.NotStarted).ShouldBe(0);
        ((int)StepStatus.InProgress).ShouldBe(1);
        ((int)StepStatus.Completed).ShouldBe(2);
        ((int)StepStatus.NotApplicable).ShouldBe(3);
    }
}
