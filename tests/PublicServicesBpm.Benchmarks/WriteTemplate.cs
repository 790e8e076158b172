using Npgsql;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// What the engine wrote for one command, copied from its rows so that a raw baseline writes the same bytes:
/// the instance state after the command and the history events of the command.
/// </summary>
internal sealed record WriteTemplate(string State, string Status, string[] HistoryTypes, string?[] HistoryElements, string[] HistoryData)
{
    /// <summary>The instance's current state, and its history events with an id above <paramref name="afterHistoryId"/>.</summary>
    public static async Task<WriteTemplate> ReadAsync(NpgsqlDataSource dataSource, Guid instanceId, long afterHistoryId)
    {
        string state, status;
        await using (var command = dataSource.CreateCommand("SELECT state::text, status FROM bpm.process_instances WHERE id = @id"))
        {
            command.Parameters.AddWithValue("id", instanceId);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            (state, status) = (reader.GetString(0), reader.GetString(1));
        }
        var (types, elements, data) = (new List<string>(), new List<string?>(), new List<string>());
        await using (var command = dataSource.CreateCommand(
            "SELECT type, element_id, data::text FROM bpm.history_events WHERE instance_id = @id AND id > @after ORDER BY id"))
        {
            command.Parameters.AddWithValue("id", instanceId);
            command.Parameters.AddWithValue("after", afterHistoryId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                types.Add(reader.GetString(0));
                elements.Add(reader.IsDBNull(1) ? null : reader.GetString(1));
                data.Add(reader.GetString(2));
            }
        }
        return new WriteTemplate(state, status, [.. types], [.. elements], [.. data]);
    }

    /// <summary>The highest history event id of the instance (0 when none).</summary>
    public static async Task<long> LastHistoryIdAsync(NpgsqlDataSource dataSource, Guid instanceId)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(max(id), 0) FROM bpm.history_events WHERE instance_id = @id");
        command.Parameters.AddWithValue("id", instanceId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
