using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DxCollab.Bench.Nation;

/// <summary>A signed-in user as a load generator sees them: the header that authenticates a request (the API's bearer
/// token, or the pages' Identity cookie from the real login form), and a client that sends it.</summary>
internal sealed partial class Session : IDisposable
{
    private Session(HttpClient client, string header) => (Client, Header) = (client, header);

    /// <summary>For hey -H: "Authorization: Bearer …" or "Cookie: DxCollab.Auth=…".</summary>
    public string Header { get; }
    public HttpClient Client { get; }

    /// <summary>POST /api/v1/{tenant}/auth/login (tenant null: host level) → bearer token.</summary>
    public static async Task<Session> ApiAsync(Uri server, string? tenant, string email, string password)
    {
        var client = NewClient(server, null);
        using var response = await client.PostAsJsonAsync(tenant is null ? "/api/v1/auth/login" : $"/api/v1/{tenant}/auth/login", new { email, password });
        var body = System.Text.Encoding.UTF8.GetString(await BodyAsync(response));
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"API のサインインに失敗しました（{email}）: {(int)response.StatusCode} {body}");
        var token = JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new(client, "Authorization: Bearer " + token);
    }

    /// <summary>The login form of /{tenant}/login (or /ops/login), anti-forgery token and all → the Identity cookie.</summary>
    public static async Task<Session> CookieAsync(Uri server, string? tenant, string email, string password)
    {
        var cookies = new CookieContainer();
        var client = NewClient(server, cookies);
        var login = tenant is null ? "/ops/login" : $"/{tenant}/login";
        var form = await TextAsync(client, login);
        var token = WebUtility.HtmlDecode(AntiForgery().Match(form).Groups[1].Value);
        using var post = await client.PostAsync(login, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        var auth = cookies.GetCookies(server).Where(c => c.Name.StartsWith("DxCollab.Auth", StringComparison.Ordinal)).ToList();
        if (post.StatusCode != HttpStatusCode.Redirect || auth.Count == 0)
            throw new InvalidOperationException($"ログイン画面からのサインインに失敗しました（{email}）: {(int)post.StatusCode}");
        return new(client, "Cookie: " + string.Join("; ", auth.Select(c => $"{c.Name}={c.Value}")));
    }

    /// <summary>Sends Accept-Encoding: br, gzip as browsers do and keeps the body as it came (bytes on the wire).</summary>
    private static HttpClient NewClient(Uri server, CookieContainer? cookies)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None,
            UseCookies = cookies is not null, CookieContainer = cookies ?? new CookieContainer(),
        };
        var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");
        return client;
    }

    /// <summary>GET, 2xx required, body decoded from br/gzip.</summary>
    public Task<string> GetTextAsync(string path) => TextAsync(Client, path);

    public async Task<byte[]> GetBytesAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        return await BodyAsync(response);
    }

    private static async Task<string> TextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        return System.Text.Encoding.UTF8.GetString(await BodyAsync(response));
    }

    /// <summary>The body as the app meant it (undoing Content-Encoding br or gzip).</summary>
    public static async Task<byte[]> BodyAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsByteArrayAsync();
        var encoding = string.Join(",", response.Content.Headers.ContentEncoding);
        if (encoding.Length == 0) return raw;
        using Stream input = new MemoryStream(raw);
        using Stream decoded = encoding switch
        {
            "br" => new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"Content-Encoding {encoding} は扱えません。"),
        };
        using var output = new MemoryStream();
        await decoded.CopyToAsync(output);
        return output.ToArray();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    public void Dispose() => Client.Dispose();
}
