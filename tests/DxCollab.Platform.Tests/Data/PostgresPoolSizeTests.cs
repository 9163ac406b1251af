using DxCollab.Platform.Data;
using Npgsql;

namespace DxCollab.Platform.Tests.Data;

public sealed class PostgresPoolSizeTests
{
    [Fact]
    public void A_connection_string_without_a_pool_size_gets_the_configured_one()
    {
        var applied = PostgresPoolSize.Apply("Host=db;Database=dxcollab;Username=dxcollab_app", 50);
        new NpgsqlConnectionStringBuilder(applied).MaxPoolSize.ShouldBe(50);
        new NpgsqlConnectionStringBuilder(applied).Database.ShouldBe("dxcollab");
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=120")]
    [InlineData("Host=db;MaxPoolSize=120")]
    [InlineData("Host=db;maximum pool size=120")]
    public void An_operators_explicit_pool_size_is_kept(string connectionString) =>
        new NpgsqlConnectionStringBuilder(PostgresPoolSize.Apply(connectionString, 50)).MaxPoolSize.ShouldBe(120);
}
