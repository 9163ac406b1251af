using DxCollab.ThrowawayModule.Notes;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.ThrowawayModule.Pages.Throwaway;

public sealed class IndexModel(NoteBook notes) : PageModel
{
    public IReadOnlyList<Note> Notes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Notes = await notes.ListAsync(ct);
}
