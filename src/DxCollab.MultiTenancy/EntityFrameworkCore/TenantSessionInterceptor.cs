using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DxCollab.MultiTenancy.EntityFrameworkCore;

/// <summary>Second line of defence: tells the database which tenant this connection works for, every time a
/// connection is opened (pooled connections keep session state, so an unset tenant is written as empty).
/// PostgreSQL row-level security reads <c>current_setting('dxcollab.tenant_id')</c>; SQL Server's security
/// policy reads <c>SESSION_CONTEXT(N'TenantId')</c>. Other providers (SQLite) have no RLS: nothing is sent.</summary>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor
{
    public const string PostgresSetting = "dxcollab.tenant_id";
    public const string SqlServerKey = "TenantId";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection, eventData);
        command?.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection, eventData);
        if (command is not null) await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand? CreateCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        var sql = connection.GetType().Name switch
        {
            "NpgsqlConnection" => $"SELECT set_config('{PostgresSetting}', @tenant, false)",
            "SqlConnection" => $"EXEC sp_set_session_context @key = N'{SqlServerKey}', @value = @tenant",
            _ => null,
        };
        if (sql is null) return null;
        var tenant = (eventData.Context as IMultiTenantDbContext)?.CurrentTenantId ?? "";
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@tenant";
        parameter.Value = tenant;
        command.Parameters.Add(parameter);
        return command;
    }
}
