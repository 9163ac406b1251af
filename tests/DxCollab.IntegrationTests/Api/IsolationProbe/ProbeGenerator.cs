using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DxCollab.IntegrationTests.Api.AccessMatrix;

namespace DxCollab.IntegrationTests.Api.IsolationProbe;

/// <summary>Where a probe puts the victim's values.</summary>
[Flags]
public enum Substitution
{
    None = 0,
    /// <summary>The victim's tenant slug in the path with another tenant's token.</summary>
    VictimSlug = 1 << 0,
    /// <summary>The victim's row ids in the path (in the attacker's own tenant, or the peer's).</summary>
    PathIds = 1 << 1,
    /// <summary>The victim's 団体コード in the path.</summary>
    OrgCode = 1 << 2,
    /// <summary>The attacker's own row as parent with the victim's row as child (own workspace, victim's document).</summary>
    OwnParent = 1 << 3,
    /// <summary>The victim's ids or 団体コード in the query (filters of lists and exports).</summary>
    Query = 1 << 4,
    /// <summary>The victim's ids, 団体コード, tenant or e-mail in JSON members.</summary>
    JsonBody = 1 << 5,
    /// <summary>The victim's ids or codes in form fields, and the victim's (non-secret) file name on uploads.</summary>
    FormFields = 1 << 6,
    /// <summary>The victim's ids in a message payload (conversation, inquiry messages, comments, notes, answers).</summary>
    MessagePayload = 1 << 7,
    /// <summary>A file download addressed by the victim's file id.</summary>
    FileDownload = 1 << 8,
    /// <summary>Members the operation does not declare, naming the victim (its 団体, tenant, rows): mass assignment.</summary>
    ExtraMembers = 1 << 9,
}

/// <summary>One request of the probe. <paramref name="Twin"/>: the path of the same request with the victim's ids replaced by ids of
/// no row; a caller of another tenant, or the peer where the policy hides the row, must get the same status for both (else it learns that the row exists); <paramref name="TwinOf"/>: on the twin, the request it is the twin of.</summary>
public sealed record ProbeRequest(int Index, Caller Attacker, Operation Operation, string Path, Substitution Kinds, Func<HttpContent?> Content,
    string? Twin, int? TwinOf = null);

/// <summary>Makes the probe's requests from a seed: an operation of the OpenAPI document, an attacker (a user of kyoto,
/// the peer 団体 千早赤阪村 of osaka, or an expert of osaka's pool with no assignment), and the victim's values put into the path, query, body or form.</summary>
public sealed class ProbeGenerator(OpenApiOperations document, VictimRows victim, int seed)
{
    private static readonly Caller[] KyotoAttackers = [Caller.KyotoOfficer, Caller.KyotoStaff, Caller.KyotoAdmin, Caller.KyotoExpert];
    private static readonly string[] MessagePaths = ["/messages", "/conversation", "/comments", "/notes", "/answer", "/verdict"];
    /// <summary>The victim's 証跡 file as the access matrix names it: a file name the attacker could know, never a marker.</summary>
    private const string VictimFileName = "契約書.pdf";

    private readonly Random _random = new(seed);

    /// <summary>Sign-in operations are left out: a wrong password for the victim's e-mail locks the victim's account by
    /// design (lockout), which the access matrix and the sign-in tests cover.</summary>
    public IReadOnlyList<Operation> Operations { get; } = [.. document.All.Where(o => !o.Path.EndsWith("/auth/login", StringComparison.Ordinal))];

    public async Task<List<ProbeRequest>> GenerateAsync(int count)
    {
        var requests = new List<ProbeRequest>(count);
        while (requests.Count < count)
        {
            var operation = Operations[_random.Next(Operations.Count)];
            // Three in ten from the peer 団体 of the victim's own prefecture, one in ten from an unassigned expert of its
            // pool, the rest from kyoto's four roles.
            var draw = _random.NextDouble();
            var attacker = draw < 0.3 ? Caller.PeerOfficer : draw < 0.4 ? Caller.Expert : KyotoAttackers[_random.Next(KyotoAttackers.Length)];
            var request = await OneAsync(requests.Count, operation, attacker);
            requests.Add(request);
            if (request.Twin is not null) requests.Add(request with { Index = requests.Count, Path = request.Twin, Twin = null, TwinOf = request.Index });
        }
        return requests;
    }

