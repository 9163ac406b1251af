namespace DxCollab.Standardization;

/// <summary>Status of one step (総務省): 完了済み / 作業中 / 未着手 (the workbook writes 「未」) / 対象外.</summary>
public enum StepStatus { NotStarted = 0, InProgress = 1, Completed = 2, NotApplicable = 3 }
