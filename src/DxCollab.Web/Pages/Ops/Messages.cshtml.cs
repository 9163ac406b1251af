using DxCollab.Platform.Identity;
using DxCollab.Platform.Messaging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.Web.Pages.Ops;

/// <summary>SystemAdmin: messages that failed after retries (or were refused), with re-queue.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class MessagesModel(FailedMessages failed) : PageModel
{
    public IReadOnlyList<FailedMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Messages = await failed.ListAsync(ct: ct);

    public async Task<IActionResult> OnPostRequeueAsync(long id, CancellationToken ct)
    {
        var error = await failed.RequeueAsync(id, ct);
        if (error is null) TempData["Notice"] = "メッセージを再送しました。"; else TempData["Error"] = error;
        return RedirectToPage();
    }
}