    private async Task<ProbeRequest> OneAsync(int index, Operation operation, Caller attacker)
    {
        var kinds = Substitution.None;
        var inside = VictimRows.InVictimsTenant(attacker);
        var victimSlug = !inside && _random.NextDouble() < 0.3;
        // The path's values in order, and whether each is a row id of the victim (which the twin replaces by no row).
        var values = new List<(string Value, bool VictimId)>();
        int victims = 0, owns = 0;
        (string, bool) Choose(string name, string before, string? format)
        {
            if (name == "tenant")
            {
                if (victimSlug) kinds |= Substitution.VictimSlug;
                return (victimSlug ? VictimRows.VictimTenant : victim.OwnValue(attacker, name, before, format), false);
            }
            var mine = victim.OwnValue(attacker, name, before, format);
            // A survey sent to both 団体 is the peer's too: its victim there is 豊中市's response (the 団体コード).
            var shared = attacker == Caller.PeerOfficer && (name, before) == ("id", "surveys");
            var theirs = format == "uuid" || shared ? null : victim.VictimValue(name, before, _random)
                ?? (IsId(name) && _random.NextDouble() < 0.5 ? $"{victim.AllIds[_random.Next(victim.AllIds.Length)]}" : null);
            if (theirs is null || _random.NextDouble() >= 0.75)
            {
                if (mine != $"{MatrixRows.Missing}" && IsId(name)) owns++;
                return (mine, false);
            }
            victims++;
            if (name is "orgCode" or "code")
            {
                kinds |= Substitution.OrgCode;
                return (theirs, false);
            }
            kinds |= Substitution.PathIds;
            if (name is "fileId" or "attachmentId" || operation.Path.EndsWith("/file", StringComparison.Ordinal)
                || operation.Path.EndsWith("/download", StringComparison.Ordinal)) kinds |= Substitution.FileDownload;
            return (theirs, true);
        }
        string Value(string name, string before, string? format)
        {
            var chosen = Choose(name, before, format);
            values.Add(chosen);
            return chosen.Item1;
        }
        var path = document.FillPath(operation, Value);
        if (victims > 0 && owns > 0) kinds |= Substitution.OwnParent;
        if (operation.Parameters.Any(p => p.In == "query" && p.Required && IsCode(p.Name))) kinds |= Substitution.Query;
        path = AddQuery(operation, path, ref kinds);

        Func<HttpContent?> content = () => null;
        if (operation.Body is not null)
        {
            var rule = AccessPolicy.Rules.GetValueOrDefault(operation.Key);
            using var sample = document.Content(operation, rule?.Body);
            var (made, changed, extra) = sample is MultipartFormDataContent form ? await FormAsync(form)
                : sample is not null ? Json(await sample.ReadAsStringAsync()) : (content, false, false);
            content = made;
            if (extra) kinds |= Substitution.ExtraMembers;
            if (changed)
            {
                kinds |= sample is MultipartFormDataContent ? Substitution.FormFields : Substitution.JsonBody;
                if (MessagePaths.Any(m => operation.Path.Contains(m, StringComparison.Ordinal))) kinds |= Substitution.MessagePayload;
            }
        }
        if (kinds == Substitution.None)
        {
            // Nothing of the victim's to put in: an attacker inside osaka names the victim's 団体 as a filter, kyoto calls
            // osaka's path.
            if (inside)
            {
                path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"orgCode={MatrixRows.Own}";
                kinds |= Substitution.Query;
            }
            else if (operation.Path.Contains("{tenant}", StringComparison.Ordinal))
            {
                path = ReplaceTenant(path, VictimRows.VictimTenant);
                kinds |= Substitution.VictimSlug;
            }
        }
        // A twin where the victim's rows are addressed by id alone, by a caller that may not know they exist: a user of
        // kyoto from its own tenant's paths, or the peer where the access policy hides the row from it (404).
        string? twin = null;
        var hidden = !inside ? !victimSlug
            : attacker == Caller.PeerOfficer && AccessPolicy.Rules.GetValueOrDefault(operation.Key)?.Hidden.HasFlag(Caller.PeerOfficer) == true;
        if (hidden && values.Any(v => v.VictimId) && (kinds & ~(Substitution.PathIds | Substitution.OwnParent | Substitution.FileDownload)) == 0)
        {
            var next = 0;
            twin = document.FillPath(operation, (_, _, _) => values[next++] is var (value, victimId) && victimId ? $"{MatrixRows.Missing}" : value);
        }
        return new ProbeRequest(index, attacker, operation, path, kinds, content, twin);
    }

