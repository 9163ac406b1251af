using Microsoft.AspNetCore.Identity;

namespace DxCollab.Platform.Identity;

/// <summary>Identity's messages in Japanese, worded for staff rather than developers.</summary>
public sealed class JapaneseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"メールアドレス「{email}」は既に登録されています。");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"「{userName}」は既に登録されています。");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"メールアドレス「{email}」の形式が正しくありません。");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"ユーザー名「{userName}」に使えない文字が含まれています。");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"パスワードは {length} 文字以上にしてください。");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "パスワードに数字を1文字以上含めてください。");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "パスワードに英小文字を1文字以上含めてください。");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "パスワードに英大文字を1文字以上含めてください。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "パスワードに記号を1文字以上含めてください。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"パスワードには {uniqueChars} 種類以上の文字を使ってください。");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "現在のパスワードが正しくありません。");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "リンクの有効期限が切れているか、正しくありません。管理者に再送を依頼してください。");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "このアカウントには既にパスワードが設定されています。");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "このアカウントではロックアウトが有効になっていません。");
    public override IdentityError DefaultError() => E(nameof(DefaultError), "処理できませんでした。もう一度お試しください。");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "他の操作と重なりました。画面を読み込み直してからもう一度お試しください。");

    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };
}
