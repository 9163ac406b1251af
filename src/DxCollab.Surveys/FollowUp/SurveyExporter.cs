using System.IO.Compression;
using System.Threading.Channels;
using DxCollab.Platform.Data;
using DxCollab.Platform.Exports;
using DxCollab.Platform.Files;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.FollowUp;

/// <summary>A respondent and question a character of which Shift_JIS cannot hold.</summary>
public sealed record UnencodableCell(string Code, string Name, string Question, string Character);

/// <summary>Writes a survey's answers, one row per roster entry (団体コード order, departments last), rows read from
/// the database one by one and written as they come: xlsx through <see cref="TabularExport"/> (MiniExcel) into a
/// temporary file, CSV straight to the output. Also the zip of every uploaded file, one folder per 団体コード.</summary>
public sealed class SurveyExporter(DxCollabDbContext db, FileStore files)
{
    /// <summary>The layout of the survey, its earlier rounds (前回の照会, oldest first) deciding the column order.</summary>
    public async Task<ExportLayout> LayoutAsync(Survey survey, CancellationToken ct)
    {
        var earlier = new List<SurveyForm>();
        var seen = new HashSet<long> { survey.Id };
        for (var previous = survey.CopiedFromSurveyId; previous is { } id && seen.Add(id);)
        {
            var round = await db.Set<Survey>().AsNoTracking().Where(s => s.Id == id).Select(s => new { s.FormJson, s.CopiedFromSurveyId })
                .FirstOrDefaultAsync(ct);
            if (round is null) break;
            earlier.Insert(0, SurveyForm.FromJson(round.FormJson));
            previous = round.CopiedFromSurveyId;
        }
        return ExportLayout.Create(survey.Form, earlier);
    }

    private sealed record Prepared(ExportLayout Layout, Dictionary<string, RosterEntry> Names, List<long> Order, ExportAnswerReader Reader,
        IReadOnlyList<string> FileQuestionKeys);

    private async Task<Prepared> PrepareAsync(Survey survey, CancellationToken ct)
    {
        var layout = await LayoutAsync(survey, ct);
        // Codes in order first (small), then the answers batch by batch as rows are written: never all answers in memory.
        var entries = await Responses(survey.Id).Select(r => new { r.Id, r.RespondentCode }).ToListAsync(ct);
        var names = await Roster.NamesAsync(db, [.. entries.Select(e => e.RespondentCode)], ct);
        var order = InRosterOrder(entries, r => r.RespondentCode).Select(r => r.Id).ToList();
        var form = survey.Form;
        return new Prepared(layout, names, order, new ExportAnswerReader(form),
            [.. form.Questions.Where(q => q.Type == QuestionType.File).Select(q => q.Key)]);
    }