    private static string ReplaceTenant(string path, string tenant)
    {
        var segments = path.Split('/');
        if (segments.Length > 3 && segments[1] == "api" && segments[2] == "v1") segments[3] = tenant;
        return string.Join('/', segments);
    }

    /// <summary>Optional query parameters that name a 団体 or a row get the victim's, half of the time.</summary>
    private string AddQuery(Operation operation, string path, ref Substitution kinds)
    {
        var added = new List<string>();
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query" && !p.Required))
        {
            if (_random.NextDouble() >= 0.5) continue;
            if (IsCode(parameter.Name)) added.Add($"{parameter.Name}={MatrixRows.Own}");
            else if (IsId(parameter.Name)) added.Add($"{parameter.Name}={victim.AllIds[_random.Next(victim.AllIds.Length)]}");
        }
        if (added.Count == 0) return path;
        kinds |= Substitution.Query;
        return path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', added);
    }

    private (Func<HttpContent?> Content, bool Changed, bool Extra) Json(string json)
    {
        var node = JsonNode.Parse(json);
        var changed = Substitute(node, 0);
        var extra = false;
        if (node is JsonObject obj && _random.NextDouble() < 0.3)
            foreach (var (name, value) in Extras())
                if (!obj.ContainsKey(name))
                {
                    obj[name] = JsonValue.Create(value);
                    extra = true;
                }
        var text = node?.ToJsonString() ?? "{}";
        return (() => new StringContent(text, Encoding.UTF8, "application/json"), changed, extra);
    }

    /// <summary>Members a careless binder might take: whose row it is, in which tenant, which row.</summary>
    private IEnumerable<(string Name, string Value)> Extras()
    {
        yield return ("organizationCode", MatrixRows.Own);
        yield return ("respondentCode", MatrixRows.Own);
        yield return ("leadOrganizationCode", MatrixRows.Own);
        yield return ("tenantId", VictimRows.VictimTenant);
        yield return ("createdBy", "toyonaka@osaka.example");
        yield return ("threadId", $"{victim.AllIds[_random.Next(victim.AllIds.Length)]}");
        yield return ("workspaceId", $"{victim.SecretWorkspace}");
        yield return ("requestId", $"{victim.SecretRequest}");
    }

    /// <summary>Puts the victim's values into members that name a row, a 団体, a tenant or a person; true when one was put.</summary>
    private bool Substitute(JsonNode? node, int depth)
    {
        if (node is null || depth > 6) return false;
        var changed = false;
        if (node is JsonArray array)
        {
            foreach (var item in array) changed |= Substitute(item, depth + 1);
            return changed;
        }
        if (node is not JsonObject obj) return false;
        foreach (var name in obj.Select(p => p.Key).ToList())
        {
            var value = obj[name];
            if (VictimMember(name, value) is { } replacement && _random.NextDouble() < 0.7)
            {
                obj[name] = replacement;
                changed = true;
            }
            else changed |= Substitute(value, depth + 1);
        }
        return changed;
    }

