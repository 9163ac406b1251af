namespace DxCollab.IntegrationTests.Api.AccessMatrix;

/// <summary>What one operation allows. A caller outside <see cref="Allowed"/> is refused: 401 when anonymous, 404 when
/// in <see cref="Hidden"/> (the product does not tell that the row exists), 403 otherwise.</summary>
/// <param name="Gap">A known gap: the entry records what the product does today, and the text says what is wrong.</param>
/// <param name="Last">The operation changes or removes the matrix's rows: it runs after every other one.</param>
/// <param name="Body">A hand-written JSON body where the sample built from the schema would not pass as input.</param>
/// <param name="NoRow">The test calls the operation with an id of no row (the row is not cheap to make): an allowed caller
/// meets 404 about the row, so the entry says less than one called with a real row.</param>
/// <param name="Query">A query string to add (what the operation needs to address the row).</param>
public sealed record Rule(Caller Allowed, Caller Hidden = Caller.None, string? Gap = null, bool Last = false, object? Body = null, string? Query = null,
    bool NoRow = false)
{
    public Expected For(Caller caller) =>
        Allowed.HasFlag(caller) ? Expected.Allowed
        : caller == Caller.Anonymous ? Expected.Unauthenticated
        : Hidden.HasFlag(caller) ? Expected.NotFound
        : Expected.Forbidden;
}

public enum Expected { Allowed, Unauthenticated, Forbidden, NotFound }
