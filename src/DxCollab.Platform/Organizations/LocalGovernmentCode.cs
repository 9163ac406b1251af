namespace DxCollab.Platform.Organizations;

/// <summary>全国地方公共団体コード: 5 digits plus a check digit, d6 = (11 − Σ dᵢ·(7−i) mod 11) mod 10
/// (総務省; a remainder of 1 gives 0).</summary>
public static class LocalGovernmentCode
{
    public static bool IsWellFormed(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    public static int CheckDigit(ReadOnlySpan<char> firstFive)
    {
        var sum = 0;
        for (var i = 0; i < 5; i++) sum += (firstFive[i] - '0') * (6 - i);
        return (11 - sum % 11) % 10;
    }

    /// <summary>Null when the code is valid, else a message a staff member understands.</summary>
    public static string? Validate(string? code)
    {
        if (!IsWellFormed(code)) return $"団体コード「{code}」は6桁の数字ではありません。";
        var expected = CheckDigit(code.AsSpan(0, 5));
        return code![5] - '0' == expected ? null : $"団体コード「{code}」の検査数字が正しくありません（正しくは {code[..5]}{expected}）。";
    }

    public static bool IsValid(string? code) => Validate(code) is null;
}
