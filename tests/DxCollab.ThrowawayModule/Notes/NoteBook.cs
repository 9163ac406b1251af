using DxCollab.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.ThrowawayModule.Notes;

/// <summary>The module's service: pages and endpoints use it, never the DbContext directly.</summary>
public sealed class NoteBook(DxCollabDbContext db, TimeProvider clock)
{
    public Task<List<Note>> ListAsync(CancellationToken ct) => db.Set<Note>().OrderBy(n => n.Id).ToListAsync(ct);

    public async Task<Note> WriteAsync(string text, CancellationToken ct)
    {
        var note = new Note { Text = text, WrittenOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) };
        db.Add(note);
        await db.SaveChangesAsync(ct);
        return note;
    }
}

public sealed record NoteRequest(string? Text);

public static class NotesApi
{
    /// <summary>On the shared tenant group: no prefix, no policy of its own.</summary>
    public static IEndpointRouteBuilder MapNotesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/notes").WithTags("メモ");
        group.MapGet("", async (NoteBook notes, CancellationToken ct) => TypedResults.Ok(await notes.ListAsync(ct)));
        group.MapPost("", async Task<IResult> (NoteRequest request, NoteBook notes, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(request.Text)
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["メモを入力してください。"] })
                : TypedResults.Ok(await notes.WriteAsync(request.Text, ct))).DisableAntiforgery();
        return app;
    }
}
