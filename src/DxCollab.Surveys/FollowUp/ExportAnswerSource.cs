using DxCollab.Platform.Data;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DxCollab.Surveys.FollowUp;

/// <summary>A response as the export reads it: its state now, and its answers only when submitted.</summary>
internal sealed record ExportResponse(string RespondentCode, ResponseState State, DateTime? SubmittedAt, AnswerSet? Answers);

/// <summary>Reads a batch of responses for the export, each state with its answer document in one query (so a 差戻し
/// between two reads never exports a draft as submitted). The documents come as UTF-8 bytes: SQLite holds text as
/// UTF-8, and Npgsql hands a text column over in the connection's client encoding, UTF-8 unless a connection string sets
/// another (DxCollab never does: a connection string that did would break this read), so
/// 1,741 documents (≈ 27 M characters) are not made into strings (twice their size) only to be encoded back for
/// <see cref="ExportAnswerReader"/>. SQL Server stores UTF-16 (nvarchar) and is read as text.</summary>
internal static class ExportAnswerSource
{
    public static async Task<Dictionary<long, ExportResponse>> ReadAsync(DxCollabDbContext db, IReadOnlyList<long> ids,
        ExportAnswerReader reader, CancellationToken ct)
    {
        var responses = new Dictionary<long, ExportResponse>(ids.Count);
        if (ids.Count == 0) return responses;
        if (!HoldsUtf8(db))
        {
            foreach (var r in await db.Set<SurveyResponse>().AsNoTracking().Where(r => ids.Contains(r.Id))
                         .Select(r => new { r.Id, r.RespondentCode, r.State, r.SubmittedAt, r.AnswersJson }).ToListAsync(ct))
                responses[r.Id] = Response(r.RespondentCode, r.State, r.SubmittedAt, () => reader.Read(r.AnswersJson));
            return responses;
        }
        var state = db.Model.FindEntityType(typeof(SurveyResponse))!.FindProperty(nameof(SurveyResponse.State))!.GetTypeMapping().Converter!;
        // Raw SQL skips the model's tenant filter: the tenant is a condition of the query itself (the ids come from a
        // filtered query already; this keeps it so whatever the caller passes).
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("照会の書き出しはテナントの中でだけ行えます。");
        foreach (var r in await db.Database.SqlQueryRaw<Row>(Sql(db, ids.Count), [.. ids.Cast<object>(), tenant]).ToListAsync(ct))
            responses[r.Id] = Response(r.RespondentCode, (ResponseState)state.ConvertFromProvider(r.State)!, r.SubmittedAt.AsUtc(),
                () => reader.Read(r.AnswersJson));
        return responses;
    }

    private static ExportResponse Response(string code, ResponseState state, DateTime? submittedAt, Func<AnswerSet> answers) =>
        state == ResponseState.Submitted ? new(code, state, submittedAt, answers()) : new(code, state, null, null);

    private static bool HoldsUtf8(DxCollabDbContext db) =>
        db.Database.ProviderName is "Microsoft.EntityFrameworkCore.Sqlite" or "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>SELECT Id, RespondentCode, State, SubmittedAt, AnswersJson FROM Surveys_Responses WHERE Id IN ({0}, …)
    /// AND TenantId = {n}, names as the model maps them.</summary>
    private static string Sql(DxCollabDbContext db, int count)
    {
        var entity = db.Model.FindEntityType(typeof(SurveyResponse))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) =>
            $"{sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!)} AS {sql.DelimitIdentifier(property)}";
        string[] columns = [nameof(Row.Id), nameof(Row.RespondentCode), nameof(Row.State), nameof(Row.SubmittedAt), nameof(Row.AnswersJson)];
        var placeholders = string.Join(", ", Enumerable.Range(0, count).Select(i => $"{{{i}}}"));
        var id = sql.DelimitIdentifier(entity.FindProperty(nameof(SurveyResponse.Id))!.GetColumnName(table)!);
        var tenant = sql.DelimitIdentifier(entity.FindProperty(nameof(SurveyResponse.TenantId))!.GetColumnName(table)!);
        return $"SELECT {string.Join(", ", columns.Select(Column))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} "
               + $"WHERE {id} IN ({placeholders}) AND {tenant} = {{{count}}}";
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string RespondentCode { get; init; } = "";
        public string State { get; init; } = "";
        public DateTime? SubmittedAt { get; init; }
        public byte[] AnswersJson { get; init; } = [];
    }
}
