using System.Collections.Concurrent;
using Npgsql;
using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Persistence.Engine;

/// <summary>
/// Deployed versions are immutable, so each is read and imported once per process and kept: the hot path
/// never parses BPMN. Keyed by the version's id.
/// </summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<Guid, ProcessDefinition> _definitions = new();

    /// <summary>The executable definition of a deployed version, read outside any command (e.g. to find a task's form binding).</summary>
    /// <exception cref="InvalidOperationException">No such version.</exception>
    public async Task<ProcessDefinition> GetAsync(NpgsqlDataSource dataSource, Guid versionId, CancellationToken cancellationToken)
    {
        if (_definitions.TryGetValue(versionId, out var cached))
        {
            return cached;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await GetAsync(connection, transaction: null, versionId, cancellationToken);
    }

    internal async Task<ProcessDefinition> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid versionId, CancellationToken cancellationToken)
    {
        if (_definitions.TryGetValue(versionId, out var cached))
        {
            return cached;
        }
        await using var command = new NpgsqlCommand("SELECT key, bpmn_xml FROM bpm.process_definition_versions WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", versionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"Process definition version {versionId} does not exist.");
        }
        var key = reader.GetString(0);
        var import = BpmnImporter.Import(reader.GetString(1));
        var definition = import.Document?.FindProcess(key)
            ?? throw new InvalidOperationException($"Deployed version {versionId} no longer imports: {string.Join("; ", import.Errors)}");
        return _definitions.GetOrAdd(versionId, definition);
    }
}
