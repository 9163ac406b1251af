using DxCollab.MultiTenancy;
using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Audit;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Backbone;
using DxCollab.Platform.Data;
using DxCollab.Platform.Email;
using DxCollab.Platform.Files;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform;

/// <summary>Applies a provider (UseSqlite/UseNpgsql/UseSqlServer with its migrations assembly) to a DbContext.</summary>
public delegate void ConfigureDatabaseProvider(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString);

public static class PlatformExtensions
{
    /// <summary>Tenancy, the DbContext, Identity, audit, e-mail and the business calendar. <paramref name="embeddedConnectionString"/> is
    /// used when no connection string is configured (the embedded SQLite default).</summary>
    public static IServiceCollection AddDxCollabPlatform(this IServiceCollection services, IConfiguration configuration,
        ConfigureDatabaseProvider configureProvider, string embeddedConnectionString)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure(o => o.ConnectionString ??= configuration.GetConnectionString("DxCollab"))
            .Validate(o => o.MaxPoolSize >= 1, "Database:MaxPoolSize は 1 以上にしてください。").ValidateOnStart();
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.Configure<HostingOptions>(configuration.GetSection(HostingOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>();
        services.AddSingleton<BusinessCalendar>();

        var tenantConnections = configuration.GetSection("Tenants").GetChildren()
            .Where(t => !string.IsNullOrWhiteSpace(t["ConnectionString"]))
            .ToDictionary(t => t.Key, t => t["ConnectionString"]!, StringComparer.OrdinalIgnoreCase);
        services.AddMultiTenant<PrefectureTenant>(o =>
            {
                o.TenantClaimType = DxClaims.Tenant;
                o.HostTemplate = configuration["MultiTenancy:HostTemplate"];
                o.IgnoredIdentifiers.Add(PrefectureCatalog.HostTenantId);
            })
            .WithEndpointMetadataStrategy()
            .WithRouteStrategy()
            .WithHostStrategy(configuration["MultiTenancy:HostTemplate"])
            .WithInMemoryStore(_ => [.. PrefectureCatalog.Build(tenantConnections), PrefectureCatalog.Host]);

        services.AddDxCollabPolicies();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<TenantSessionInterceptor>();
        services.AddDbContext<DxCollabDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var tenant = sp.GetRequiredService<IMultiTenantContextAccessor<PrefectureTenant>>().MultiTenantContext.TenantInfo;
            var connection = tenant?.ConnectionString ?? (db.IsEmbedded ? embeddedConnectionString : db.ConnectionString!);
            var provider = db.IsEmbedded ? DatabaseProvider.Sqlite : db.Provider;
            if (provider == DatabaseProvider.PostgreSql) connection = PostgresPoolSize.Apply(connection, db.MaxPoolSize);
            configureProvider(options, provider, connection);
            // Modules add their own (scoped) save interceptors after these, e.g. a tally kept in the same transaction.
            options.AddInterceptors(new IInterceptor[] { sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<TenantSessionInterceptor>() }
                .Concat(sp.GetServices<ISaveChangesInterceptor>()));
        });

        services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = SignInFigures.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = SignInFigures.Lockout;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.Tokens.ProviderMap[InvitationTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
            })
            .AddEntityFrameworkStores<DxCollabDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<DxSignInManager>()
            .AddClaimsPrincipalFactory<DxClaimsPrincipalFactory>()
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>();
        services.AddTransient<InvitationTokenProvider>();
        services.AddOptions<InvitationTokenProviderOptions>();
        // Deactivation and password changes reach signed-in browsers within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // SMTP (MailKit) when Smtp:Host is set; otherwise .eml files in Email:PickupDirectory.
        if (string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:{nameof(SmtpOptions.Host)}"]))
            services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        else
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<NotificationTemplates>();
        services.AddScoped<NotificationService>();
        // Conversation threads of every module (the module registers its subjects: ModuleServices.AddThreadSubject).
        services.AddScoped<Threads.ThreadService>();
        services.AddScoped<EmailDispatcher>();
        services.AddScoped<Organizations.OrganizationDirectory>();
        // What a 団体's peers may see of its records (docs/visibility.md).
        services.AddScoped<Visibility.ActorNames>();
        services.AddScoped<AuditLog>();
        services.AddScoped<SecurityAudit>();
        services.AddScoped<Users.UserAdministration>();
        // Uploads of every module: one store, one policy per purpose (the 団体 list of the SystemAdmin: CSV up to 5 MB).
        services.AddDxCollabFiles(configuration);
        services.AddUploadPurpose(FilePurposes.OrganizationList, p => { p.MaxFileBytes = 5 * 1024 * 1024; p.Extensions = [".csv"]; });
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DemoData>();
        return services;
    }
}
