using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DxCollab.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Identity_Roles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_Roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Identity_Users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeactivatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    InvitedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OrganizationCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_OrganizationChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_OrganizationChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_Organizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kana = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AbolishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SuccessorCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_Organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reference_MigrationSteps",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StepId = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    ItemHeading = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WorkbookName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reference_MigrationSteps", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "Reference_StandardBusinesses",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficialName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    WorkbookName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ReportedByPrefecture = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reference_StandardBusinesses", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "Identity_RoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_RoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Identity_RoleClaims_Identity_Roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "Identity_Roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Identity_UserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_UserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Identity_UserClaims_Identity_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Identity_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Identity_UserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_UserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_Identity_UserLogins_Identity_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Identity_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Identity_UserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_UserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_Identity_UserRoles_Identity_Roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "Identity_Roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Identity_UserRoles_Identity_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Identity_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Identity_UserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_UserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_Identity_UserTokens_Identity_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Identity_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Identity_Roles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { "role-expert", "seed-3", "Expert", "EXPERT" },
                    { "role-municipalofficer", "seed-2", "MunicipalOfficer", "MUNICIPALOFFICER" },
                    { "role-nationalviewer", "seed-4", "NationalViewer", "NATIONALVIEWER" },
                    { "role-prefectureadmin", "seed-0", "PrefectureAdmin", "PREFECTUREADMIN" },
                    { "role-prefecturestaff", "seed-1", "PrefectureStaff", "PREFECTURESTAFF" },
                    { "role-systemadmin", "seed-5", "SystemAdmin", "SYSTEMADMIN" }
                });

            migrationBuilder.InsertData(
                table: "Reference_MigrationSteps",
                columns: new[] { "Number", "Item", "ItemHeading", "Name", "StepId", "WorkbookName" },
                values: new object[,]
                {
                    { 1, "①", "推進体制の立ち上げ", "推進体制案の作成", "①-1", "推進体制案の作成" },
                    { 2, "①", "推進体制の立ち上げ", "関連部局との調整・担当者名簿の作成", "①-2", "関連部局との調整・担当者名簿の作成" },
                    { 3, "①", "推進体制の立ち上げ", "首長等への報告", "①-3", "首長等への報告" },
                    { 4, "②", "現行システムの概要調査", "現行システム環境の基礎調査（基礎情報・契約範囲等に係る調査）", "②-1", "現行システム環境の基礎調査（基礎情報・契約範囲等に係る調査）" },
                    { 5, "②", "現行システムの概要調査", "連携一覧の調査・作成", "②-2", "連携一覧の調査・作成" },
                    { 6, "②", "現行システムの概要調査", "移行に係る現行システムベンダとの打合せ・役割の認識合わせ", "②-3", "移行に係る現行システムベンダとの打合せ・役割の 認識合わせ" },
                    { 7, "②", "現行システムの概要調査", "概要調査結果の取りまとめ", "②-4", "概要調査結果の取りまとめ" },
                    { 8, "③", "標準仕様との比較分析", "標準化対象範囲の確認（標準仕様書と現行システムとを比較し調達範囲・単位の差異を洗い出し）", "③-1", "標準化対象範囲の確認（標準仕様書と現行システムとを比較し調達範囲・単位の差異を洗い出し）" },
                    { 9, "③", "標準仕様との比較分析", "Fit&Gap分析による課題（運用見直しが必要な業務等）の洗い出し", "③-2", "Fit&Gap分析による課題（運用見直しが必要な業務等） の洗い出し" },
                    { 10, "④", "移行計画の作成", "移行方針や調達範囲・単位の検討（周辺機器・外部委託含む）", "④-1", "移行方針や調達範囲・単位の検討 （周辺機器・外部委託含む）" },
                    { 11, "④", "移行計画の作成", "調達方式（指名型/公募型プロポーザル方式or総合評価落札方式or最低価格落札方式等）の検討", "④-2", "調達方式（指名型/公募型プロポーザル方式 or 総合評価 落札方式 or 最低価格落札方式等）の検討" },
                    { 12, "④", "移行計画の作成", "調達スケジュールの検討（RFI、RFP、予算計上、移行時期等）", "④-3", "調達スケジュールの検討 （RFI、RFP、予算計上、移行時期等）" },
                    { 13, "④", "移行計画の作成", "移行にあたっての課題と対策の整理", "④-4", "移行にあたっての課題と対策の整理" },
                    { 14, "⑤", "RFI資料の作成", "RFI資料の作成", "⑤-1", "RFI資料の作成" },
                    { 15, "⑤", "RFI資料の作成", "標準仕様書のうち「実装してもしなくても良い機能」に関する方針（求める機能の整理、優先順位付け）の決定", "⑤-2", "標準仕様書のうち「実装してもしなくても良い機能」 に関する方針（求める機能の整理、優先順位付け）の決定" },
                    { 16, "⑤", "RFI資料の作成", "標準準拠システム以外の情報システムに関するRFI資料の作成", "⑤-3", "標準準拠システム以外の情報システムに関するRFI資料の作成" },
                    { 17, "⑥", "RFI（情報提供依頼）", "RFI資料に関するベンダからの質問への回答", "⑥-1", "RFI資料に関するベンダからの質問への回答" },
                    { 18, "⑥", "RFI（情報提供依頼）", "ベンダからのRFI回答受領", "⑥-2", "ベンダからのRFI回答受領" },
                    { 19, "⑦", "移行計画の詳細化", "RFI結果の分析", "⑦-1", "RFI結果の分析" },
                    { 20, "⑦", "移行計画の詳細化", "移行計画の詳細化・変更", "⑦-2", "移行計画の詳細化・変更" },
                    { 21, "⑧", "予算要求", "予算根拠資料の作成", "⑧-1", "予算根拠資料の作成" },
                    { 22, "⑧", "予算要求", "予算要求・財政部局等との調整", "⑧-2", "予算要求・財政部局等との調整" },
                    { 23, "⑨", "RFP（提案依頼）", "RFP資料の作成", "⑨-1", "RFP資料の作成" },
                    { 24, "⑨", "RFP（提案依頼）", "RFP資料に関するベンダからの質問への回答", "⑨-2", "RFP資料に関するベンダからの質問への回答" },
                    { 25, "⑨", "RFP（提案依頼）", "ベンダからのRFP回答受領", "⑨-3", "ベンダからのRFP回答受領" },
                    { 26, "⑩", "ベンダ選定", "ベンダ評価の実施", "⑩-1", "ベンダ評価の実施" },
                    { 27, "⑩", "ベンダ選定", "ベンダの選定・決定", "⑩-2", "ベンダの選定・決定" },
                    { 28, "⑪", "契約・詳細スケジュールの確定", "ベンダとの契約協議の実施", "⑪-1", "ベンダとの契約協議の実施" },
                    { 29, "⑪", "契約・詳細スケジュールの確定", "システム移行に係る詳細スケジュールの確定", "⑪-2", "システム移行に係る詳細スケジュールの確定" },
                    { 30, "⑫", "特定個人情報保護評価", "特定個人情報保護評価（PIA）の実施", "⑫-1", "特定個人情報保護評価（PIA）の実施" },
                    { 31, "⑬", "システム移行時の設定", "システム移行時の設定（標準準拠システムの運用方法の検討・確定、システムの機能確認等）", "⑬-1", "システム移行時の設定（標準準拠システムの運用方法の検討・確定、システムの機能確認等）" },
                    { 32, "⑭", "データ移行", "データクレンジングや文字の同定基準に関するベンダとの調整", "⑭-1", "データクレンジングや文字の同定基準に関するベンダとの調整" },
                    { 33, "⑭", "データ移行", "データクレンジングの実施", "⑭-2", "データクレンジングの実施" },
                    { 34, "⑭", "データ移行", "最終データ移行の実施・結果確認", "⑭-3", "最終データ移行の実施・結果確認" },
                    { 35, "⑮", "テスト・研修", "テストの実施", "⑮-1", "テストの実施" },
                    { 36, "⑮", "テスト・研修", "研修の実施", "⑮-2", "研修の実施" },
                    { 37, "⑯", "既存環境の設定変更", "既存環境の設定変更に向けた調整（必要機器の調達等）", "⑯-1", "既存環境の設定変更に向けた調整（必要機器の調達等）" },
                    { 38, "⑯", "既存環境の設定変更", "既存環境の設定変更（標準準拠システムと庁内ネットワーク接続の設計、構築等）", "⑯-2", "既存環境の設定変更（標準準拠システムと庁内ネットワーク接続の設計、構築等）" },
                    { 39, "⑰", "条例・規則等の改正", "条例・規則の改正", "⑰-1", "条例・規則の改正" },
                    { 40, "⑱", "運用開始", "運用開始ステータス", "⑱-1", "運用開始ステータス" }
                });

            migrationBuilder.InsertData(
                table: "Reference_StandardBusinesses",
                columns: new[] { "Number", "OfficialName", "ReportedByPrefecture", "WorkbookName" },
                values: new object[,]
                {
                    { 1, "児童手当", false, "児童手当" },
                    { 2, "子ども・子育て支援", false, "子ども・子育て支援" },
                    { 3, "住民基本台帳", false, "住民記録" },
                    { 4, "戸籍の附票", false, "戸籍附票" },
                    { 5, "印鑑登録", false, "印鑑登録" },
                    { 6, "選挙人名簿管理", false, "選挙人名簿管理" },
                    { 7, "固定資産税", false, "固定資産税" },
                    { 8, "個人住民税", false, "個人住民税" },
                    { 9, "法人住民税", false, "法人住民税" },
                    { 10, "軽自動車税", false, "軽自動車税" },
                    { 11, "戸籍", false, "戸籍" },
                    { 12, "就学", false, "就学" },
                    { 13, "健康管理", false, "健康管理" },
                    { 14, "児童扶養手当", true, "児童扶養手当" },
                    { 15, "生活保護", true, "生活保護" },
                    { 16, "障害者福祉", false, "障害者福祉" },
                    { 17, "介護保険", false, "介護保険" },
                    { 18, "国民健康保険", false, "国民健康保険" },
                    { 19, "後期高齢者医療", false, "後期高齢者医療" },
                    { 20, "国民年金", false, "国民年金" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Identity_RoleClaims_RoleId",
                table: "Identity_RoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "Identity_Roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Identity_UserClaims_UserId",
                table: "Identity_UserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Identity_UserLogins_UserId",
                table: "Identity_UserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Identity_UserRoles_RoleId",
                table: "Identity_UserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "Identity_Users",
                columns: new[] { "NormalizedEmail", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Identity_Users_TenantId_OrganizationCode",
                table: "Identity_Users",
                columns: new[] { "TenantId", "OrganizationCode" });

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "Identity_Users",
                columns: new[] { "NormalizedUserName", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_AuditEntries_TenantId_OccurredAt",
                table: "Platform_AuditEntries",
                columns: new[] { "TenantId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Platform_OrganizationChanges_OrganizationCode",
                table: "Platform_OrganizationChanges",
                column: "OrganizationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Platform_Organizations_Code_TenantId",
                table: "Platform_Organizations",
                columns: new[] { "Code", "TenantId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Identity_RoleClaims");

            migrationBuilder.DropTable(
                name: "Identity_UserClaims");

            migrationBuilder.DropTable(
                name: "Identity_UserLogins");

            migrationBuilder.DropTable(
                name: "Identity_UserRoles");

            migrationBuilder.DropTable(
                name: "Identity_UserTokens");

            migrationBuilder.DropTable(
                name: "Platform_AuditEntries");

            migrationBuilder.DropTable(
                name: "Platform_DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Platform_OrganizationChanges");

            migrationBuilder.DropTable(
                name: "Platform_Organizations");

            migrationBuilder.DropTable(
                name: "Reference_MigrationSteps");

            migrationBuilder.DropTable(
                name: "Reference_StandardBusinesses");

            migrationBuilder.DropTable(
                name: "Identity_Roles");

            migrationBuilder.DropTable(
                name: "Identity_Users");
        }
    }
}
