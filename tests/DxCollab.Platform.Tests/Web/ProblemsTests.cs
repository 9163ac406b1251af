using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Http;

namespace DxCollab.Platform.Tests.Web;

/// <summary>How a refused operation reaches an API client: the status a client branches on, a Japanese title, and for
/// input errors the field and what to do about it.</summary>
public sealed class ProblemsTests
{
    [Theory]
    [InlineData(OutcomeKind.Forbidden, 403)]
    [InlineData(OutcomeKind.NotFound, 404)]
    [InlineData(OutcomeKind.Conflict, 409)]
    [InlineData(OutcomeKind.TooLarge, 413)]
    [InlineData(OutcomeKind.Unavailable, 503)]
    public void Each_refusal_has_its_status_a_japanese_title_and_the_reason(OutcomeKind kind, int status)
    {
        var problem = Problems.Refusal(Outcome<int>.Fail(kind, "file", "理由の説明です。"));
        problem.StatusCode.ShouldBe(status);
        kind.StatusCode().ShouldBe(status);
        problem.ProblemDetails.Title.ShouldNotBeNull().ShouldContain(c => c > 0x3000);
        problem.ProblemDetails.Detail.ShouldBe("理由の説明です。");
    }

    [Fact]
    public void Invalid_input_is_a_validation_problem_naming_the_field()
    {
        var problem = Problems.Refusal(Outcome<int>.Invalid("title", "件名を入力してください。"));
        problem.StatusCode.ShouldBe(400);
        problem.ProblemDetails.Title.ShouldBe("入力内容に誤りがあります。");
        problem.ProblemDetails.ShouldBeOfType<HttpValidationProblemDetails>().Errors["title"].ShouldBe(["件名を入力してください。"]);
    }

    [Fact]
    public void A_refusal_passes_on_to_another_result_type_but_a_success_is_not_a_refusal()
    {
        var passed = Outcome<int>.Conflict("終了しています。", "body").As<string>();
        passed.ShouldBe(new Outcome<string>(OutcomeKind.Conflict, null, "body", "終了しています。"));
        Should.Throw<InvalidOperationException>(() => Outcome<int>.Ok(1).As<string>());
        Should.Throw<InvalidOperationException>(() => Problems.Refusal(Outcome<int>.Ok(1)));
    }
}
