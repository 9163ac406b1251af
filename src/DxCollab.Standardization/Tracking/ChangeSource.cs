namespace DxCollab.Standardization.Tracking;

/// <summary>Where a step change came from (<see cref="StepProgressChange.Source"/>), as staff read it.</summary>
public static class ChangeSource
{
    public static string Label(string source) =>
        source switch { "screen" => "画面", "api" => "API", "bulk" => "API（一括）", "import" => "取り込み", _ => source };
}
