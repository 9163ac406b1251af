using System.Diagnostics;
using System.Text.RegularExpressions;
using DxCollab.MultiTenancy;
using DxCollab.MultiTenancy.AspNetCore;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Web.Infrastructure;

/// <summary>Errors everywhere: ProblemDetails in words a staff member understands, with the request id that also
/// appears in the logs; pages get the same message on an error page. Never a 500 for bad input.</summary>
public static partial class ErrorHandling
{
    public const string RejectionItem = "DxCollab.TenantRejection";

    private static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "入力内容に誤りがあります。",
        [401] = "ログインが必要です。",
        [403] = "この操作を行う権限がありません。",
        [404] = "お探しのページまたはデータは見つかりません。",
        [405] = "この方法では操作できません。",
        [409] = "他の操作と競合しました。",
        [413] = "ファイルが大きすぎます。",
        [415] = "この形式のデータは受け付けられません。",
        [422] = "内容を処理できませんでした。",
        [429] = "操作が集中しています。しばらくしてからお試しください。",
        [500] = "システムエラーが発生しました。時間をおいて再度お試しください。",
        [503] = "ただいま混み合っています。しばらくしてから再度お試しください。",
    };

    public static string TitleFor(int status) => Titles.GetValueOrDefault(status, "エラーが発生しました。");

    public static IServiceCollection AddDxCollabProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            // Framework titles are English ("Bad Request", "One or more validation errors occurred."): say it in Japanese.
            if (ctx.ProblemDetails.Title is null || IsFrameworkTitle(ctx.ProblemDetails.Title)) ctx.ProblemDetails.Title = TitleFor(status);
            if (ctx.Exception is BadHttpRequestException bad)
                DescribeBadRequest(ctx.ProblemDetails, bad);
            else if (status == StatusCodes.Status503ServiceUnavailable && ctx.Exception is not null && DatabaseBusy.Busy(ctx.Exception))
                ctx.ProblemDetails.Detail = $"アクセスが集中しているため、いまは処理できませんでした。入力した内容は保存されていません。{DatabaseBusy.RetryAfterSeconds} 秒ほど待ってから、もう一度お試しください。";
            else if (status == StatusCodes.Status503ServiceUnavailable && ctx.Exception is not null && DatabaseBusy.Is(ctx.Exception))
                ctx.ProblemDetails.Detail = $"データベースで一時的な問題が起きたため、いまは処理できませんでした。入力した内容は保存されていません。{DatabaseBusy.RetryAfterSeconds} 秒ほど待ってから、もう一度お試しください。";
            else if (ctx.Exception is Microsoft.EntityFrameworkCore.DbUpdateException)
                ctx.ProblemDetails.Detail = "ほかの操作と同時に更新されたため、保存できませんでした。内容を確かめて、もう一度お試しください。";
            else if (ctx.ProblemDetails.Detail is { } d && IsFrameworkDetail(d)) ctx.ProblemDetails.Detail = null;
            // Outside development a body that cannot be read (bad JSON) arrives here without an exception.
            if (status == StatusCodes.Status400BadRequest && ctx.ProblemDetails.Detail is null && ctx.ProblemDetails is not HttpValidationProblemDetails)
                ctx.ProblemDetails.Detail = "送信された内容を読み取れませんでした。形式（JSON の項目名や値の型）を確認してください。";
            ctx.ProblemDetails.Extensions["requestId"] = Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
        });
        services.Configure<MultiTenantOptions>(o => o.OnRejected = WriteRejectionAsync);
        // A parameter that cannot be bound (?page=abc, bad JSON) throws in every environment, so the refusal can say
        // which parameter it was instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    private const string UnreadableBody = "送信された内容を読み取れませんでした。形式（JSON の項目名や値の型）を確認してください。";

    /// <summary>Names the query, route or header parameter that could not be read (the framework's message is English and
    /// says which); a body that cannot be read keeps the JSON wording.</summary>
    private static void DescribeBadRequest(ProblemDetails problem, BadHttpRequestException bad)
    {
        var match = BindFailure().Match(bad.Message);
        if (!match.Success || bad.Message.Contains("request body", StringComparison.Ordinal))
        {
            problem.Detail = UnreadableBody;
            return;
        }
        var name = match.Groups["name"].Value;
        var message = bad.Message.StartsWith("Required parameter", StringComparison.Ordinal)
            ? $"パラメーター「{name}」を指定してください。"
            : $"パラメーター「{name}」の値を読み取れませんでした。{Expectation(match.Groups["type"].Value)}で指定してください。";
        problem.Detail = message;
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [name] = [message] };
    }

    private static string Expectation(string type) => type.TrimEnd('?') switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" or "Int16" => "整数（半角数字）",
        "decimal" or "double" or "float" or "Decimal" or "Double" => "数値（半角数字）",
        "bool" or "Boolean" => "true または false",
        "DateOnly" or "DateTime" or "DateTimeOffset" => "日付（yyyy-MM-dd）",
        "Guid" => "ID（UUID 形式）",
        _ => "正しい形式",
    };

    [GeneratedRegex("parameter \"(?<type>[^\"]*) (?<name>[^\" ]+)\"")]
    private static partial Regex BindFailure();

    /// <summary>A path or query with NUL or another control character (「%00」) is refused with the same 400 as any
    /// other bad input — servers that pass it through would otherwise route it to a handler or answer an empty 400.</summary>
    private static async Task RefuseControlCharactersAsync(HttpContext http, RequestDelegate next)
    {
        if (!HasControlCharacter(http.Request.Path.Value) && !http.Request.Query.Any(q => HasControlCharacter(q.Key) || q.Value.Any(HasControlCharacter)))
        {
            await next(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (!IsApi(http)) return; // the error page, through the status code pages
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest, Title = "URL に誤りがあります。",
                Detail = "URL（パスまたはクエリ）に使用できない文字（NUL などの制御文字）が含まれています。URL を確認してください。",
            },
        });
    }

    private static bool HasControlCharacter(string? text) => text is not null && text.Any(c => c < '\u0020' || c == '\u007F');

    public static WebApplication UseDxCollabErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Two first writes of the same row at once (a unique index refuses the second) are a conflict the user can
            // retry, not a system error.
            // A request the client got wrong is answered, not logged as a failure of the application.
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
            // A database that is away, busy or refused the transaction for a moment (deadlock) is not broken: 503 with
            // Retry-After, before the 409 of a refused write (ADR 0012).
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when DatabaseBusy.Is(ex) => StatusCodes.Status503ServiceUnavailable,
                Microsoft.EntityFrameworkCore.DbUpdateException => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status500InternalServerError,
            },
            ExceptionHandler = async http =>
            {
                var feature = http.Features.Get<IExceptionHandlerFeature>();
                if (http.Response.StatusCode == StatusCodes.Status503ServiceUnavailable) SetRetryAfter(http.Response);
                if (IsApi(http) || feature?.Path.StartsWith("/api") == true)
                {
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http, Exception = feature?.Error,
                        ProblemDetails = new ProblemDetails { Status = http.Response.StatusCode },
                    });
                    return;
                }
                http.Response.Redirect($"/error/{http.Response.StatusCode}?id={Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier}");
            },
        });
        // The API answers empty error responses with ProblemDetails; pages show the error page, keeping the status.
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.Use(RefuseControlCharactersAsync);
        return app;
    }

    /// <summary>404 for an unknown prefecture, 403 for another prefecture's data: ProblemDetails for the API,
    /// the error page (with the reason) for pages.</summary>
    private static async Task WriteRejectionAsync(HttpContext http, TenantRejection rejection)
    {
        http.Response.StatusCode = rejection.StatusCode;
        var detail = rejection.StatusCode == StatusCodes.Status404NotFound
            ? $"「{rejection.Identifier}」という都道府県（テナント）はありません。URL を確認してください。"
            : rejection.Identifier == PrefectureCatalog.HostTenantId
                ? "この画面・API は国・システム運用の利用者だけが使えます。"
                : "ログイン中の利用者は、この都道府県のデータを見ることも変更することもできません。";
        http.Items[RejectionItem] = detail;
        if (IsApi(http))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails { Status = rejection.StatusCode, Title = TitleFor(rejection.StatusCode), Detail = detail, Type = $"https://dxcollab.example/problems/{rejection.Reason}" },
            });
        }
    }

    public static void SetRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = DatabaseBusy.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    private static bool IsFrameworkTitle(string title) => title.Length > 0 && title.All(c => c < 128);
    private static bool IsFrameworkDetail(string detail) => detail.All(c => c < 128) && detail.Contains(' ');
}
