using System.Security.Claims;

namespace DxCollab.Platform.Modules;

/// <summary>One link of a module in the main menu. Shown to a signed-in user who has one of <see cref="Roles"/>
/// and for whom <see cref="Href"/> returns an address (null hides it, e.g. an officer without an organisation).
/// Entries with the same <see cref="Text"/> are alternatives for different roles: the layout draws the first one
/// the user may see, so a user with two roles gets one link.</summary>
public sealed record NavigationEntry(string Text, IReadOnlyList<string> Roles, Func<NavigationContext, string?> Href)
{
    /// <summary>Also marked as the current page below its address (a module's home with its sub-pages).</summary>
    public bool CoversSubpages { get; init; }

    public string? HrefFor(NavigationContext context) =>
        Roles.Any(context.User.IsInRole) ? Href(context) : null;
}

/// <summary>What an entry's address may depend on: the signed-in user and the tenant of that user (null for host users).</summary>
public sealed record NavigationContext(ClaimsPrincipal User, string? Tenant)
{
    public string? Claim(string type) => User.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
}
