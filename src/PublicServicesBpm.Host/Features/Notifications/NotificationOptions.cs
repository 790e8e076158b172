namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>
/// Settings of notifications (section <c>Notifications</c>). Email is offered only when <see cref="SmtpOptions.Host"/>
/// is set; SMS when <see cref="SmsOptions.BaseUrl"/> is set or the local SMS simulator is enabled (the default, so a
/// fresh checkout sends SMS to its own simulator over real HTTP).
/// </summary>
internal sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Attempts per channel before the dispatcher gives up (a <c>gave-up</c> attempt). Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Notifications claimed per batch. Default 50.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long a claimed notification is reserved for the host sending it; after a crash another host takes it over
    /// when the lease ends. Longer than the slowest send. Default 5 minutes.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The app's public address; when set, emails end with the full link to the notification's page.</summary>
    public Uri? PublicBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();

    /// <summary>Email is a channel only with an SMTP server to send through.</summary>
    public bool EmailAvailable => !string.IsNullOrWhiteSpace(Smtp.Host);

    public bool SmsAvailable => Sms.BaseUrl is not null || Sms.SimulatorEnabled;

    /// <summary>The retry delay after failed attempt <paramref name="attempt"/>: 1, 5, 25, 125… minutes, at most a day.</summary>
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(5, Math.Max(0, attempt - 1)), TimeSpan.FromDays(1).TotalMinutes));
}

/// <summary>The SMTP relay (section <c>Notifications:Smtp</c>). Credentials come from the environment or a secret store.</summary>
internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Sender address, e.g. <c>Cổng dịch vụ công &lt;no-reply@laocai.gov.vn&gt;</c>.</summary>
    public string From { get; set; } = "PublicServicesBpm <no-reply@localhost.localdomain>";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Require STARTTLS (default true); false only for a relay on the same trusted network or a test server.</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>One send's limit. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The SMS gateway (section <c>Notifications:Sms</c>), speaking <see cref="SmsProtocol"/>.</summary>
internal sealed class SmsOptions
{
    /// <summary>The gateway's base address; null means this host's own SMS simulator (<c>/simulators/sms/</c>).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Sent in <see cref="SmsProtocol.ApiKeyHeader"/>; when not set, a random key of this process (simulator only).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Maps the local simulator in this host. Default true (development and tests); false in production.</summary>
    public bool SimulatorEnabled { get; set; } = true;

    /// <summary>One call's limit. Default 15 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
