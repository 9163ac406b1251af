namespace DxCollab.Platform.Backbone;

public enum MessageTransport { InMemory, RabbitMq }
public enum JobStorageKind { InMemory, PostgreSql, SqlServer }
public enum HostRole { All, Web, Worker }

/// <summary>Section "Messaging": the bus between modules and tenants (MassTransit 8.5).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";
    /// <summary>InMemory for the embedded default (one process); RabbitMq in production and integration tests.</summary>
    public MessageTransport Transport { get; set; } = MessageTransport.InMemory;
    public RabbitMqOptions RabbitMq { get; set; } = new();
    public OutboxOptions Outbox { get; set; } = new();
    /// <summary>Delivery attempts before a message goes to the error queue.</summary>
    public int RetryLimit { get; set; } = 5;
    /// <summary>How every consumer waits for a database that went away (restart, crash, failover) instead of spending
    /// its <see cref="RetryLimit"/> attempts on it.</summary>
    public DatabaseOutageRetryOptions DatabaseOutage { get; set; } = new();
}

/// <summary>Section "Messaging:DatabaseOutage". A message whose consumer found the database unreachable is tried again
/// every <see cref="Interval"/> for about <see cref="Patience"/> (longer when each attempt waits for a connect timeout),
/// then fails like any other error.</summary>
public sealed class DatabaseOutageRetryOptions
{
    public TimeSpan Patience { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts after the first that fit in <see cref="Patience"/>.</summary>
    public int Retries => Interval <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(Patience / Interval);
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}

public sealed class OutboxOptions
{
    /// <summary>How often the dispatcher looks for events written by committed transactions.</summary>
    public int PollIntervalMilliseconds { get; set; } = 500;
    public int BatchSize { get; set; } = 100;
}

/// <summary>Section "Jobs": Hangfire 1.8.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";
    public JobStorageKind Storage { get; set; } = JobStorageKind.InMemory;
    /// <summary>Defaults to Database:MigrationsConnectionString, then Database:ConnectionString.</summary>
    public string? ConnectionString { get; set; }
    public string Schema { get; set; } = "hangfire";
    public int WorkerCount { get; set; } = 5;
    /// <summary>Cron (Asia/Tokyo) of the reminder scan that runs for every tenant.</summary>
    public string ReminderScanCron { get; set; } = "*/15 * * * *";
    /// <summary>Cron (Asia/Tokyo) of the daily e-mail digest; it is skipped on closed days.</summary>
    public string DigestCron { get; set; } = "30 8 * * *";
}

/// <summary>Section "Hosting": which parts run in this process. The embedded default runs everything in the web process.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";
    public HostRole Role { get; set; } = HostRole.All;
    /// <summary>Public address used in links inside e-mails, e.g. https://dxcollab.example.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>Section "Smtp": e-mail delivery (MailKit). When Host is empty, e-mails go to Email:PickupDirectory.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool UseSsl { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
}
