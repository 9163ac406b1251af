using DxCollab.Platform.Identity;
using DxCollab.Platform.Modules;
using DxCollab.ThrowawayModule.Notes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.ThrowawayModule;

/// <summary>メモ: the smallest module there is. Nothing outside this folder names it except the one line that adds it.</summary>
public sealed class ThrowawayModule : IDxModule
{
    public string Name => "メモ";

    public IReadOnlyList<IModelContributor> ModelContributors { get; } = [new NotesModel()];

    public void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<NoteBook>();
        module.AddOptions<NoteOptions>(NoteOptions.Section);
        module.AddReminderRule<StaleNoteRule>();
    }

    public void MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapNotesApi();

    public IReadOnlyList<PageFolderRule> PageFolders { get; } = [new("/Throwaway", Policies.TenantMember)];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [new("メモ", Roles.TenantRoles, c => $"/{c.Tenant}/notes") { CoversSubpages = true }];

    public IReadOnlyList<string> Stylesheets { get; } = ["_content/DxCollab.ThrowawayModule/css/notes.css"];
}
