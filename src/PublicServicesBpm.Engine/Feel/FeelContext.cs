using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicServicesBpm.Engine.Feel;

/// <summary>
/// What an expression is evaluated against: the variables in scope, the clock and time zone for
/// <c>now()</c> and <c>today()</c>, and the evaluation bounds. Immutable; build one per evaluation
/// or reuse it.
/// </summary>
public sealed class FeelContext
{
    /// <summary>The time zone <c>today()</c> and <c>now()</c> use unless told otherwise.</summary>
    public const string DefaultTimeZoneId = "Asia/Ho_Chi_Minh";

    // Viet Nam keeps UTC+7 all year, so a fixed zone is a faithful stand-in where the host has no tz data.
    private static readonly TimeZoneInfo DefaultZone = TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZoneId, out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone(DefaultTimeZoneId, TimeSpan.FromHours(7), DefaultTimeZoneId, DefaultTimeZoneId);

    /// <summary>Creates a context from FEEL values.</summary>
    /// <param name="variables">Top-level names visible to the expression; may be empty.</param>
    /// <param name="timeProvider">The clock for <c>now()</c>/<c>today()</c>; defaults to the system clock.</param>
    /// <param name="timeZone">The zone for <c>now()</c>/<c>today()</c>; defaults to Asia/Ho_Chi_Minh.</param>
    /// <param name="limits">Evaluation bounds; defaults to <see cref="FeelLimits.Default"/>.</param>
    public FeelContext(
        IReadOnlyDictionary<string, FeelValue>? variables = null,
        TimeProvider? timeProvider = null,
        TimeZoneInfo? timeZone = null,
        FeelLimits? limits = null)
    {
        Variables = variables ?? new Dictionary<string, FeelValue>();
        TimeProvider = timeProvider ?? TimeProvider.System;
        TimeZone = timeZone ?? DefaultZone;
        Limits = limits ?? FeelLimits.Default;
    }

    /// <summary>An empty context on the system clock; handy for constant expressions.</summary>
    public static FeelContext Empty { get; } = new();

    /// <summary>Top-level names visible to the expression.</summary>
    public IReadOnlyDictionary<string, FeelValue> Variables { get; }

    /// <summary>The clock for <c>now()</c> and <c>today()</c>.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The zone in which <c>now()</c> and <c>today()</c> are read.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Evaluation bounds.</summary>
    public FeelLimits Limits { get; }

    /// <summary>
    /// Creates a context whose variables are the properties of a JSON object, as workflow variables
    /// are stored. A non-object element yields no variables.
    /// </summary>
    public static FeelContext FromJson(JsonElement variables, TimeProvider? timeProvider = null, TimeZoneInfo? timeZone = null, FeelLimits? limits = null) =>
        new(FeelValue.FromJson(variables) is Values.FeelContextValue map ? map.Entries : null, timeProvider, timeZone, limits);

    /// <summary>Creates a context whose variables are the properties of a JSON object node.</summary>
    public static FeelContext FromJson(JsonObject? variables, TimeProvider? timeProvider = null, TimeZoneInfo? timeZone = null, FeelLimits? limits = null) =>
        new(FeelValue.FromJson(variables) is Values.FeelContextValue map ? map.Entries : null, timeProvider, timeZone, limits);
}
