using Microsoft.Data.Sqlite;

namespace DxCollab.IntegrationTests.Infrastructure;

/// <summary>The web host on a SQLite file in a temp folder (never App_Data), demo users on.</summary>
public sealed class SqliteAppFixture : AppFixture
{
    private string _databasePath = "";

    public override string Provider => "Sqlite";

    protected override Task<Dictionary<string, string?>> PrepareAsync()
    {
        _databasePath = Path.Combine(TempFolder, "dxcollab.db");
        var settings = DxCollabFactory.BaseSettings(TempFolder);
        settings["Database:Provider"] = "Sqlite";
        settings["Database:ConnectionString"] = $"Data Source={_databasePath}";
        return Task.FromResult(settings);
    }

    /// <summary>Same rule as PostgreSQL's Respawn set-up: users, their notifications and audit entries go; 団体, roles, reference data,
    /// data-protection keys and the migrations history stay.</summary>
    protected override async Task ResetDataAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_databasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM "Platform_PendingEmails"; DELETE FROM "Platform_Notifications"; DELETE FROM "Platform_NotificationPreferences";
            DELETE FROM "Identity_UserTokens"; DELETE FROM "Identity_UserLogins"; DELETE FROM "Identity_UserClaims";
            DELETE FROM "Identity_UserRoles"; DELETE FROM "Identity_Users"; DELETE FROM "Platform_AuditEntries";
            DELETE FROM "Platform_SentReminders"; DELETE FROM "Platform_OutboxMessages"; DELETE FROM "Platform_ProcessedMessages";
            DELETE FROM "Platform_FailedMessages"; DELETE FROM "Migration_StepProgressChanges"; DELETE FROM "Migration_StepProgress";
            DELETE FROM "Migration_BusinessSystems"; DELETE FROM "Migration_NationalRows"; DELETE FROM "Migration_Settings";
            DELETE FROM "Migration_ImportRunFiles"; DELETE FROM "Migration_ImportRuns";
            DELETE FROM "Platform_Files"; DELETE FROM "Platform_FileContents"; DELETE FROM "Migration_StepEvidence";
            DELETE FROM "Migration_Inquiries"; DELETE FROM "Migration_InquiryMessages"; DELETE FROM "Migration_InquiryAttachments";
            DELETE FROM "Migration_SnapshotRows"; DELETE FROM "Migration_Snapshots";
            """;
        await command.ExecuteNonQueryAsync();
    }

    protected override Task CleanUpAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteAppFixture>
{
    public const string Name = "sqlite";
}
