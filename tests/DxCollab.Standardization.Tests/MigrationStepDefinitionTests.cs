using DxCollab.Standardization.Tracking;

namespace DxCollab.Standardization.Tests;

public class MigrationStepDefinitionTests
{
    [Fact]
    public void There_are_40_migration_steps_from_1_1_to_18_1()
    {
        var steps = MigrationStepDefinition.All;
        steps.Count.ShouldBe(40);
        steps.Select(s => s.Number).ShouldBe(Enumerable.Range(1, 40));
        steps[0].StepId.ShouldBe("①-1");
        steps[0].Item.ShouldBe("①");
        steps[^1].StepId.ShouldBe("⑱-1");
        steps[^1].Item.ShouldBe("⑱");
        steps.Select(s => s.StepId).Distinct().Count().ShouldBe(40);
        steps.ShouldAllBe(s => s.Name.Length > 0 && s.WorkbookName.Length > 0 && s.StepId.StartsWith(s.Item));
    }

    [Fact]
    public void The_steps_keep_the_workbook_spelling_of_their_headers() =>
        MigrationStepDefinition.All.Single(s => s.StepId == "②-3").WorkbookName.ShouldBe("移行に係る現行システムベンダとの打合せ・役割の 認識合わせ");
}
