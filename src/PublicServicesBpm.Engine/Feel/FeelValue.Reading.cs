using System.Diagnostics.CodeAnalysis;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel;

/// <summary>Typed reads for callers that expect a particular kind of result (a timer's due date, a fee).</summary>
public abstract partial class FeelValue
{
    /// <summary>Reads a number.</summary>
    /// <returns>False when the value is not a number.</returns>
    public bool TryGetNumber(out decimal number)
    {
        number = this is FeelNumber n ? n.Value : 0;
        return this is FeelNumber;
    }

    /// <summary>Reads a string.</summary>
    /// <returns>False when the value is not a string.</returns>
    public bool TryGetText([NotNullWhen(true)] out string? text)
    {
        text = (this as FeelString)?.Value;
        return text is not null;
    }

    /// <summary>Reads a days-and-time duration (P1DT2H), as a timer's wait.</summary>
    /// <returns>False when the value is not a days-and-time duration.</returns>
    public bool TryGetDuration(out TimeSpan duration)
    {
        duration = this is FeelDaysTimeDuration d ? d.Value : default;
        return this is FeelDaysTimeDuration;
    }

    /// <summary>
    /// Reads a point in time, as a timer's due date. A date-time with an offset or zone is exact;
    /// a local date-time, or a date (read as its midnight), is placed in <paramref name="localZone"/>.
    /// </summary>
    /// <returns>False when the value is neither a date nor a date-time.</returns>
    public bool TryGetInstant(TimeZoneInfo localZone, out DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(localZone);
        var (local, offset) = this switch
        {
            FeelDateTime { Offset: { } known } dt => (dt.Local, known),
            FeelDateTime dt => (dt.Local, localZone.GetUtcOffset(dt.Local)),
            FeelDate d => (d.Value.ToDateTime(TimeOnly.MinValue), localZone.GetUtcOffset(d.Value.ToDateTime(TimeOnly.MinValue))),
            _ => (default(DateTime), TimeSpan.Zero),
        };
        instant = new DateTimeOffset(local, offset);
        return this is FeelDateTime or FeelDate;
    }
}