    private JsonNode? VictimMember(string name, JsonNode? current)
    {
        var lower = name.ToLowerInvariant();
        var ids = victim.AllIds;
        long Id() => lower switch
        {
            _ when lower.StartsWith("request", StringComparison.Ordinal) => victim.SecretRequest,
            _ when lower.StartsWith("expert", StringComparison.Ordinal) => victim.Matrix.PoolExpert,
            _ when lower.StartsWith("survey", StringComparison.Ordinal) => victim.Matrix.Survey,
            _ when lower.StartsWith("workspace", StringComparison.Ordinal) || lower.StartsWith("procurement", StringComparison.Ordinal) => victim.SecretWorkspace,
            _ when lower.StartsWith("document", StringComparison.Ordinal) => victim.SecretDocument,
            _ when lower.StartsWith("file", StringComparison.Ordinal) => victim.SecretRequestFile,
            _ when lower.StartsWith("assignment", StringComparison.Ordinal) => victim.Matrix.Assignment,
            _ => ids[_random.Next(ids.Length)],
        };
        if (lower.EndsWith("ids", StringComparison.Ordinal)) return new JsonArray(Id(), ids[_random.Next(ids.Length)]);
        if (lower.EndsWith("codes", StringComparison.Ordinal)) return new JsonArray(MatrixRows.Own);
        if (lower.EndsWith("id", StringComparison.Ordinal) && current is JsonValue v)
            return v.TryGetValue<string>(out _) ? JsonValue.Create($"{Id()}") : JsonValue.Create(Id());
        if (IsCode(name)) return JsonValue.Create(MatrixRows.Own);
        if (lower.Contains("email", StringComparison.Ordinal)) return JsonValue.Create("toyonaka@osaka.example");
        if (lower is "tenant" or "tenantid" or "prefecture" or "prefectureid") return JsonValue.Create(VictimRows.VictimTenant);
        return null;
    }

    private async Task<(Func<HttpContent?> Content, bool Changed, bool Extra)> FormAsync(MultipartFormDataContent form)
    {
        var parts = new List<(string Name, string? Text, byte[]? File, string? FileName, string? Type)>();
        var changed = false;
        var extra = _random.NextDouble() < 0.3;
        if (extra)
            foreach (var (name, value) in Extras())
                parts.Add((name, value, null, null, null));
        foreach (var part in form)
        {
            var name = part.Headers.ContentDisposition?.Name?.Trim('"') ?? "file";
            if (part.Headers.ContentDisposition?.FileName is { } fileName)
            {
                var victimName = _random.NextDouble() < 0.5;
                changed |= victimName;
                parts.Add((name, null, await part.ReadAsByteArrayAsync(), victimName ? VictimFileName : fileName.Trim('"'),
                    part.Headers.ContentType?.MediaType));
                continue;
            }
            var text = await part.ReadAsStringAsync();
            if (VictimMember(name, JsonValue.Create(text)) is JsonValue replacement && _random.NextDouble() < 0.7)
            {
                text = replacement.ToString();
                changed = true;
            }
            else if (IsCode(name) && text == MatrixRows.Own) changed = true; // the sample already names the victim's 団体
            parts.Add((name, text, null, null, null));
        }
        return (() =>
        {
            var content = new MultipartFormDataContent();
            foreach (var (name, text, file, fileName, type) in parts)
            {
                if (file is null)
                {
                    content.Add(new StringContent(text!), name);
                    continue;
                }
                var bytes = new ByteArrayContent(file);
                if (type is not null) bytes.Headers.ContentType = new MediaTypeHeaderValue(type);
                content.Add(bytes, name, fileName!);
            }
            return content;
        }, changed, extra);
    }

    private static bool IsCode(string name) => name.ToLowerInvariant() is var lower && (lower == "code" || lower.EndsWith("code", StringComparison.Ordinal))
        && !lower.Contains("theme", StringComparison.Ordinal);

    private static bool IsId(string name) => name == "id" || name.EndsWith("Id", StringComparison.Ordinal);
}
