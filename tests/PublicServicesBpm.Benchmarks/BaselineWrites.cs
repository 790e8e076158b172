using Npgsql;
using NpgsqlTypes;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// The raw-Npgsql baseline: the minimal writes equivalent to an engine command, in one transaction sent as one
/// batch and a COMMIT, on a pooled connection opened per operation as the engine does. It writes copies of the
/// engine's rows (<see cref="WriteTemplate"/>) into tables of schema <c>bench</c> made LIKE the bpm ones (same
/// columns and indexes), so only the engine's reads, interpreter and bookkeeping are missing.
/// </summary>
internal sealed class BaselineWrites(NpgsqlDataSource dataSource)
{
    private static readonly string[] s_groups = ["specialist"];
    private static readonly string[] s_outcomes = ["approve", "reject"];

    public async Task CreateTablesAsync()
    {
        await using var command = dataSource.CreateCommand("""
            CREATE SCHEMA bench;
            CREATE TABLE bench.process_instances (LIKE bpm.process_instances INCLUDING ALL);
            CREATE TABLE bench.user_tasks (LIKE bpm.user_tasks INCLUDING ALL);
            CREATE TABLE bench.timers (LIKE bpm.timers INCLUDING ALL);
            CREATE TABLE bench.history_events (LIKE bpm.history_events INCLUDING ALL);
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>(a): insert the instance, its first task and the history.</summary>
    public async Task StartAsync(Guid instance, string task, WriteTemplate template)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Statement("""
                    INSERT INTO bench.process_instances (id, definition_version_id, process_key, process_version, status, state, revision, started_at)
                    VALUES (@id, @id, 'bench-two-tasks', 1, @status, @state, 1, @now)
                    """, ("id", instance), ("status", template.Status), ("state", Jsonb(template.State)), ("now", now)),
                InsertTask(instance, task, now),
                History(instance, template, now),
            },
        };
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>(b): update the instance (guarded by its revision) and the task, insert the next task if any and the history.</summary>
    public async Task CompleteAsync(Guid instance, int revision, string task, string? nextTask, WriteTemplate template)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                UpdateInstance(instance, revision, template, now),
                Statement("UPDATE bench.user_tasks SET status = 'completed', ended_at = @now, outcome = 'approve' WHERE id = @id", ("id", task), ("now", now)),
            },
        };
        if (nextTask is not null)
        {
            batch.BatchCommands.Add(InsertTask(instance, nextTask, now));
        }
        batch.BatchCommands.Add(History(instance, template, now));
        await batch.ExecuteNonQueryAsync();
        if (batch.BatchCommands[0].RecordsAffected != 1)
        {
            throw new InvalidOperationException($"Baseline instance {instance} was not at revision {revision}.");
        }
        await transaction.CommitAsync();
    }

    /// <summary>
    /// (c): claim the most overdue timer (the engine's query shape, FOR UPDATE SKIP LOCKED), then update its
    /// instance, delete the timer and insert the history. False when nothing is due.
    /// </summary>
    public async Task<bool> FireTimerAsync(WriteTemplate template)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        string timer;
        Guid instance;
        await using (var find = new NpgsqlCommand(
            "SELECT id, instance_id FROM bench.timers WHERE due_at <= @now ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED", connection, transaction))
        {
            find.Parameters.AddWithValue("now", now);
            await using var reader = await find.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return false;
            }
            (timer, instance) = (reader.GetString(0), reader.GetGuid(1));
        }
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                UpdateInstance(instance, 1, template, now),
                Statement("DELETE FROM bench.timers WHERE id = @id", ("id", timer)),
                History(instance, template, now),
            },
        };
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Setup for (c): <paramref name="count"/> instances waiting in a timer that is due, in one statement each table.</summary>
    public async Task SeedDueTimersAsync(int count, WriteTemplate waiting)
    {
        await using var command = dataSource.CreateCommand("""
            WITH seed AS (SELECT gen_random_uuid() AS id, g FROM generate_series(1, @count) g),
            instances AS (
                INSERT INTO bench.process_instances (id, definition_version_id, process_key, process_version, status, state, revision, started_at)
                SELECT id, id, 'bench-timer', 1, 'active', @state, 1, now() - interval '30 days' FROM seed)
            INSERT INTO bench.timers (id, instance_id, element_id, due_at)
            SELECT 'due-' || id, id, 'wait', now() - interval '29 days' + g * interval '1 millisecond' FROM seed
            """);
        command.Parameters.AddWithValue("count", count);
        var state = Jsonb(waiting.State);
        state.ParameterName = "state";
        command.Parameters.Add(state);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Setup for (c): the same far-future timer rows the engine's table holds.</summary>
    public async Task CopyFutureTimersAsync()
    {
        await using var command = dataSource.CreateCommand("INSERT INTO bench.timers SELECT * FROM bpm.timers WHERE id LIKE 'far-%'; ANALYZE bench.timers");
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlBatchCommand UpdateInstance(Guid instance, int revision, WriteTemplate template, DateTimeOffset now) => Statement("""
        UPDATE bench.process_instances SET status = @status, state = @state, revision = revision + 1, ended_at = @ended
        WHERE id = @id AND revision = @revision
        """,
        ("id", instance), ("status", template.Status), ("state", Jsonb(template.State)),
        ("ended", template.Status == "active" ? DBNull.Value : now), ("revision", revision));

    private static NpgsqlBatchCommand InsertTask(Guid instance, string task, DateTimeOffset now) => Statement("""
        INSERT INTO bench.user_tasks (id, instance_id, element_id, name, candidate_groups, assignee, form_key, outcomes, created_at, due_at, status)
        VALUES (@id, @instance, 'review', 'Thẩm định', @groups, NULL, NULL, @outcomes, @now, @due, 'open')
        """,
        ("id", task), ("instance", instance), ("groups", s_groups), ("outcomes", s_outcomes), ("now", now), ("due", now.AddDays(2)));

    private static NpgsqlBatchCommand History(Guid instance, WriteTemplate template, DateTimeOffset now)
    {
        var command = Statement("""
            INSERT INTO bench.history_events (instance_id, at, type, element_id, data)
            SELECT @instance, @now, e.type, e.element_id, e.data FROM unnest(@types, @elements, @data) AS e(type, element_id, data)
            """,
            ("instance", instance), ("now", now), ("types", template.HistoryTypes), ("elements", template.HistoryElements));
        command.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = template.HistoryData });
        return command;
    }

    private static NpgsqlParameter Jsonb(string json) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = json };

    private static NpgsqlBatchCommand Statement(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            if (value is NpgsqlParameter parameter)
            {
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            else
            {
                command.Parameters.AddWithValue(name, value);
            }
        }
        return command;
    }
}
