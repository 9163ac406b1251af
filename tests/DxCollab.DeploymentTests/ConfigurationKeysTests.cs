namespace DxCollab.DeploymentTests;

/// <summary>The key checker itself: it must refuse what the application would silently ignore.</summary>
public sealed class ConfigurationKeysTests
{
    [Theory]
    [InlineData("Database__Provider")]
    [InlineData("Database__MigrationsConnectionString")]
    [InlineData("Messaging__RabbitMq__Password")]
    [InlineData("Messaging__Outbox__BatchSize")]
    [InlineData("Jobs__ReminderScanCron")]
    [InlineData("Hosting__PublicBaseUrl")]
    [InlineData("Smtp__UseSsl")]
    [InlineData("Email__PickupDirectory")]
    [InlineData("OpenTelemetry__ServiceName")]
    [InlineData("MultiTenancy__HostTemplate")]
    [InlineData("Tenants__osaka__ConnectionString")]
    [InlineData("ConnectionStrings__DxCollab")]
    [InlineData("Logging__LogLevel__Microsoft.AspNetCore")]
    [InlineData("ASPNETCORE_FORWARDEDHEADERS_ENABLED")]
    [InlineData("DOTNET_gcServerMode")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public void Accepts_what_the_application_reads(string variable) => ConfigurationKeys.Problem(variable).ShouldBeNull();

    [Theory]
    [InlineData("Database__ConectionString")]
    [InlineData("Database__provider")]
    [InlineData("Database")]
    [InlineData("Messaging__RabbitMq")]
    [InlineData("Messaging__RabbitMq__Hostname")]
    [InlineData("Messaging__Transport__Kind")]
    [InlineData("Jobs__Storage__ConnectionString")]
    [InlineData("Hangfire__Storage")]
    [InlineData("Tenants__atlantis__ConnectionString")]
    [InlineData("Tenants__osaka__Connection")]
    [InlineData("MultiTenancy__Template")]
    [InlineData("ConnectionStrings__Default")]
    [InlineData("Database___Provider")]
    public void Refuses_what_the_application_ignores(string variable) => ConfigurationKeys.Problem(variable).ShouldNotBeNull();

    [Fact]
    public void Every_options_class_declares_its_section()
    {
        var modules = ConfigurationKeys.ModuleSections.Select(s => s.Section).ToList();
        modules.ShouldNotBeEmpty();
        ConfigurationKeys.Sections.Keys.Except(modules).Order().ShouldBe(["Database", "DataProtection", "Email", "Hosting", "Jobs", "Messaging", "OpenTelemetry", "Smtp"]);
    }

    [Fact]
    public void A_modules_settings_are_known_from_what_it_declares()
    {
        foreach (var section in ConfigurationKeys.ModuleSections)
        {
            var prefix = section.Section.Replace(":", "__", StringComparison.Ordinal);
            var setting = section.OptionsType.GetProperties().First(p => p.SetMethod?.IsPublic == true);
            ConfigurationKeys.Problem($"{prefix}__{setting.Name}").ShouldBeNull($"{section.Module}: {prefix}__{setting.Name}");
            ConfigurationKeys.Problem($"{prefix}__NoSuchSetting").ShouldNotBeNull($"{section.Module}: an unknown setting of {prefix}");
        }
    }

    [Theory]
    [InlineData("${A}", "a")]
    [InlineData("x${MISSING:-d}y", "xdy")]
    [InlineData("${EMPTY:-d}", "d")]
    [InlineData("${EMPTY-d}", "")]
    [InlineData("$${A}", "${A}")]
    public void Compose_interpolation(string value, string expected) =>
        DeploymentFiles.Interpolate(value, new Dictionary<string, string> { ["A"] = "a", ["EMPTY"] = "" }).ShouldBe(expected);

    [Fact]
    public void Compose_interpolation_of_a_required_missing_variable_throws() =>
        Should.Throw<InvalidOperationException>(() => DeploymentFiles.Interpolate("${NOPE:?set it}", new Dictionary<string, string>()));
}
