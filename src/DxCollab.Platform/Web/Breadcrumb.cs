namespace DxCollab.Platform.Web;

/// <summary>One step of the breadcrumb trail shown by the layout (ViewData["Breadcrumbs"]).</summary>
public sealed record Breadcrumb(string Title, string? Url = null);