    private IQueryable<SurveyResponse> Responses(long surveyId) =>
        db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == surveyId);

    private static IEnumerable<T> InRosterOrder<T>(IEnumerable<T> rows, Func<T, string> code) =>
        rows.OrderBy(r => SurveyResponse.IsDepartmentCode(code(r)) ? 1 : 0).ThenBy(code, StringComparer.Ordinal);

    private const int Batch = 200;

    /// <summary>Writes the xlsx into <paramref name="output"/> (a seekable file stream: MiniExcel writes synchronously).
    /// The next batches are read and turned into rows while MiniExcel writes the current one (a bounded queue of two
    /// batches, so memory stays flat).</summary>
    public async Task WriteXlsxAsync(Survey survey, Stream output, CancellationToken ct)
    {
        var p = await PrepareAsync(survey, ct);
        // Rows are handed over a batch at a time (two batches at most waiting): one wake-up per batch, not per row.
        var queue = Channel.CreateBounded<List<object?[]>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Only the producer touches the DbContext once it runs; the writer below only reads the queue.
        var producer = Task.Run(async () =>
        {
            try
            {
                var batch = new List<object?[]>(Batch);
                await foreach (var (_, row) in RowsAsync(p, stop.Token))
                {
                    batch.Add(row);
                    if (batch.Count < Batch) continue;
                    await queue.Writer.WriteAsync(batch, stop.Token);
                    batch = new List<object?[]>(Batch);
                }
                if (batch.Count > 0) await queue.Writer.WriteAsync(batch, stop.Token);
                queue.Writer.Complete();
            }
            catch (Exception ex)
            {
                queue.Writer.Complete(ex);
            }
        }, CancellationToken.None);
        try
        {
            TabularExport.WriteXlsx(output, p.Layout.Headers, Drain(queue.Reader), SheetName(survey));
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }

    private static IEnumerable<IReadOnlyList<object?>> Drain(ChannelReader<List<object?[]>> reader)
    {
        while (true)
        {
            while (reader.TryRead(out var batch))
                foreach (var row in batch) yield return row;
            // MiniExcel pulls rows synchronously: wait for the producer only when the queue is empty.
            if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult()) break;
        }
        reader.Completion.GetAwaiter().GetResult(); // the producer's failure, if any
    }

    /// <summary>Each roster entry's code and row, in roster order, reading the answers batch by batch with the
    /// export-only reader, and the names of only the files those answers hold.</summary>
    private async IAsyncEnumerable<(string Code, object?[] Row)> RowsAsync(Prepared p,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var fileNames = new Dictionary<long, string>();
        for (var i = 0; i < p.Order.Count; i += Batch)
        {
            var ids = p.Order.GetRange(i, Math.Min(Batch, p.Order.Count - i));
            var batch = await ExportAnswerSource.ReadAsync(db, ids, p.Reader, ct);
            var respondents = new List<ExportRespondent>(ids.Count);
            foreach (var id in ids)
            {
                if (!batch.TryGetValue(id, out var r)) continue; // removed since the export began (a roster change): no row
                respondents.Add(new ExportRespondent(r.RespondentCode, p.Names[r.RespondentCode].Name, r.State.ToJapanese(), r.SubmittedAt, r.Answers));
            }
            if (p.FileQuestionKeys.Count > 0) await AddFileNamesAsync(p, respondents, fileNames, ct);
            foreach (var respondent in respondents) yield return (respondent.Code, p.Layout.Row(respondent, fileNames));
        }
    }

    /// <summary>Names the files this batch's answers hold (only those; a name once read is kept for later batches). A file is
    /// named only for the respondent it belongs to (a department's files are the prefecture's); any other id shows as
    /// 「ファイル{id}」.</summary>
    private async Task AddFileNamesAsync(Prepared p, List<ExportRespondent> respondents, Dictionary<long, string> fileNames, CancellationToken ct)
    {
        var prefecture = Answering.ResponseFiles.PrefectureCode(db);
        var owners = new Dictionary<long, string>();
        foreach (var respondent in respondents)
            if (respondent.Answers is { } answers)
                foreach (var key in p.FileQuestionKeys)
                    if (answers[key]?.FileIds is { } ids)
                        foreach (var id in ids.Where(id => !fileNames.ContainsKey(id)))
                            owners[id] = Answering.ResponseFiles.FileOwner(respondent.Code, prefecture);
        if (owners.Count == 0) return;
        foreach (var file in await files.DescribeAsync(owners.Keys, ct))
            if (owners[file.Id] == file.OrganizationCode) fileNames[file.Id] = file.FileName;
    }

    /// <summary>Writes the CSV; a character Shift_JIS cannot hold throws <see cref="UnencodableCellException"/> naming the
    /// 団体 and the question.</summary>
    public async Task WriteCsvAsync(Survey survey, Stream output, ExportEncoding encoding, CancellationToken ct)
    {
        var p = await PrepareAsync(survey, ct);
        var written = new List<string>();
        try
        {
            await TabularExport.WriteCsvAsync(output, p.Layout.Headers, Written(RowsAsync(p, ct), written, ct), encoding, ct);
        }
        catch (ExportEncodingException ex)
        {
            // Row 1 is the header: data row n is the (n−1)th respondent written.
            var code = ex.Row - 2 >= 0 && ex.Row - 2 < written.Count ? written[ex.Row - 2] : "";
            var question = p.Layout.Columns.FirstOrDefault(c => c.Header == ex.Column) is { Question: { } q } ? q.Text : ex.Column;
            throw new UnencodableCellException(new UnencodableCell(code, p.Names.GetValueOrDefault(code)?.Name ?? code, question, ex.Character), ex);
        }
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Written(IAsyncEnumerable<(string Code, object?[] Row)> rows, List<string> written,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (code, row) in rows.WithCancellation(ct))
        {
            written.Add(code);
            yield return row;
        }
    }

    /// <summary>Every file uploaded in a submitted answer, as <c>{団体コード}/{設問キー}_{file name}</c>.</summary>
    public async Task WriteFilesZipAsync(Survey survey, Stream output, CancellationToken ct)
    {
        var form = survey.Form;
        var fileQuestions = form.Questions.Where(q => q.Type == QuestionType.File).ToList();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        if (fileQuestions.Count == 0) return;
        var submitted = await Responses(survey.Id).Where(r => r.State == ResponseState.Submitted)
            .Select(r => new { r.RespondentCode, r.AnswersJson }).ToListAsync(ct);
        foreach (var response in InRosterOrder(submitted, r => r.RespondentCode))
        {
            var answers = AnswerSet.FromJson(response.AnswersJson);
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var question in fileQuestions.Where(q => form.IsVisible(q, answers)))
            {
                var ids = answers[question.Key]?.FileIds ?? [];
                if (ids.Count == 0) continue;
                // Only the 団体's own files (a department's are the prefecture's): an id pointing elsewhere is never packed.
                var owner = SurveyResponse.IsDepartmentCode(response.RespondentCode) ? Answering.ResponseFiles.PrefectureCode(db) : response.RespondentCode;
                var stored = await db.Set<StoredFile>().AsNoTracking()
                    .Where(f => ids.Contains(f.Id) && f.OrganizationCode == owner && f.DeletedAt == null).ToListAsync(ct);
                foreach (var file in stored.OrderBy(f => ids.IndexOf(f.Id)))
                {
                    if (await files.ReadAsync(file, ct) is not { } bytes) continue;
                    var name = EntryName(response.RespondentCode, question.Key, file.FileName, used);
                    var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                    await using var stream = entry.Open();
                    await stream.WriteAsync(bytes, ct);
                }
            }
        }
    }

    private static string EntryName(string code, string questionKey, string fileName, HashSet<string> used)
    {
        var safe = string.Concat(Path.GetFileName(fileName).Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' ? '_' : c));
        var name = $"{code}/{questionKey}_{safe}";
        for (var n = 2; !used.Add(name); n++) name = $"{code}/{questionKey}_{Path.GetFileNameWithoutExtension(safe)}({n}){Path.GetExtension(safe)}";
        return name;
    }

    public static string SheetName(Survey survey) => "回答一覧";

    /// <summary>The download name: 「{件名}_回答一覧.{ext}」 without characters a file name cannot hold.</summary>
    public static string FileName(Survey survey, string suffix, string extension)
    {
        var title = string.Concat(survey.Title.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' ? '_' : c));
        if (title.Length > 60) title = title[..60];
        return $"{title}_{suffix}.{extension}";
    }
}

public sealed class UnencodableCellException(UnencodableCell cell, Exception inner)
    : Exception($"{cell.Name}（{cell.Code}）の回答「{cell.Question}」にある文字「{cell.Character}」は Shift_JIS（CP932）で表せません。"
                + "UTF-8 で書き出すか、回答の文字を置き換えてください。", inner)
{
    public UnencodableCell Cell { get; } = cell;
}
