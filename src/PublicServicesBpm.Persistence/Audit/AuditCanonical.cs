using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PublicServicesBpm.Persistence.Audit;

/// <summary>
/// The hashed form of an audit entry: a JSON object with a fixed field order, compact, UTF-8. The instant is UTC
/// with microseconds (what PostgreSQL keeps), so the stored columns can be compared with it exactly.
/// </summary>
public static class AuditCanonical
{
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % 10), TimeSpan.Zero);

    public static string Serialize(DateTimeOffset at, AuditRecord record)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("at", Truncate(at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("actorKind", record.ActorKind);
            WriteOptional(json, "actorId", record.ActorId);
            WriteOptional(json, "actorName", record.ActorName);
            json.WriteString("action", record.Action);
            WriteOptional(json, "targetType", record.TargetType);
            WriteOptional(json, "targetId", record.TargetId);
            WriteOptional(json, "dossierId", record.DossierId?.ToString("D"));
            WriteOptional(json, "ip", record.IpAddress);
            WriteOptional(json, "userAgent", record.UserAgent);
            json.WriteString("outcome", record.Outcome);
            WriteOptional(json, "details", record.Details);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>SHA-256(previous hash ‖ sequence as 8 big-endian bytes ‖ UTF-8 canonical text); what the database computes on insert.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> previousHash, long sequence, string canonical)
    {
        var text = Encoding.UTF8.GetBytes(canonical);
        var input = new byte[previousHash.Length + 8 + text.Length];
        previousHash.CopyTo(input);
        BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(previousHash.Length, 8), sequence);
        text.CopyTo(input.AsSpan(previousHash.Length + 8));
        return SHA256.HashData(input);
    }

    /// <summary>The record the canonical text describes (to compare with the row's columns).</summary>
    public static (DateTimeOffset At, AuditRecord Record) Parse(string canonical)
    {
        using var document = JsonDocument.Parse(canonical);
        var root = document.RootElement;
        string? Optional(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
        var at = DateTimeOffset.Parse(root.GetProperty("at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var dossier = Optional("dossierId");
        return (at, new AuditRecord(
            root.GetProperty("actorKind").GetString()!,
            Optional("actorId"),
            Optional("actorName"),
            root.GetProperty("action").GetString()!,
            Optional("targetType"),
            Optional("targetId"),
            dossier is null ? null : Guid.Parse(dossier),
            Optional("ip"),
            Optional("userAgent"),
            root.GetProperty("outcome").GetString()!,
            Optional("details")));
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
