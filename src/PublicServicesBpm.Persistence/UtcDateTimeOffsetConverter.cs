using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PublicServicesBpm.Persistence;

/// <summary>Writes every <see cref="DateTimeOffset"/> as UTC: PostgreSQL's timestamptz keeps the instant, not the offset.</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(value => value.ToUniversalTime(), value => value);
