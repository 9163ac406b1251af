using System.IO.Compression;
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

    private sealed record Prepared(ExportLayout Layout, Dictionary<string, RosterEntry> Names, Dictionary<long, string> FileNames);

    private async Task<Prepared> PrepareAsync(Survey survey, CancellationToken ct)
    {
        var layout = await LayoutAsync(survey, ct);
        var codes = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == survey.Id).Select(r => r.RespondentCode).ToListAsync(ct);
        var names = await Roster.NamesAsync(db, codes, ct);
        // A department's files are the prefecture's (ResponseFiles.FileOwner).
        List<string> owners = codes.Any(SurveyResponse.IsDepartmentCode) ? [.. codes, Answering.ResponseFiles.PrefectureCode(db)] : codes;
        var fileNames = survey.Form.Questions.Any(q => q.Type == QuestionType.File)
            ? await (from f in db.Set<StoredFile>().AsNoTracking()
                     where owners.Contains(f.OrganizationCode)
                     select new { f.Id, f.FileName }).ToDictionaryAsync(f => f.Id, f => f.FileName, ct)
            : [];
        return new Prepared(layout, names, fileNames);
    }

    private IQueryable<SurveyResponse> Responses(long surveyId) =>
        db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == surveyId);

    private static ExportRespondent Respondent(Prepared p, string code, ResponseState state, DateTime? submittedAt, string answersJson) =>
        new(code, p.Names[code].Name, state.ToJapanese(), state == ResponseState.Submitted ? submittedAt : null,
            state == ResponseState.Submitted ? AnswerSet.FromJson(answersJson) : null);

    private static IEnumerable<T> InRosterOrder<T>(IEnumerable<T> rows, Func<T, string> code) =>
        rows.OrderBy(r => SurveyResponse.IsDepartmentCode(code(r)) ? 1 : 0).ThenBy(code, StringComparer.Ordinal);

    /// <summary>Writes the xlsx into <paramref name="output"/> (a seekable file stream: MiniExcel writes synchronously).</summary>
    public async Task WriteXlsxAsync(Survey survey, Stream output, CancellationToken ct)
    {
        var p = await PrepareAsync(survey, ct);
        // Codes in order first (small), then each row's answers read as it is written: never all answers in memory.
        var order = InRosterOrder(await Responses(survey.Id).Select(r => new { r.Id, r.RespondentCode }).ToListAsync(ct), r => r.RespondentCode)
            .Select(r => r.Id).ToList();
        TabularExport.WriteXlsx(output, p.Layout.Headers, Rows(p, order), SheetName(survey));
    }

    private IEnumerable<IReadOnlyList<object?>> Rows(Prepared p, List<long> order)
    {
        const int Batch = 200;
        for (var i = 0; i < order.Count; i += Batch)
        {
            var ids = order.Skip(i).Take(Batch).ToList();
            var batch = db.Set<SurveyResponse>().AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.RespondentCode, r.State, r.SubmittedAt, r.AnswersJson }).ToDictionary(r => r.Id);
            foreach (var id in ids)
            {
                var r = batch[id];
                yield return p.Layout.Row(Respondent(p, r.RespondentCode, r.State, r.SubmittedAt, r.AnswersJson), p.FileNames);
            }
        }
    }

    /// <summary>Writes the CSV; a character Shift_JIS cannot hold throws <see cref="UnencodableCellException"/> naming the
    /// 団体 and the question.</summary>
    public async Task WriteCsvAsync(Survey survey, Stream output, ExportEncoding encoding, CancellationToken ct)
    {
        var p = await PrepareAsync(survey, ct);
        var order = InRosterOrder(await Responses(survey.Id).Select(r => new { r.Id, r.RespondentCode }).ToListAsync(ct), r => r.RespondentCode)
            .Select(r => r.Id).ToList();
        var written = new List<string>();
        try
        {
            await TabularExport.WriteCsvAsync(output, p.Layout.Headers, RowsAsync(p, order, written, ct), encoding, ct);
        }
        catch (ExportEncodingException ex)
        {
            // Row 1 is the header: data row n is the (n−1)th respondent written.
            var code = ex.Row - 2 >= 0 && ex.Row - 2 < written.Count ? written[ex.Row - 2] : "";
            var question = p.Layout.Columns.FirstOrDefault(c => c.Header == ex.Column) is { Question: { } q } ? q.Text : ex.Column;
            throw new UnencodableCellException(new UnencodableCell(code, p.Names.GetValueOrDefault(code)?.Name ?? code, question, ex.Character), ex);
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(Prepared p, List<long> order, List<string> written,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        const int Batch = 200;
        for (var i = 0; i < order.Count; i += Batch)
        {
            var ids = order.Skip(i).Take(Batch).ToList();
            var batch = await db.Set<SurveyResponse>().AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.RespondentCode, r.State, r.SubmittedAt, r.AnswersJson }).ToDictionaryAsync(r => r.Id, ct);
            foreach (var id in ids)
            {
                var r = batch[id];
                written.Add(r.RespondentCode);
                yield return p.Layout.Row(Respondent(p, r.RespondentCode, r.State, r.SubmittedAt, r.AnswersJson), p.FileNames);
            }
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
