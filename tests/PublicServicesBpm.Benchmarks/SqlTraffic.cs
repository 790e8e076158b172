using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// Counts what the benchmark's data source sends to PostgreSQL, from Npgsql's own instrumentation:
/// <list type="bullet">
/// <item>commands: one tracing activity per command or batch (one round trip each);</item>
/// <item>statements: a batch is enriched with its number of statements, a plain command counts one;</item>
/// <item>transaction ends: COMMIT and ROLLBACK are not commands, so they are counted from Npgsql's
/// "Committed transaction" / "Rolled back transaction" log events (one round trip each). BEGIN is sent
/// together with the first command and costs no round trip.</item>
/// </list>
/// </summary>
internal sealed class SqlTraffic : IDisposable
{
    private const string StatementsTag = "psb.batch.statements";
    private readonly ActivityListener _listener;
    private long _commands;
    private long _statements;
    private long _transactionEnds;
    private ConcurrentQueue<string>? _texts;

    public SqlTraffic()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Builds the data source the measured code and the baselines share, instrumented.</summary>
    public NpgsqlDataSource CreateDataSource(string connectionString)
    {
        // Configured like the host's data source (see PersistenceServiceCollectionExtensions.AddPersistence).
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.ConfigureTracing(tracing => tracing.ConfigureBatchEnrichmentCallback(
            (activity, batch) => activity.SetTag(StatementsTag, batch.BatchCommands.Count)));
        builder.UseLoggerFactory(new TransactionEndLog(this));
        return builder.Build();
    }

    /// <summary>Returns the counts since the last call and starts again from zero.</summary>
    public SqlCounts Take() => new(
        Interlocked.Exchange(ref _commands, 0), Interlocked.Exchange(ref _statements, 0), Interlocked.Exchange(ref _transactionEnds, 0));

    /// <summary>Keeps the SQL text of every command from now until <see cref="StopRecording"/>.</summary>
    public void StartRecording() => _texts = new ConcurrentQueue<string>();

    public IReadOnlyList<string> StopRecording()
    {
        var texts = _texts?.ToArray() ?? [];
        _texts = null;
        return texts;
    }

    public void Dispose() => _listener.Dispose();

    private void Stopped(Activity activity)
    {
        if (activity.GetTagItem("db.operation.name") is "COPY")
        {
            return;
        }
        Interlocked.Increment(ref _commands);
        Interlocked.Add(ref _statements, activity.GetTagItem(StatementsTag) as int? ?? 1);
        if (_texts is { } texts && activity.GetTagItem("db.query.text") is string text)
        {
            texts.Enqueue(text);
        }
    }

    /// <summary>Listens to Npgsql's transaction log only, for the COMMIT and ROLLBACK events.</summary>
    private sealed class TransactionEndLog(SqlTraffic traffic) : ILoggerFactory, ILogger
    {
        private const int Committed = 30001;
        private const int RolledBack = 30002;

        public ILogger CreateLogger(string categoryName) => categoryName == "Npgsql.Transaction" ? this : NullLogger.Instance;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id is Committed or RolledBack)
            {
                Interlocked.Increment(ref traffic._transactionEnds);
            }
        }

        public void Dispose()
        {
        }
    }
}

/// <summary>Traffic over some interval.</summary>
/// <param name="Commands">Commands and batches sent: one round trip each.</param>
/// <param name="Statements">SQL statements, counting each statement inside a batch (BEGIN/COMMIT/ROLLBACK not included).</param>
/// <param name="TransactionEnds">COMMITs and ROLLBACKs: one round trip each.</param>
internal readonly record struct SqlCounts(long Commands, long Statements, long TransactionEnds)
{
    public long RoundTrips => Commands + TransactionEnds;
}
