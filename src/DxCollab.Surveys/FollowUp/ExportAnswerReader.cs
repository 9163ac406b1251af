using System.Buffers;
using System.Text;
using System.Text.Json;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.FollowUp;

/// <summary>Reads a stored answer document for the export only: of each asked question, the parts a cell shows (value,
/// choices, その他 text, file ids, table cells). Who edited when, prefill marks and answers to questions the form no
/// longer asks are stepped over without being built, which is most of what <see cref="AnswerSet.FromJson"/> spends on
/// 1,741 documents. Anything the product never writes (another casing, an unexpected token) is handed to
/// <see cref="AnswerSet.FromJson"/>, so the cells are the same as the full reader's in every case.</summary>
public sealed class ExportAnswerReader
{
    private readonly HashSet<string> _keys;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ExportAnswerReader(IEnumerable<string> questionKeys)
    {
        _keys = new HashSet<string>(questionKeys, StringComparer.Ordinal);
        _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ExportAnswerReader(SurveyForm form) : this(form.Questions.Select(q => q.Key)) { }

    /// <summary>Thrown inside the reader when the document is not in the shape the product writes.</summary>
    private sealed class Unexpected : Exception;

    public AnswerSet Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new AnswerSet();
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            return Read(buffer.AsSpan(0, Encoding.UTF8.GetBytes(json, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The same from the document's UTF-8 bytes as the database holds them (no string in between).</summary>
    public AnswerSet Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Trim(" \t\r\n"u8).IsEmpty) return new AnswerSet();
        try
        {
            return ReadDocument(utf8);
        }
        catch (Exception ex) when (ex is Unexpected or JsonException)
        {
            return AnswerSet.FromJson(Encoding.UTF8.GetString(utf8));
        }
    }

    private AnswerSet ReadDocument(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject) throw new Unexpected();
        var set = new AnswerSet { Answers = new Dictionary<string, Answer>(_keys.Count) };
        var seenAnswers = false;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("answers"u8))
            {
                // A second "answers" replaces the first for the full reader: hand such a document to it.
                if (seenAnswers) throw new Unexpected();
                seenAnswers = true;
                Next(ref reader);
                if (reader.TokenType != JsonTokenType.StartObject) throw new Unexpected();
                ReadAnswers(ref reader, set.Answers);
            }
            else
            {
                // Any other casing of "answers" would be read by the full reader (its names ignore case).
                if (reader.ValueSpan.Length == 7 && !reader.ValueIsEscaped && Ascii.EqualsIgnoreCase(reader.ValueSpan, "answers"u8))
                    throw new Unexpected();
                if (reader.ValueIsEscaped) throw new Unexpected();
                Next(ref reader);
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) throw new Unexpected();
        return set;
    }

    private void ReadAnswers(ref Utf8JsonReader reader, Dictionary<string, Answer> answers)
    {
        Span<char> name = stackalloc char[128];
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            string? key = null;
            if (!reader.ValueIsEscaped && reader.ValueSpan.Length <= name.Length)
            {
                var written = Encoding.UTF8.GetChars(reader.ValueSpan, name);
                _lookup.TryGetValue(name[..written], out key);
            }
            else
            {
                var unescaped = reader.GetString()!;
                if (_keys.Contains(unescaped)) key = unescaped;
            }
            Next(ref reader);
            if (key is null)
            {
                reader.Skip(); // not asked by this form: no cell shows it
                continue;
            }
            if (reader.TokenType == JsonTokenType.Null) throw new Unexpected();
            if (reader.TokenType != JsonTokenType.StartObject) throw new Unexpected();
            answers[key] = ReadAnswer(ref reader);
        }
    }

    private static Answer ReadAnswer(ref Utf8JsonReader reader)
    {
        var answer = new Answer();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped) throw new Unexpected();
            var property = reader.ValueSpan;
            if (property.SequenceEqual("value"u8)) { Next(ref reader); answer.Value = Text(ref reader); }
            else if (property.SequenceEqual("choices"u8)) { Next(ref reader); answer.Choices = Texts(ref reader); }
            else if (property.SequenceEqual("other"u8)) { Next(ref reader); answer.Other = Text(ref reader); }
            else if (property.SequenceEqual("cells"u8)) { Next(ref reader); answer.Cells = Cells(ref reader); }
            else if (property.SequenceEqual("fileIds"u8)) { Next(ref reader); answer.FileIds = Ids(ref reader); }
            else if (IsShownPart(property)) throw new Unexpected(); // "Value", "FILEIDS": the full reader takes any casing
            else
            {
                Next(ref reader);
                reader.Skip(); // editedAt, editedBy, prefilledFrom, confirmed: never a cell
            }
        }
        return answer;
    }

    private static bool IsShownPart(ReadOnlySpan<byte> name) =>
        Ascii.EqualsIgnoreCase(name, "value"u8) || Ascii.EqualsIgnoreCase(name, "choices"u8) || Ascii.EqualsIgnoreCase(name, "other"u8)
        || Ascii.EqualsIgnoreCase(name, "cells"u8) || Ascii.EqualsIgnoreCase(name, "fileIds"u8);

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new Unexpected(),
    };

    private static List<string>? Texts(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw new Unexpected();
        var list = new List<string>();
        while (Next(ref reader) != JsonTokenType.EndArray) list.Add(Text(ref reader)!);
        return list;
    }

    private static List<long>? Ids(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw new Unexpected();
        var list = new List<long>();
        while (Next(ref reader) != JsonTokenType.EndArray)
            list.Add(reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var id) ? id : throw new Unexpected());
        return list;
    }

    private static Dictionary<string, Dictionary<string, string?>>? Cells(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject) throw new Unexpected();
        var rows = new Dictionary<string, Dictionary<string, string?>>();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var rowKey = reader.GetString()!;
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.Null) { rows[rowKey] = null!; continue; }
            if (reader.TokenType != JsonTokenType.StartObject) throw new Unexpected();
            var row = new Dictionary<string, string?>();
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var columnKey = reader.GetString()!;
                Next(ref reader);
                row[columnKey] = Text(ref reader);
            }
            rows[rowKey] = row;
        }
        return rows;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) => reader.Read() ? reader.TokenType : throw new Unexpected();
}
