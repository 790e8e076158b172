namespace PublicServicesBpm.Engine.Feel.Values;

/// <summary>
/// A date and time. <see cref="Local"/> is the wall-clock reading. A local value has neither
/// <see cref="Offset"/> nor <see cref="Zone"/>; a zoned value carries both (the offset in force then).
/// </summary>
internal sealed class FeelDateTime(DateTime local, TimeSpan? offset, TimeZoneInfo? zone) : FeelValue
{
    public DateTime Local { get; } = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

    public TimeSpan? Offset { get; } = offset;

    public TimeZoneInfo? Zone { get; } = zone;

    public override FeelValueKind Kind => FeelValueKind.DateTime;

    /// <summary>The instant, for values with an offset; local values are read as UTC so they stay comparable among themselves.</summary>
    public DateTime Instant => Offset is { } offset ? Local - offset : Local;

    public static FeelDateTime InZone(DateTime local, TimeZoneInfo zone) =>
        new(local, zone.GetUtcOffset(local), zone);

    public FeelDateTime WithLocal(DateTime local) =>
        Zone is { } zone ? InZone(local, zone) : new FeelDateTime(local, Offset, null);
}
